import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './secrets-read.js';

function brief(yaml: string) {
  return findingsOf(rule, yaml).map(({ pointer, severity, message }) => ({
    pointer,
    severity,
    message,
  }));
}

describe('rbac/secrets-read', () => {
  it('reports get, list or watch on secrets, written out or through wildcards', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["list"]
  - apiGroups: ["*"]
    resources: ["secrets"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["create", "delete"]
  - apiGroups: ["apps"]
    resources: ["secrets"]
    verbs: ["get"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`;
    expect(brief(yaml)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'high',
        message: 'Rule 0 of ClusterRole "reader" allows reading Secrets (get/list/watch secrets).',
      },
      {
        pointer: '/rules/1',
        severity: 'high',
        message: 'Rule 1 of ClusterRole "reader" allows reading Secrets (list secrets).',
      },
      {
        pointer: '/rules/2',
        severity: 'high',
        message: 'Rule 2 of ClusterRole "reader" allows reading Secrets (get/list/watch secrets).',
      },
    ]);
  });

  it('reports reads limited to named Secrets at medium severity', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: tls-reader, namespace: web}
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["web-tls", "web-ca"]
    verbs: ["get"]
`;
    expect(brief(yaml)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'medium',
        message:
          'Rule 0 of Role "web/tls-reader" allows reading the Secrets "web-tls", "web-ca" (get secrets).',
      },
    ]);
  });

  it('passes roles that do not read Secrets and system roles', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:controller:token-cleaner"}
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list", "watch", "delete"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: viewer}
rules:
  - apiGroups: ["", "apps"]
    resources: ["pods", "deployments", "configmaps"]
    verbs: ["get", "list", "watch"]
`;
    expect(brief(yaml)).toEqual([]);
  });
});
