import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './node-port.js';

function service(type: string): string {
  return `apiVersion: v1
kind: Service
metadata: {name: shop, namespace: shop}
spec:
  type: ${type}
  selector: {app: shop}
  ports:
    - {port: 80, targetPort: 8080, nodePort: 30080}
    - {port: 9000, protocol: UDP}
`;
}

describe('network/node-port', () => {
  it('reports a NodePort Service with its ports', () => {
    expect(findingsOf(rule, service('NodePort'))).toMatchObject([
      {
        ruleId: 'network/node-port',
        severity: 'low',
        pointer: '/spec/type',
        line: 5,
        message:
          'Service of type NodePort opens 80/TCP (nodePort 30080), 9000/UDP on every node of the cluster.',
      },
    ]);
  });

  it('ignores other Service types', () => {
    for (const type of ['ClusterIP', 'LoadBalancer', 'ExternalName']) {
      expect(findingsOf(rule, service(type))).toEqual([]);
    }
    expect(findingsOf(rule, service('NodePort').replace(/^ {2}type: .*\n/m, ''))).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, service('NodePort'), { lang: 'ja' })[0]?.message).toBe(
      'type が NodePort の Service が、クラスターのすべてのノードで 80/TCP (nodePort 30080), 9000/UDP を開いています。',
    );
  });
});
