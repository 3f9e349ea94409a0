import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './escalation-verbs.js';

function brief(yaml: string) {
  return findingsOf(rule, yaml).map(({ pointer, severity, message }) => ({
    pointer,
    severity,
    message,
  }));
}

describe('rbac/escalation-verbs', () => {
  it('reports each kind of grant at its severity', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: rbac-manager}
rules:
  - apiGroups: [""]
    resources: ["users", "groups", "serviceaccounts"]
    verbs: ["impersonate"]
  - apiGroups: [""]
    resources: ["groups"]
    resourceNames: ["system:masters"]
    verbs: ["impersonate"]
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    verbs: ["impersonate"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs: ["bind", "escalate", "get"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles"]
    resourceNames: ["view"]
    verbs: ["bind"]
  - apiGroups: [""]
    resources: ["users"]
    resourceNames: ["jane"]
    verbs: ["impersonate"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames: ["cluster-admin"]
    verbs: ["bind"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["rolebindings"]
    verbs: ["create", "bind"]
`;
    expect(brief(yaml)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'critical',
        message:
          'Rule 0 of ClusterRole "rbac-manager" allows impersonating any user or group, cluster administrators included (impersonate users, impersonate groups, impersonate serviceaccounts).',
      },
      {
        pointer: '/rules/1',
        severity: 'critical',
        message:
          'Rule 1 of ClusterRole "rbac-manager" allows impersonating the group system:masters, which bypasses all authorization (impersonate groups).',
      },
      {
        pointer: '/rules/2',
        severity: 'high',
        message:
          'Rule 2 of ClusterRole "rbac-manager" allows acting as other service accounts or identities (impersonate serviceaccounts).',
      },
      {
        pointer: '/rules/3',
        severity: 'high',
        message:
          'Rule 3 of ClusterRole "rbac-manager" allows escalate, bind on roles, so the subject can obtain permissions it does not hold (escalate/bind clusterroles.rbac.authorization.k8s.io).',
      },
      {
        pointer: '/rules/4',
        severity: 'medium',
        message:
          'Rule 4 of ClusterRole "rbac-manager" allows bind on the roles "view" (bind roles.rbac.authorization.k8s.io).',
      },
      {
        pointer: '/rules/5',
        severity: 'medium',
        message:
          'Rule 5 of ClusterRole "rbac-manager" allows acting as "jane" (impersonate users).',
      },
      {
        pointer: '/rules/6',
        severity: 'high',
        message:
          'Rule 6 of ClusterRole "rbac-manager" allows bind on roles, so the subject can obtain permissions it does not hold (bind clusterroles.rbac.authorization.k8s.io).',
      },
    ]);
  });

  it('finds the verbs through wildcards on the right resources only', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ns-admin, namespace: team}
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["impersonate", "escalate"]
  - apiGroups: ["authentication.k8s.io"]
    resources: ["uids"]
    verbs: ["*"]
`;
    expect(brief(yaml).map((finding) => [finding.pointer, finding.severity])).toEqual([
      ['/rules/0', 'high'],
      ['/rules/2', 'high'],
    ]);
  });
});
