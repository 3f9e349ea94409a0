import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './system-masters-binding.js';

const BINDING = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: Group, name: platform-admins, apiGroup: rbac.authorization.k8s.io}
  - {kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}
  - {kind: User, name: "system:masters", apiGroup: rbac.authorization.k8s.io}
`;

describe('rbac/system-masters-binding', () => {
  it('reports the group system:masters as a subject, at the subject', () => {
    expect(findingsOf(rule, BINDING)).toMatchObject([
      {
        severity: 'high',
        pointer: '/subjects/1',
        line: 7,
        message:
          'Group "system:masters" gets ClusterRole "cluster-admin" through ClusterRoleBinding "admins", but its members bypass RBAC altogether: the binding neither grants nor limits anything, and deleting it would not revoke their access.',
      },
    ]);
  });

  it('names the role of a RoleBinding with its namespace', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: masters, namespace: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ops-admin}
subjects:
  - {kind: Group, name: "system:masters"}
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      'Group "system:masters" gets Role "ops/ops-admin" through RoleBinding "ops/masters", but its members bypass RBAC altogether: the binding neither grants nor limits anything, and deleting it would not revoke their access.',
    ]);
  });

  it('passes bindings without the group, and bindings with an invalid roleRef', () => {
    expect(
      findingsOf(rule, BINDING.replace('"system:masters", apiGroup', 'ops, apiGroup')),
    ).toEqual([]);
    expect(findingsOf(rule, BINDING.replace('kind: ClusterRole,', 'kind: Secret,'))).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, BINDING, { lang: 'ja' })[0]?.message).toBe(
      'グループ "system:masters" が ClusterRoleBinding "admins" により ClusterRole "cluster-admin" を得ていますが、このグループのメンバーは RBAC を完全に迂回するため、このバインディングは何も付与も制限もせず、削除してもそのアクセスは取り消されません。',
    );
  });
});
