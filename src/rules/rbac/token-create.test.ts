import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './token-create.js';

describe('rbac/token-create', () => {
  it('reports create on serviceaccounts/token, named accounts at medium', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: token-minter, namespace: ci}
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts", "serviceaccounts/token"]
    verbs: ["get", "create"]
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    resourceNames: ["deployer"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    verbs: ["get"]
`;
    expect(
      findingsOf(rule, yaml).map(({ pointer, severity, message }) => ({
        pointer,
        severity,
        message,
      })),
    ).toEqual([
      {
        pointer: '/rules/0',
        severity: 'high',
        message:
          'Rule 0 of Role "ci/token-minter" allows creating tokens for any service account in scope (create serviceaccounts/token).',
      },
      {
        pointer: '/rules/1',
        severity: 'medium',
        message:
          'Rule 1 of Role "ci/token-minter" allows creating tokens for the service accounts "deployer" (create serviceaccounts/token).',
      },
    ]);
  });
});
