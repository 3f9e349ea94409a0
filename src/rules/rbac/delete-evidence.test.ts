import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './delete-evidence.js';

const JANITOR = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: janitor}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list", "delete"]
  - apiGroups: ["", "events.k8s.io"]
    resources: ["events"]
    verbs: ["delete", "deletecollection"]
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["deletecollection", "get"]
  - apiGroups: [""]
    resources: ["events"]
    resourceNames: ["old-event"]
    verbs: ["delete"]
`;

describe('rbac/delete-evidence', () => {
  it('reports deleting events and deleting pods by collection', () => {
    expect(
      findingsOf(rule, JANITOR).map(({ severity, pointer, message }) => ({
        severity,
        pointer,
        message,
      })),
    ).toEqual([
      {
        severity: 'medium',
        pointer: '/rules/1',
        message:
          'Rule 1 of ClusterRole "janitor" allows erasing records of cluster activity (delete/deletecollection events, delete/deletecollection events.events.k8s.io).',
      },
      {
        severity: 'medium',
        pointer: '/rules/2',
        message:
          'Rule 2 of ClusterRole "janitor" allows erasing records of cluster activity (deletecollection pods).',
      },
      {
        severity: 'low',
        pointer: '/rules/3',
        message:
          'Rule 3 of ClusterRole "janitor" allows deleting the objects named "old-event" (delete events).',
      },
    ]);
  });

  it('passes deleting single pods and writing events', () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: restarter, namespace: shop}
rules:
  - {apiGroups: [""], resources: [pods], verbs: [get, list, delete]}
  - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
`;
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, JANITOR, { lang: 'ja' })[1]?.message).toBe(
      'ClusterRole "janitor" のルール 2 が、クラスターの活動記録の消去を許可しています（deletecollection pods）。',
    );
  });
});
