import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './admission-config.js';

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: webhook-manager}
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["mutatingwebhookconfigurations"]
    verbs: ["get", "list", "create", "patch"]
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["validatingwebhookconfigurations"]
    resourceNames: ["my-operator-webhook"]
    verbs: ["get", "update"]
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["validatingadmissionpolicies", "validatingadmissionpolicybindings"]
    verbs: ["delete"]
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["*"]
    verbs: ["get", "list", "watch"]
`;

describe('rbac/admission-config', () => {
  it('reports writes to webhook configurations and admission policies, named ones at medium', () => {
    expect(
      findingsOf(rule, ROLE).map(({ pointer, severity, message }) => ({
        pointer,
        severity,
        message,
      })),
    ).toEqual([
      {
        pointer: '/rules/0',
        severity: 'high',
        message:
          'Rule 0 of ClusterRole "webhook-manager" allows changing admission control for the whole cluster (create/patch mutatingwebhookconfigurations.admissionregistration.k8s.io).',
      },
      {
        pointer: '/rules/1',
        severity: 'medium',
        message:
          'Rule 1 of ClusterRole "webhook-manager" allows changing the admission configurations "my-operator-webhook" (update validatingwebhookconfigurations.admissionregistration.k8s.io).',
      },
      {
        pointer: '/rules/2',
        severity: 'high',
        message:
          'Rule 2 of ClusterRole "webhook-manager" allows changing admission control for the whole cluster (delete validatingadmissionpolicies.admissionregistration.k8s.io, delete validatingadmissionpolicybindings.admissionregistration.k8s.io).',
      },
    ]);
  });

  it('skips Kubernetes system roles unless includeSystemRoles is set', () => {
    const system = ROLE.replace('name: webhook-manager', 'name: "system:controller:webhooks"');
    expect(findingsOf(rule, system)).toEqual([]);
    expect(findingsOf(rule, system, { options: { includeSystemRoles: true } })).toHaveLength(3);
  });
});
