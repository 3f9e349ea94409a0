import { describe, expect, it } from 'vitest';
import type { Resource } from '../../core/model.js';
import type { ResourceIndex } from '../../core/rule.js';
import {
  audienceOf,
  boundRole,
  effectiveRules,
  roleGrant,
  selectorMatches,
  subjectsOf,
} from './_bindings.js';
import { formatProbes, grants, matchProbes, POD_EXEC, type PolicyRule } from './_rbac.js';

function rule(fields: Partial<PolicyRule>): PolicyRule {
  return { index: 0, apiGroups: [], resources: [], verbs: [], resourceNames: [], ...fields };
}

function resource(object: Record<string, unknown>): Resource {
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  return {
    object: object as Resource['object'],
    ref: {
      apiVersion: object.apiVersion as string,
      kind: object.kind as string,
      name: metadata.name ?? '(unnamed)',
      ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
    },
    file: 'test.yaml',
    documentIndex: 0,
    position: { line: 1, column: 1 },
  };
}

function indexOf(resources: Resource[]): ResourceIndex {
  return {
    all: resources,
    ofKind: (kind) => resources.filter((item) => item.object.kind === kind),
    workloads: [],
  };
}

const RBAC = 'rbac.authorization.k8s.io/v1';

function clusterRole(name: string, rest: Record<string, unknown>): Resource {
  return resource({ apiVersion: RBAC, kind: 'ClusterRole', metadata: { name }, ...rest });
}

describe('grants', () => {
  const secrets = { verb: 'get', group: '', resource: 'secrets' };

  it('matches verbs, groups and resources exactly or through *', () => {
    expect(grants(rule({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }), secrets)).toBe(
      'all',
    );
    expect(grants(rule({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }), secrets)).toBe('all');
    // Case matters, and so does the group.
    expect(grants(rule({ apiGroups: [''], resources: ['Secrets'], verbs: ['get'] }), secrets)).toBe(
      undefined,
    );
    expect(grants(rule({ apiGroups: [''], resources: ['secrets'], verbs: ['GET'] }), secrets)).toBe(
      undefined,
    );
    expect(
      grants(rule({ apiGroups: ['apps'], resources: ['secrets'], verbs: ['get'] }), secrets),
    ).toBe(undefined);
  });

  it('matches */subresource, but not resource/*', () => {
    const exec = { verb: 'create', group: '', resource: 'pods/exec' };
    expect(grants(rule({ apiGroups: [''], resources: ['*/exec'], verbs: ['create'] }), exec)).toBe(
      'all',
    );
    expect(grants(rule({ apiGroups: [''], resources: ['pods/*'], verbs: ['create'] }), exec)).toBe(
      undefined,
    );
    // A plain resource does not include its subresources.
    expect(grants(rule({ apiGroups: [''], resources: ['pods'], verbs: ['create'] }), exec)).toBe(
      undefined,
    );
  });

  it('limits grants to named objects, and never grants a named top-level create', () => {
    const named = rule({
      apiGroups: [''],
      resources: ['pods', 'pods/exec'],
      verbs: ['create'],
      resourceNames: ['web-0'],
    });
    expect(grants(named, { verb: 'create', group: '', resource: 'pods/exec' })).toBe('named');
    expect(grants(named, { verb: 'create', group: '', resource: 'pods' })).toBe(undefined);
  });

  it('formats matched probes per resource', () => {
    const matched = matchProbes(
      rule({ apiGroups: [''], resources: ['pods/exec', 'pods/attach'], verbs: ['*'] }),
      POD_EXEC,
    );
    expect(matched?.named).toBe(false);
    expect(formatProbes(matched?.probes ?? [])).toBe(
      'create/get pods/exec, create/get pods/attach',
    );
    expect(
      formatProbes([
        { verb: 'create', group: 'apps', resource: 'deployments' },
        { verb: 'patch', group: 'apps', resource: 'deployments' },
      ]),
    ).toBe('create/patch deployments.apps');
  });
});

describe('selectorMatches', () => {
  const labels = { a: '1', b: '2' };

  it('follows label selector semantics', () => {
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { a: '1' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { a: '2' } }, labels)).toBe(false);
    const expression = (operator: string, values?: string[]) => ({
      matchExpressions: [{ key: 'a', operator, values }],
    });
    expect(selectorMatches(expression('In', ['1', '3']), labels)).toBe(true);
    expect(selectorMatches(expression('In', ['3']), labels)).toBe(false);
    expect(selectorMatches(expression('NotIn', ['3']), labels)).toBe(true);
    expect(selectorMatches(expression('NotIn', ['1']), labels)).toBe(false);
    expect(selectorMatches(expression('NotIn', ['1']), {})).toBe(true);
    expect(selectorMatches(expression('Exists'), labels)).toBe(true);
    expect(selectorMatches(expression('DoesNotExist'), labels)).toBe(false);
  });

  it('matches nothing with an invalid selector', () => {
    expect(selectorMatches('a=1', labels)).toBe(false);
    expect(selectorMatches({ matchLabels: ['a'] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'Gt' }] }, labels)).toBe(
      false,
    );
    expect(selectorMatches({ matchLabels: { a: 1 } }, labels)).toBe(false);
  });
});

