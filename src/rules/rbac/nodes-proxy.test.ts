import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './nodes-proxy.js';

describe('rbac/nodes-proxy', () => {
  it('reports any verb on nodes/proxy, named nodes at medium', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: scraper}
rules:
  - apiGroups: [""]
    resources: ["nodes", "nodes/metrics", "nodes/stats"]
    verbs: ["get", "list"]
  - apiGroups: [""]
    resources: ["nodes/proxy"]
    verbs: ["get"]
  - apiGroups: [""]
    resources: ["nodes/proxy"]
    resourceNames: ["node-1"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["*/proxy"]
    verbs: ["list", "watch"]
`;
    expect(
      findingsOf(rule, yaml).map(({ pointer, severity, message }) => ({
        pointer,
        severity,
        message,
      })),
    ).toEqual([
      {
        pointer: '/rules/1',
        severity: 'high',
        message:
          'Rule 1 of ClusterRole "scraper" allows requests to the kubelet API of every node (get nodes/proxy).',
      },
      {
        pointer: '/rules/2',
        severity: 'medium',
        message:
          'Rule 2 of ClusterRole "scraper" allows requests to the kubelet API of the nodes "node-1" (create nodes/proxy).',
      },
    ]);
  });
});
