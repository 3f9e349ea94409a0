import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './default-service-account-binding.js';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ resource, pointer, severity, message }) => ({
      binding: resource.name,
      pointer,
      severity,
      message,
    }),
  );
}

const ROLES = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: runner, namespace: ci}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list"]
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: lister, namespace: ci}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["list"]
`;

describe('rbac/default-service-account-binding', () => {
  it('reports default service accounts and all-service-account groups', () => {
    const yaml = `${ROLES}---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: runner, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: runner}
subjects:
  - {kind: ServiceAccount, name: default}
  - {kind: ServiceAccount, name: builder, namespace: ci}
  - {kind: Group, name: "system:serviceaccounts:ci"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: lister, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: lister}
subjects:
  - {kind: User, name: "system:serviceaccount:ci:default"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: view-all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
  - {kind: ServiceAccount, name: default, namespace: monitoring}
`;
    expect(brief(yaml)).toEqual([
      {
        binding: 'runner',
        pointer: '/subjects/0',
        severity: 'high',
        message:
          'Subject ServiceAccount "ci/default", a default service account, gets Role "ci/runner" through RoleBinding "ci/runner", which allows create pods/exec (Role "ci/runner", /rules/1).',
      },
      {
        binding: 'runner',
        pointer: '/subjects/2',
        severity: 'high',
        message:
          'Subject Group "system:serviceaccounts:ci", which includes the default service accounts, gets Role "ci/runner" through RoleBinding "ci/runner", which allows create pods/exec (Role "ci/runner", /rules/1).',
      },
      {
        binding: 'lister',
        pointer: '/subjects/0',
        severity: 'medium',
        message:
          'Subject User "system:serviceaccount:ci:default", a default service account, gets Role "ci/lister" through RoleBinding "ci/lister".',
      },
      {
        binding: 'view-all',
        pointer: '/subjects/0',
        severity: 'medium',
        message:
          'Subject ServiceAccount "monitoring/default", a default service account, gets ClusterRole "view" through ClusterRoleBinding "view-all"; the role is not in the input, so what it grants is unknown.',
      },
    ]);
  });

  it('leaves cluster-admin to rbac/cluster-admin-binding and honours allowedRoles', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: kube-system-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: default, namespace: kube-system}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "system:service-account-issuer-discovery"}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:service-account-issuer-discovery"}
subjects: [{kind: Group, name: "system:serviceaccounts"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: view-all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: Group, name: "system:serviceaccounts"}]
`;
    expect(brief(yaml).map((finding) => [finding.binding, finding.severity])).toEqual([
      ['view-all', 'medium'],
    ]);
    expect(brief(yaml, { allowedRoles: ['view'] }).map((finding) => finding.binding)).toEqual([
      'system:service-account-issuer-discovery',
    ]);
  });
});