describe('effectiveRules', () => {
  it('expands aggregation transitively, ignoring the aggregated role’s own rules', () => {
    const top = clusterRole('top', {
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'agg/top': 'true' } }] },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    });
    const middle = clusterRole('middle', {
      metadata: { name: 'middle', labels: { 'agg/top': 'true' } },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'agg/middle': 'true' } }] },
    });
    const leaf = clusterRole('leaf', {
      metadata: { name: 'leaf', labels: { 'agg/middle': 'true', 'agg/top': 'true' } },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
    });
    const other = clusterRole('other', {
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    });
    const index = indexOf([top, middle, leaf, other]);
    const rules = effectiveRules(top, index);
    expect(rules.map((item) => [item.source.ref.name, item.rule.resources])).toEqual([
      ['leaf', ['secrets']],
    ]);
  });

  it('survives cycles and a selector that matches everything', () => {
    const a = clusterRole('a', {
      metadata: { name: 'a', labels: { x: 'y' } },
      aggregationRule: { clusterRoleSelectors: [{}] },
    });
    const b = clusterRole('b', {
      metadata: { name: 'b', labels: { x: 'y' } },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { x: 'y' } }] },
    });
    const c = clusterRole('c', {
      rules: [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }],
    });
    const index = indexOf([a, b, c]);
    expect(effectiveRules(a, index).map((item) => item.source.ref.name)).toEqual(['c']);
    // b selects a, which aggregates c.
    expect(effectiveRules(b, index).map((item) => item.source.ref.name)).toEqual(['c']);
  });
});

describe('bindings', () => {
  it('resolves Role references in the binding’s namespace only', () => {
    const roleA = resource({
      apiVersion: RBAC,
      kind: 'Role',
      metadata: { name: 'r', namespace: 'a' },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }],
    });
    const roleB = resource({
      apiVersion: RBAC,
      kind: 'Role',
      metadata: { name: 'r', namespace: 'b' },
    });
    const binding = resource({
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name: 'rb', namespace: 'b' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
    });
    const index = indexOf([roleA, roleB, binding]);
    expect(boundRole(binding, index)?.resource).toBe(roleB);
    const bound = boundRole(binding, index);
    expect(bound === undefined ? undefined : roleGrant(bound, index)).toEqual({ state: 'limited' });
  });

  it('names admission, certificate and PersistentVolume writes as dangerous grants, by rank', () => {
    const role = clusterRole('platform', {
      rules: [
        { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create'] },
        { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
        { apiGroups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'] },
      ],
    });
    const binding = (name: string) =>
      resource({
        apiVersion: RBAC,
        kind: 'ClusterRoleBinding',
        metadata: { name: 'b' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      });
    const grantOf = (roles: Resource[]) => {
      const index = indexOf(roles);
      const bound = boundRole(binding('platform'), index);
      return bound === undefined ? undefined : roleGrant(bound, index);
    };
    expect(grantOf([role])).toEqual({
      state: 'risky',
      grant: 'approve signers.certificates.k8s.io (ClusterRole "platform", /rules/2)',
    });
    const volumes = clusterRole('platform', {
      rules: [{ apiGroups: [''], resources: ['persistentvolumes'], verbs: ['patch'] }],
    });
    expect(grantOf([volumes])).toEqual({
      state: 'risky',
      grant: 'patch persistentvolumes (ClusterRole "platform", /rules/0)',
    });
  });

  it('rejects a ClusterRoleBinding to a Role and a foreign roleRef group', () => {
    const index = indexOf([]);
    const crb = (roleRef: unknown) =>
      resource({ apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: 'x' }, roleRef });
    expect(boundRole(crb({ kind: 'Role', name: 'r' }), index)).toBe(undefined);
    expect(boundRole(crb({ apiGroup: 'example.com', kind: 'ClusterRole', name: 'r' }), index)).toBe(
      undefined,
    );
    expect(boundRole(crb('cluster-admin'), index)).toBe(undefined);
    const admin = boundRole(crb({ kind: 'ClusterRole', name: 'cluster-admin' }), index);
    expect(admin === undefined ? undefined : roleGrant(admin, index)).toEqual({
      state: 'full',
      grant: '* *.*',
    });
  });

  it('classifies subjects and defaults a service account’s namespace to the binding’s', () => {
    const binding = resource({
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name: 'rb', namespace: 'shop' },
      subjects: [
        { kind: 'ServiceAccount', name: 'default' },
        { kind: 'User', name: 'system:serviceaccount:shop:default' },
        { kind: 'Group', name: 'system:serviceaccounts:shop' },
        { kind: 'Group', name: 'system:anonymous' },
        { kind: 'User', name: 'system:anonymous' },
        { kind: 'Group', name: 'system:unauthenticated' },
        { kind: 'Group', name: 'system:authenticated' },
        { kind: 'User', name: 'system:kube-controller-manager' },
        { kind: 'User', name: 'system:serviceaccount:shop:api' },
        { kind: 'Robot', name: 'r2' },
        'alice',
        { kind: 'User' },
      ],
    });
    const subjects = subjectsOf(binding);
    expect(subjects.map((subject) => [subject.index, subject.label, audienceOf(subject)])).toEqual([
      [0, 'ServiceAccount "shop/default"', 'defaultServiceAccount'],
      [1, 'User "system:serviceaccount:shop:default"', 'defaultServiceAccount'],
      [2, 'Group "system:serviceaccounts:shop"', 'allServiceAccounts'],
      [3, 'Group "system:anonymous"', 'system'],
      [4, 'User "system:anonymous"', 'anonymous'],
      [5, 'Group "system:unauthenticated"', 'unauthenticated'],
      [6, 'Group "system:authenticated"', 'authenticated'],
      [7, 'User "system:kube-controller-manager"', 'system'],
      [8, 'User "system:serviceaccount:shop:api"', 'other'],
    ]);
  });
});
