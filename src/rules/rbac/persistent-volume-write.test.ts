import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './persistent-volume-write.js';

describe('rbac/persistent-volume-write', () => {
  it('reports create, update and patch on persistentvolumes; named volumes at medium', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: storage-admin}
rules:
  - apiGroups: [""]
    resources: ["persistentvolumes", "persistentvolumeclaims"]
    verbs: ["get", "list", "create"]
  - apiGroups: [""]
    resources: ["persistentvolumes"]
    resourceNames: ["shared-nfs"]
    verbs: ["patch"]
  - apiGroups: [""]
    resources: ["persistentvolumes"]
    resourceNames: ["shared-nfs"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["persistentvolumeclaims"]
    verbs: ["create", "delete"]
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
          'Rule 0 of ClusterRole "storage-admin" allows creating or changing any PersistentVolume (create persistentvolumes).',
      },
      {
        pointer: '/rules/1',
        severity: 'medium',
        message:
          'Rule 1 of ClusterRole "storage-admin" allows changing the PersistentVolumes "shared-nfs" (patch persistentvolumes).',
      },
    ]);
  });
});
