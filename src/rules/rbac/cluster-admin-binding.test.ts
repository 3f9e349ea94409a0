import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './cluster-admin-binding.js';

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

const BINDINGS = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}
  - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
  - {kind: ServiceAccount, name: tiller, namespace: kube-system}
  - {kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}
  - {kind: User, name: "system:kube-scheduler", apiGroup: rbac.authorization.k8s.io}
  - {kind: Group, name: "system:serviceaccounts", apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-admin, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: ServiceAccount, name: default}
`;

describe('rbac/cluster-admin-binding', () => {
  it('reports non-system subjects of cluster-admin, by name when the role is not in the input', () => {
    expect(brief(BINDINGS)).toEqual([
      {
        binding: 'ops-admins',
        pointer: '/subjects/1',
        severity: 'critical',
        message:
          'Subject User "alice" gets full control of the cluster: ClusterRoleBinding "ops-admins" grants ClusterRole "cluster-admin", which allows * *.*.',
      },
      {
        binding: 'ops-admins',
        pointer: '/subjects/2',
        severity: 'critical',
        message:
          'Subject ServiceAccount "kube-system/tiller" gets full control of the cluster: ClusterRoleBinding "ops-admins" grants ClusterRole "cluster-admin", which allows * *.*.',
      },
      {
        binding: 'ops-admins',
        pointer: '/subjects/5',
        severity: 'critical',
        message:
          'Subject Group "system:serviceaccounts" gets full control of the cluster: ClusterRoleBinding "ops-admins" grants ClusterRole "cluster-admin", which allows * *.*.',
      },
      {
        binding: 'team-admin',
        pointer: '/subjects/0',
        severity: 'high',
        message:
          'Subject ServiceAccount "team/default" gets full control of the namespace of RoleBinding "team/team-admin", which grants ClusterRole "cluster-admin" allowing * *.*.',
      },
    ]);
  });

  it('skips subjects in allowedSubjects, with a trailing * as a prefix match', () => {
    expect(
      brief(BINDINGS, {
        allowedSubjects: ['alice', 'system:serviceaccount:kube-system:*', 'system:serviceaccounts'],
      }).map((finding) => finding.pointer),
    ).toEqual(['/subjects/0']);
  });

  it('reports roles in the input that grant everything, through aggregation too', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: super}
aggregationRule:
  clusterRoleSelectors:
    - matchExpressions:
        - {key: example.com/aggregate-to-super, operator: Exists}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: everything
  labels: {example.com/aggregate-to-super: "true"}
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ci-super}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: super}
subjects:
  - {kind: ServiceAccount, name: runner, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cluster-admin}
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: shadowed}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: User, name: bob}
`;
    expect(brief(yaml)).toEqual([
      {
        binding: 'ci-super',
        pointer: '/subjects/0',
        severity: 'critical',
        message:
          'Subject ServiceAccount "ci/runner" gets full control of the cluster: ClusterRoleBinding "ci-super" grants ClusterRole "super", which allows * *.* (ClusterRole "everything", /rules/1).',
      },
    ]);
  });

  it('resolves a Role in the binding namespace', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: owner, namespace: team}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: owners, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: owner}
subjects:
  - {kind: Group, name: team-leads}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: owners, namespace: other}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: owner}
subjects:
  - {kind: Group, name: team-leads}
`;
    expect(brief(yaml).map((finding) => finding.message)).toEqual([
      'Subject Group "team-leads" gets full control of the namespace of RoleBinding "team/owners", which grants Role "team/owner" allowing * *.* (Role "team/owner", /rules/0).',
    ]);
  });

  it('ignores invalid bindings and other API groups', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: to-role}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}
subjects: [{kind: User, name: alice}]
---
apiVersion: example.com/v1
kind: ClusterRoleBinding
metadata: {name: foreign}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects: [{kind: User, name: alice}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: no-subjects}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects: {kind: User, name: alice}
`;
    expect(brief(yaml)).toEqual([]);
  });
});
