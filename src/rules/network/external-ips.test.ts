import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './external-ips.js';

function service(externalIPs: string): string {
  return `apiVersion: v1
kind: Service
metadata: {name: db-proxy, namespace: shop}
spec:
  selector: {app: db-proxy}
  ports: [{port: 5432}]
  externalIPs: ${externalIPs}
`;
}

describe('network/external-ips', () => {
  it('reports the claimed addresses at spec.externalIPs', () => {
    expect(findingsOf(rule, service('["203.0.113.7", "198.51.100.20"]'))).toMatchObject([
      {
        severity: 'medium',
        pointer: '/spec/externalIPs',
        line: 7,
        message:
          'Service claims external IP addresses "203.0.113.7", "198.51.100.20": every node sends traffic for them to this Service, whoever owns them.',
      },
    ]);
  });

  it('passes addresses inside allowedCidrs and Services without externalIPs', () => {
    const options = { options: { allowedCidrs: ['198.51.100.0/24'] } };
    expect(
      findingsOf(rule, service('["203.0.113.7", "198.51.100.20"]'), options).map(
        (finding) => finding.message,
      ),
    ).toEqual([
      'Service claims external IP addresses "203.0.113.7": every node sends traffic for them to this Service, whoever owns them.',
    ]);
    expect(findingsOf(rule, service('["198.51.100.20"]'), options)).toEqual([]);
    expect(findingsOf(rule, service('[]'))).toEqual([]);
  });

  it('reports IPv6 addresses, which allowedCidrs (IPv4) never covers', () => {
    expect(findingsOf(rule, service('["2001:db8::1"]'))).toHaveLength(1);
  });

  it('rejects allowedCidrs that are not IPv4 CIDR blocks', () => {
    expect(rule.meta.validateOptions?.({ allowedCidrs: ['10.0.0.1'] })).toEqual([
      'allowedCidrs must be a list of IPv4 CIDR blocks, e.g. 192.0.2.0/24',
    ]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, service('["203.0.113.7"]'), { lang: 'ja' })[0]?.message).toBe(
      'Service が外部 IP アドレス "203.0.113.7" を主張しています。所有者が誰であっても、すべてのノードがこれらのアドレス宛ての通信をこの Service へ転送します。',
    );
  });
});
