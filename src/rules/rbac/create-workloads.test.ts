import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './create-workloads.js';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ pointer, severity, message }) => ({ pointer, severity, message }),
  );
}

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: deployer}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["create"]
  - apiGroups: ["apps", "batch"]
    resources: ["deployments", "cronjobs"]
    verbs: ["create", "update", "patch"]
  - apiGroups: ["apps"]
    resources: ["deployments"]
    resourceNames: ["web"]
    verbs: ["create", "patch"]
  - apiGroups: [""]
    resources: ["deployments"]
    verbs: ["create"]
  - apiGroups: ["apps"]
    resources: ["deployments/scale"]
    verbs: ["create", "patch"]
`;

describe('rbac/create-workloads', () => {
  it('reports create on pods and workload resources in their API groups', () => {
    expect(brief(ROLE)).toEqual([
      {
        pointer: '/rules/0',
        severity: 'medium',
        message:
          'Rule 0 of ClusterRole "deployer" allows running pods of the subject\'s choosing (create pods).',
      },
      {
        pointer: '/rules/1',
        severity: 'medium',
        message:
          'Rule 1 of ClusterRole "deployer" allows running pods of the subject\'s choosing (create deployments.apps, create cronjobs.batch).',
      },
    ]);
  });

  it('counts other verbs from the verbs option, including on named objects', () => {
    expect(
      brief(ROLE, { verbs: ['create', 'update', 'patch'] }).map((finding) => finding.message),
    ).toEqual([
      'Rule 0 of ClusterRole "deployer" allows running pods of the subject\'s choosing (create pods).',
      'Rule 1 of ClusterRole "deployer" allows running pods of the subject\'s choosing (create/update/patch deployments.apps, create/update/patch cronjobs.batch).',
      'Rule 2 of ClusterRole "deployer" allows running pods of the subject\'s choosing (patch deployments.apps).',
    ]);
  });

  it('reports every workload kind through a resource wildcard', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ci, namespace: apps}
rules:
  - apiGroups: ["", "apps", "batch"]
    resources: ["*"]
    verbs: ["create"]
`;
    expect(brief(yaml).map((finding) => finding.message)).toEqual([
      'Rule 0 of Role "apps/ci" allows running pods of the subject\'s choosing (create pods, create replicationcontrollers, create deployments.apps, create daemonsets.apps, create statefulsets.apps, create replicasets.apps, create jobs.batch, create cronjobs.batch).',
    ]);
  });

  it('validates its options', () => {
    expect(rule.meta.validateOptions?.({ includeSystemRoles: false, verbs: 'create' })).toEqual([
      'verbs must be a list of strings',
    ]);
  });
});
