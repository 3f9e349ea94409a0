import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './workload-identity-grant.js';

const ROLES = `
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: shop}
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: lister, namespace: shop}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["list"]
`;

function binding(kind: string, role: string, subject: string, roleKind = 'Role'): string {
  const namespace = kind === 'RoleBinding' ? '\n  namespace: shop' : '';
  return `
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${role}-binding${namespace}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${role}}
subjects:
  - ${subject}
`;
}

const APP = (extra = 'serviceAccountName: web') =>
  deployment(`
${extra}
containers:
  - name: app
    image: nginx:1.27
`);

describe('rbac/workload-identity-grant', () => {
  it('reports a workload whose service account is bound to cluster-admin', () => {
    const yaml =
      APP() +
      binding(
        'ClusterRoleBinding',
        'cluster-admin',
        '{kind: ServiceAccount, name: web, namespace: shop}',
        'ClusterRole',
      );
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        severity: 'high',
        pointer: '/spec/template/spec/serviceAccountName',
        message:
          'The pods run as ServiceAccount "shop/web", which ClusterRoleBinding "cluster-admin-binding" grants ClusterRole "cluster-admin": every permission across the cluster.',
      },
    ]);
  });

  it('names the dangerous permission and the namespace of a RoleBinding', () => {
    const yaml =
      APP() + ROLES + binding('RoleBinding', 'reader', '{kind: ServiceAccount, name: web}');
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      'The pods run as ServiceAccount "shop/web", which RoleBinding "shop/reader-binding" grants Role "shop/reader" in namespace "shop", including get/list secrets (Role "shop/reader", /rules/0).',
    ]);
  });

  it('finds the service account named as a user, and the default one when none is set', () => {
    const asUser = binding(
      'RoleBinding',
      'reader',
      '{kind: User, name: "system:serviceaccount:shop:default"}',
    );
    expect(
      findingsOf(rule, APP('automountServiceAccountToken: true') + ROLES + asUser),
    ).toMatchObject([{ pointer: '/spec/template/spec' }]);
  });

  it('passes harmless grants, other accounts, and pods without a token', () => {
    const lister = binding('RoleBinding', 'lister', '{kind: ServiceAccount, name: web}');
    expect(findingsOf(rule, APP() + ROLES + lister)).toEqual([]);
    const other = binding('RoleBinding', 'reader', '{kind: ServiceAccount, name: api}');
    expect(findingsOf(rule, APP() + ROLES + other)).toEqual([]);
    const reader = binding('RoleBinding', 'reader', '{kind: ServiceAccount, name: web}');
    expect(
      findingsOf(
        rule,
        APP('serviceAccountName: web\nautomountServiceAccountToken: false') + ROLES + reader,
      ),
    ).toEqual([]);
  });

  it('speaks Japanese', () => {
    const yaml =
      APP() +
      binding(
        'ClusterRoleBinding',
        'cluster-admin',
        '{kind: ServiceAccount, name: web, namespace: shop}',
        'ClusterRole',
      );
    expect(findingsOf(rule, yaml, { lang: 'ja' })[0]?.message).toBe(
      'Pod は ServiceAccount "shop/web" として動き、ClusterRoleBinding "cluster-admin-binding" がこれに ClusterRole "cluster-admin"、つまりクラスター全体でのすべての権限を与えています。',
    );
  });
});
