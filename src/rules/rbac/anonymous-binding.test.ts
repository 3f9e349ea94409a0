import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './anonymous-binding.js';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ resource, pointer, severity, message }) => ({
      binding: resource.name,
      pointer,
      severity,
      message,
    }),
  );
}

const ROLES = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get"]
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: banner-reader}
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    resourceNames: ["banner"]
    verbs: ["get"]
`;

function binding(name: string, role: string, subjects: string): string {
  return `---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${name}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects: ${subjects}
`;
}

describe('rbac/anonymous-binding', () => {
  it('reports public subjects at a severity from who they are and what the role grants', () => {
    const yaml = [
      ROLES,
      binding(
        'leak',
        'secret-reader',
        '[{kind: User, name: "system:anonymous"}, {kind: Group, name: "system:authenticated"}]',
      ),
      binding(
        'banner',
        'banner-reader',
        '[{kind: Group, name: "system:unauthenticated"}, {kind: Group, name: "system:authenticated"}]',
      ),
      binding(
        'unknown',
        'custom',
        '[{kind: Group, name: "system:unauthenticated"}, {kind: Group, name: "system:authenticated"}]',
      ),
      binding('everything', 'cluster-admin', '[{kind: Group, name: "system:authenticated"}]'),
    ].join('');
    expect(brief(yaml)).toEqual([
      {
        binding: 'leak',
        pointer: '/subjects/0',
        severity: 'critical',
        message:
          'Anyone who can reach the API server, without credentials, gets ClusterRole "secret-reader" through ClusterRoleBinding "leak" (subject User "system:anonymous"), which allows list secrets (ClusterRole "secret-reader", /rules/1).',
      },
      {
        binding: 'leak',
        pointer: '/subjects/1',
        severity: 'high',
        message:
          'Every authenticated user and service account gets ClusterRole "secret-reader" through ClusterRoleBinding "leak" (subject Group "system:authenticated"), which allows list secrets (ClusterRole "secret-reader", /rules/1).',
      },
      {
        binding: 'banner',
        pointer: '/subjects/0',
        severity: 'high',
        message:
          'Anyone who can reach the API server, without credentials, gets ClusterRole "banner-reader" through ClusterRoleBinding "banner" (subject Group "system:unauthenticated").',
      },
      {
        binding: 'banner',
        pointer: '/subjects/1',
        severity: 'medium',
        message:
          'Every authenticated user and service account gets ClusterRole "banner-reader" through ClusterRoleBinding "banner" (subject Group "system:authenticated").',
      },
      {
        binding: 'unknown',
        pointer: '/subjects/0',
        severity: 'critical',
        message:
          'Anyone who can reach the API server, without credentials, gets ClusterRole "custom" through ClusterRoleBinding "unknown" (subject Group "system:unauthenticated"); the role is not in the input, so what it grants is unknown.',
      },
      {
        binding: 'unknown',
        pointer: '/subjects/1',
        severity: 'high',
        message:
          'Every authenticated user and service account gets ClusterRole "custom" through ClusterRoleBinding "unknown" (subject Group "system:authenticated"); the role is not in the input, so what it grants is unknown.',
      },
      {
        binding: 'everything',
        pointer: '/subjects/0',
        severity: 'critical',
        message:
          'Every authenticated user and service account gets ClusterRole "cluster-admin" through ClusterRoleBinding "everything" (subject Group "system:authenticated"), which allows * *.*.',
      },
    ]);
  });

  it('passes Kubernetes’ own public bindings and roles in allowedRoles, unless they grant something dangerous', () => {
    const yaml = [
      binding(
        'system:public-info-viewer',
        'system:public-info-viewer',
        '[{kind: Group, name: "system:authenticated"}, {kind: Group, name: "system:unauthenticated"}]',
      ),
      binding(
        'system:discovery',
        'system:discovery',
        '[{kind: Group, name: "system:authenticated"}]',
      ),
      `---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: "kubeadm:bootstrap-signer-clusterinfo", namespace: kube-public}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "kubeadm:bootstrap-signer-clusterinfo"}
subjects: [{kind: User, name: "system:anonymous"}]
`,
      `---\n${ROLES.replace('{name: banner-reader}', '{name: status}')}`,
      binding('status', 'status', '[{kind: Group, name: "system:authenticated"}]'),
      binding('status-leak', 'secret-reader', '[{kind: Group, name: "system:authenticated"}]'),
    ].join('');
    expect(
      brief(yaml, { allowedRoles: ['system:public-info-viewer', 'status', 'secret-reader'] }).map(
        (finding) => [finding.binding, finding.severity],
      ),
    ).toEqual([
      // Not allowed here, and not in the input: what they grant is unknown.
      ['system:discovery', 'high'],
      ['kubeadm:bootstrap-signer-clusterinfo', 'critical'],
      ['status-leak', 'high'],
    ]);
    expect(
      brief(
        [
          binding(
            'system:discovery',
            'system:discovery',
            '[{kind: Group, name: "system:authenticated"}]',
          ),
          binding(
            'system:basic-user',
            'system:basic-user',
            '[{kind: Group, name: "system:authenticated"}]',
          ),
        ].join(''),
      ),
    ).toEqual([]);
  });

  it('ignores subjects of the wrong kind and other subjects', () => {
    const yaml = binding(
      'odd',
      'cluster-admin',
      '[{kind: Group, name: "system:anonymous"}, {kind: User, name: "system:authenticated"}, {kind: User, name: alice}]',
    );
    expect(brief(yaml)).toEqual([]);
  });
});
