import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './csr-approval.js';

describe('rbac/csr-approval', () => {
  it('reports approval and signing permissions, signers limited by name at medium', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: csr-approver}
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests"]
    verbs: ["get", "list", "watch", "create"]
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests/approval"]
    verbs: ["update"]
  - apiGroups: ["certificates.k8s.io"]
    resources: ["signers"]
    resourceNames: ["example.com/serving"]
    verbs: ["approve"]
  - apiGroups: ["certificates.k8s.io"]
    resources: ["signers"]
    verbs: ["sign"]
`;
    expect(
      findingsOf(rule, yaml).map(({ pointer, severity, message }) => ({
        pointer,
        severity,
        message,
      })),
    ).toEqual([
      {
        pointer: '/rules/1',
        severity: 'high',
        message:
          'Rule 1 of ClusterRole "csr-approver" allows approving or signing certificate requests for any signer (update certificatesigningrequests/approval.certificates.k8s.io).',
      },
      {
        pointer: '/rules/2',
        severity: 'medium',
        message:
          'Rule 2 of ClusterRole "csr-approver" allows approving or signing certificate requests for "example.com/serving" (approve signers.certificates.k8s.io).',
      },
      {
        pointer: '/rules/3',
        severity: 'high',
        message:
          'Rule 3 of ClusterRole "csr-approver" allows approving or signing certificate requests for any signer (sign signers.certificates.k8s.io).',
      },
    ]);
  });

  it('passes creating and reading requests', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: requester, namespace: ci}
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests"]
    verbs: ["create", "get"]
`;
    expect(findingsOf(rule, yaml)).toEqual([]);
  });
});
