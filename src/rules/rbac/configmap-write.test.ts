import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './configmap-write.js';

function role(kind: string, namespace: string | undefined, rules: string): string {
  const metadata = namespace === undefined ? '{name: r}' : `{name: r, namespace: ${namespace}}`;
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: ${metadata}\nrules:\n${rules}`;
}

const RULES = `  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["update", "patch"]
  - apiGroups: [""]
    resources: ["configmaps"]
    resourceNames: ["aws-auth", "my-lock"]
    verbs: ["update"]
  - apiGroups: [""]
    resources: ["configmaps"]
    resourceNames: ["my-lock"]
    verbs: ["update", "delete"]
`;

function summary(yaml: string): { severity: string; pointer: string; message: string }[] {
  return findingsOf(rule, yaml).map(({ severity, pointer, message }) => ({
    severity,
    pointer,
    message,
  }));
}

describe('rbac/configmap-write', () => {
  it('reports writes in kube-system Roles, and named sensitive ConfigMaps at their names', () => {
    expect(summary(role('Role', 'kube-system', RULES))).toEqual([
      {
        severity: 'high',
        pointer: '/rules/1',
        message:
          'Rule 1 of Role "kube-system/r" allows changing any ConfigMap in kube-system, aws-auth and coredns included (update/patch configmaps).',
      },
      {
        severity: 'high',
        pointer: '/rules/2/resourceNames',
        message:
          'Rule 2 of Role "kube-system/r" allows changing the cluster ConfigMaps "aws-auth" (update configmaps).',
      },
    ]);
  });

  it('reports ClusterRoles that cover every ConfigMap at medium', () => {
    expect(
      summary(role('ClusterRole', undefined, RULES)).map((f) => [f.severity, f.pointer]),
    ).toEqual([
      ['medium', '/rules/1'],
      ['high', '/rules/2/resourceNames'],
    ]);
  });

  it('counts wildcards, but leaves */*/* to rbac/wildcard', () => {
    const yaml = role(
      'ClusterRole',
      undefined,
      `  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["create"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
    );
    expect(summary(yaml).map((finding) => finding.message)).toEqual([
      'Rule 0 of ClusterRole "r" allows changing any ConfigMap (create configmaps); bound cluster-wide or in kube-system, that includes aws-auth and coredns.',
    ]);
  });

  it('passes Roles in other namespaces, system roles, and creates limited by name', () => {
    expect(findingsOf(rule, role('Role', 'shop', RULES))).toEqual([]);
    expect(
      findingsOf(
        rule,
        `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:controller:bootstrap-signer"}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [update]}]
`,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        rule,
        role(
          'Role',
          'kube-system',
          '  - {apiGroups: [""], resources: [configmaps], resourceNames: [coredns], verbs: [create]}\n',
        ),
      ),
    ).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, role('Role', 'kube-system', RULES), { lang: 'ja' })[1]?.message).toBe(
      'Role "kube-system/r" のルール 2 が、クラスターの ConfigMap "aws-auth" の変更を許可しています（update configmaps）。',
    );
  });
});
