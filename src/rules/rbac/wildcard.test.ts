import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './wildcard.js';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ pointer, severity, message }) => ({ pointer, severity, message }),
  );
}

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: operator
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: ["monitoring.coreos.com"]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["*/scale"]
    verbs: ["get"]
  - apiGroups: ["*"]
    resources: ["deployments"]
    verbs: ["get", "list"]
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list"]
`;

describe('rbac/wildcard', () => {
  it('reports each wildcard rule once, by what it covers', () => {
    expect(brief(ROLE)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'critical',
        message:
          'Rule 0 of ClusterRole "operator" allows every verb on every resource of every API group, the same power as cluster-admin.',
      },
      {
        pointer: '/rules/1',
        severity: 'high',
        message: 'Rule 1 of ClusterRole "operator" uses a wildcard in resources, verbs.',
      },
      {
        pointer: '/rules/2',
        severity: 'high',
        message: 'Rule 2 of ClusterRole "operator" uses a wildcard in resources.',
      },
      {
        pointer: '/rules/3',
        severity: 'medium',
        message:
          'Rule 3 of ClusterRole "operator" uses a wildcard in apiGroups, so it also covers resources of the same name in every other API group.',
      },
    ]);
  });

  it('names a namespaced Role with its namespace, in Japanese too', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: shop}
rules:
  - apiGroups: ["", "apps"]
    resources: ["configmaps"]
    verbs: ["*"]
`;
    expect(findingsOf(rule, yaml, { lang: 'ja' }).map((finding) => finding.message)).toEqual([
      'Role "shop/app" のルール 0 の verbs にワイルドカードが使われています。',
    ]);
  });

  it('skips system roles unless includeSystemRoles is set, and aggregated roles always', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cluster-admin
  labels: {kubernetes.io/bootstrapping: rbac-defaults}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:controller:namespace-controller"}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["delete", "get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring-edit}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {example.com/aggregate-to-monitoring: "true"}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`;
    expect(brief(yaml)).toEqual([]);
    expect(brief(yaml, { includeSystemRoles: true }).map((finding) => finding.message)).toEqual([
      'Rule 0 of ClusterRole "cluster-admin" allows every verb on every resource of every API group, the same power as cluster-admin.',
      'Rule 0 of ClusterRole "system:controller:namespace-controller" uses a wildcard in apiGroups, resources.',
    ]);
  });

  it('ignores objects of other API groups and malformed rules', () => {
    const yaml = `apiVersion: example.com/v1
kind: Role
metadata: {name: not-rbac}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: broken}
rules:
  - "*"
  - apiGroups: "*"
    resources: {"*": true}
    verbs: [1, null]
  - null
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: no-rules}
rules: "*"
`;
    expect(brief(yaml)).toEqual([]);
  });

  it('finds roles inside a List', () => {
    const yaml = `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: listed}
    rules:
      - apiGroups: [""]
        resources: ["*"]
        verbs: ["get"]
`;
    expect(brief(yaml).map((finding) => finding.pointer)).toEqual(['/rules/0']);
  });

  it('rejects a non-boolean includeSystemRoles', () => {
    expect(rule.meta.validateOptions?.({ includeSystemRoles: 'yes' })).toEqual([
      'includeSystemRoles must be true or false',
    ]);
  });
});
