import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './pod-exec.js';

function brief(yaml: string) {
  return findingsOf(rule, yaml).map(({ pointer, severity, message }) => ({
    pointer,
    severity,
    message,
  }));
}

describe('rbac/pod-exec', () => {
  it('reports exec, attach and ephemeral containers at high severity, with port-forward named', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: debugger, namespace: shop}
rules:
  - apiGroups: [""]
    resources: ["pods/exec", "pods/portforward"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["pods/attach"]
    verbs: ["get"]
  - apiGroups: [""]
    resources: ["pods/ephemeralcontainers"]
    verbs: ["patch"]
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "create"]
`;
    expect(brief(yaml)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'high',
        message:
          'Rule 0 of Role "shop/debugger" allows running commands inside containers (create pods/exec, create pods/portforward).',
      },
      {
        pointer: '/rules/1',
        severity: 'high',
        message:
          'Rule 1 of Role "shop/debugger" allows running commands inside containers (get pods/attach).',
      },
      {
        pointer: '/rules/2',
        severity: 'high',
        message:
          'Rule 2 of Role "shop/debugger" allows running commands inside containers (patch pods/ephemeralcontainers).',
      },
    ]);
  });

  it('reports port-forwarding alone at medium, and named pods one level lower', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: tunnel}
rules:
  - apiGroups: [""]
    resources: ["pods/portforward"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["pods/portforward"]
    resourceNames: ["db-0"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["*/exec"]
    resourceNames: ["db-0"]
    verbs: ["create"]
`;
    expect(brief(yaml)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'medium',
        message:
          'Rule 0 of ClusterRole "tunnel" allows port-forwarding into pods (create/get pods/portforward).',
      },
      {
        pointer: '/rules/1',
        severity: 'low',
        message:
          'Rule 1 of ClusterRole "tunnel" allows port-forwarding into the pods "db-0" (create pods/portforward).',
      },
      {
        pointer: '/rules/2',
        severity: 'medium',
        message:
          'Rule 2 of ClusterRole "tunnel" allows running commands inside the pods "db-0" (create pods/exec).',
      },
    ]);
  });

  it('leaves rules with * everywhere to rbac/wildcard', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: admin-like}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["create"]
`;
    expect(brief(yaml).map((finding) => finding.pointer)).toEqual(['/rules/1']);
  });
});
