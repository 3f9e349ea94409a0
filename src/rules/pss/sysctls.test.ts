import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './sysctls.js';

describe('pss/sysctls', () => {
  it('passes safe sysctls', () => {
    const yaml = deployment(`
securityContext:
  sysctls:
    - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports the pod at the first unsafe sysctl', () => {
    const yaml = deployment(`
securityContext:
  sysctls:
    - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
    - {name: kernel.msgmax, value: "65536"}
    - {name: net.core.somaxconn, value: "1024"}
containers:
  - name: app
    image: nginx:1.27
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/spec/template/spec/securityContext/sysctls/1/name',
        'Violates PodSecurity "baseline:latest": forbidden sysctls (kernel.msgmax, net.core.somaxconn).',
      ],
    ]);
  });

  it('follows the allowed list of the policy version', () => {
    const yaml = deployment(`
securityContext:
  sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "600"}]
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.29' } })).toEqual([]);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.28' } })).toHaveLength(1);
  });
});
