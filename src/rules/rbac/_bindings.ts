/*
 * Who holds what: label selectors and ClusterRole aggregation, role lookup for bindings,
 * subjects and their audiences, and the strongest grant of a bound role. Not a rule module.
 */
import type { Resource } from '../../core/model.js';
import type { ResourceIndex } from '../../core/rule.js';
import {
  ADMISSION_CONFIG,
  CSR_APPROVAL,
  ESCALATE_BIND,
  IMPERSONATE_OTHERS,
  IMPERSONATE_USERS,
  type Matched,
  NODES_PROXY,
  PERSISTENT_VOLUME_WRITE,
  POD_EXEC,
  POD_PORT_FORWARD,
  type PolicyRule,
  type Probe,
  RBAC_GROUP,
  SECRETS_READ,
  TOKEN_CREATE,
  describeObject,
  formatProbes,
  isAggregated,
  isFullWildcard,
  isRbacObject,
  isRecord,
  labelsOf,
  matchProbes,
  policyRules,
  strings,
  workloadProbes,
} from './_rbac.js';

/** Whether a label selector matches labels; an invalid selector matches nothing. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) {
    return false;
  }
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) {
      return false;
    }
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string' || labels[key] !== value) {
        return false;
      }
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) {
      return false;
    }
    for (const expression of matchExpressions) {
      if (!isRecord(expression) || typeof expression.key !== 'string') {
        return false;
      }
      const has = Object.hasOwn(labels, expression.key);
      const values = strings(expression.values);
      const value = labels[expression.key];
      switch (expression.operator) {
        case 'In':
          if (value === undefined || !values.includes(value)) {
            return false;
          }
          break;
        case 'NotIn':
          if (value !== undefined && values.includes(value)) {
            return false;
          }
          break;
        case 'Exists':
          if (!has) {
            return false;
          }
          break;
        case 'DoesNotExist':
          if (has) {
            return false;
          }
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

/** A policy rule with the role that holds it. */
export interface SourcedRule {
  rule: PolicyRule;
  source: Resource;
}

/** Lookups over one scan's index, built once per index (and again if the index grows). */
interface RoleCache {
  clusterRoles: readonly Resource[];
  roles: readonly Resource[];
  sizes: string;
  /** ClusterRoles by name (the first of duplicates), with their labels. */
  byName: Map<string, Resource>;
  labels: Map<Resource, Record<string, string>>;
  /** Roles by name, every namespace. */
  rolesByName: Map<string, Resource[]>;
  /** ClusterRoles matched by each selector, keyed by its JSON. */
  selected: Map<string, Resource[]>;
  effective: Map<Resource, SourcedRule[]>;
  grants: Map<Resource, RoleGrant>;
}

const caches = new WeakMap<ResourceIndex, RoleCache>();

function cacheOf(index: ResourceIndex): RoleCache {
  const clusterRoles = index.ofKind('ClusterRole');
  const roles = index.ofKind('Role');
  const sizes = `${clusterRoles.length}/${roles.length}`;
  let cache = caches.get(index);
  if (
    cache === undefined ||
    cache.sizes !== sizes ||
    (clusterRoles.length > 0 && cache.clusterRoles !== clusterRoles) ||
    (roles.length > 0 && cache.roles !== roles)
  ) {
    const byName = new Map<string, Resource>();
    const labels = new Map<Resource, Record<string, string>>();
    for (const role of clusterRoles) {
      if (isRbacObject(role) && !byName.has(role.ref.name)) {
        byName.set(role.ref.name, role);
        labels.set(role, labelsOf(role));
      }
    }
    const rolesByName = new Map<string, Resource[]>();
    for (const role of roles) {
      if (isRbacObject(role)) {
        const named = rolesByName.get(role.ref.name);
        if (named === undefined) {
          rolesByName.set(role.ref.name, [role]);
        } else {
          named.push(role);
        }
      }
    }
    cache = {
      clusterRoles,
      roles,
      sizes,
      byName,
      labels,
      rolesByName,
      selected: new Map(),
      effective: new Map(),
      grants: new Map(),
    };
    caches.set(index, cache);
  }
  return cache;
}

/** The ClusterRoles a selector matches. */
function selectedBy(cache: RoleCache, selector: unknown): readonly Resource[] {
  const key = JSON.stringify(selector) ?? '';
  let selected = cache.selected.get(key);
  if (selected === undefined) {
    selected = [...cache.labels]
      .filter(([, labels]) => selectorMatches(selector, labels))
      .map(([role]) => role);
    cache.selected.set(key, selected);
  }
  return selected;
}

/**
 * The rules a role grants. For an aggregated ClusterRole they are the union of the rules of the
 * ClusterRoles in the input that its selectors match (itself excluded, aggregated ones expanded in
 * turn), as the aggregation controller computes them; its own `rules` field is the controller's
 * output and is ignored.
 */
export function effectiveRules(role: Resource, index: ResourceIndex): SourcedRule[] {
  const cache = cacheOf(index);
  const cached = cache.effective.get(role);
  if (cached !== undefined) {
    return cached;
  }
  const out: SourcedRule[] = [];
  const seen = new Set<Resource>();
  const visit = (current: Resource): void => {
    if (seen.has(current)) {
      return;
    }
    seen.add(current);
    if (!isAggregated(current)) {
      out.push(...policyRules(current).map((rule) => ({ rule, source: current })));
      return;
    }
    const aggregation = current.object.aggregationRule as { clusterRoleSelectors: unknown[] };
    for (const selector of aggregation.clusterRoleSelectors) {
      for (const candidate of selectedBy(cache, selector)) {
        if (candidate.ref.name !== current.ref.name) {
          visit(candidate);
        }
      }
    }
  };
  visit(role);
  cache.effective.set(role, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bindings

/** The role a binding refers to. */
export interface BoundRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** `ClusterRole "name"` for messages. */
  label: string;
  /** The role in the input, if it is there. */
  resource: Resource | undefined;
}

/** What a binding's roleRef names, before looking the role up. */
export type RoleRef = Omit<BoundRole, 'resource'>;

/**
 * What the roleRef of a RoleBinding or ClusterRoleBinding names, or nothing when it is invalid
 * (the API server rejects such bindings, so they grant nothing). Needs no other object: rules
 * that only name the role use this, and do not wait for the input's roles.
 */
export function roleRefOf(binding: Resource): RoleRef | undefined {
  if (!isRbacObject(binding)) {
    return undefined;
  }
  const ref = binding.object.roleRef;
  if (!isRecord(ref) || typeof ref.name !== 'string' || ref.name === '') {
    return undefined;
  }
  if (ref.apiGroup !== undefined && ref.apiGroup !== RBAC_GROUP) {
    return undefined;
  }
  const { name } = ref;
  if (ref.kind === 'ClusterRole') {
    return { kind: 'ClusterRole', name, label: `ClusterRole "${name}"` };
  }
  if (ref.kind === 'Role' && binding.object.kind === 'RoleBinding') {
    const namespace = binding.ref.namespace;
    return {
      kind: 'Role',
      name,
      label: namespace === undefined ? `Role "${name}"` : `Role "${namespace}/${name}"`,
    };
  }
  return undefined;
}

/** The role of a RoleBinding or ClusterRoleBinding, looked up among the input's roles. */
export function boundRole(binding: Resource, index: ResourceIndex): BoundRole | undefined {
  const ref = roleRefOf(binding);
  if (ref === undefined) {
    return undefined;
  }
  if (ref.kind === 'ClusterRole') {
    return { ...ref, resource: cacheOf(index).byName.get(ref.name) };
  }
  const namespace = binding.ref.namespace;
  const candidates = cacheOf(index).rolesByName.get(ref.name) ?? [];
  // Same namespace; a side without a namespace (applied with -n) matches any.
  const resource =
    candidates.find((role) => role.ref.namespace === namespace) ??
    candidates.find((role) => role.ref.namespace === undefined || namespace === undefined);
  return { ...ref, resource };
}

/** One subject of a binding. */
export interface Subject {
  /** Position in `subjects`. */
  index: number;
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  /** For service accounts: the namespace (the binding's when the subject has none). */
  namespace?: string;
  /** The user or group name the authorizer compares: `system:serviceaccount:ns:name` for SAs. */
  identity: string;
  /** `User "alice"`, `ServiceAccount "ns/name"` for messages. */
  label: string;
}

/** The valid subjects of a binding; entries the API server would reject are skipped. */
export function subjectsOf(binding: Resource): Subject[] {
  const subjects = binding.object.subjects;
  if (!Array.isArray(subjects)) {
    return [];
  }
  const out: Subject[] = [];
  subjects.forEach((subject, index) => {
    if (!isRecord(subject) || typeof subject.name !== 'string' || subject.name === '') {
      return;
    }
    const { kind, name } = subject;
    if (kind === 'ServiceAccount') {
      const namespace =
        typeof subject.namespace === 'string' && subject.namespace !== ''
          ? subject.namespace
          : (binding.ref.namespace ?? '');
      out.push({
        index,
        kind,
        name,
        namespace,
        identity: `system:serviceaccount:${namespace}:${name}`,
        label: `ServiceAccount "${namespace}/${name}"`,
      });
    } else if (kind === 'User' || kind === 'Group') {
      out.push({ index, kind, name, identity: name, label: `${kind} "${name}"` });
    }
  });
  return out;
}

/** Who a subject stands for, as far as the binding rules care. */
export type Audience =
  | 'anonymous'
  | 'unauthenticated'
  | 'authenticated'
  | 'defaultServiceAccount'
  | 'allServiceAccounts'
  | 'system'
  | 'other';

export function audienceOf(subject: Subject): Audience {
  const { kind, identity } = subject;
  if (kind === 'User' && identity === 'system:anonymous') {
    return 'anonymous';
  }
  if (kind === 'Group' && identity === 'system:unauthenticated') {
    return 'unauthenticated';
  }
  if (kind === 'Group' && identity === 'system:authenticated') {
    return 'authenticated';
  }
  if (kind !== 'Group' && /^system:serviceaccount:[^:]*:default$/.test(identity)) {
    return 'defaultServiceAccount';
  }
  if (kind === 'Group' && /^system:serviceaccounts(:[^:]+)?$/.test(identity)) {
    return 'allServiceAccounts';
  }
  if (identity.startsWith('system:') && !identity.startsWith('system:serviceaccount')) {
    return 'system';
  }
  return 'other';
}

/** Whether a name matches one of the patterns (exact, or a prefix ending with `*`). */
export function matchesPattern(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}

// ---------------------------------------------------------------------------------------------
// The most dangerous thing a role grants

/** Capabilities in decreasing order of danger. */
const CAPABILITIES: readonly { probes: readonly Probe[] }[] = [
  { probes: IMPERSONATE_USERS },
  { probes: ESCALATE_BIND },
  { probes: TOKEN_CREATE },
  { probes: IMPERSONATE_OTHERS },
  { probes: NODES_PROXY },
  { probes: ADMISSION_CONFIG },
  { probes: CSR_APPROVAL },
  { probes: POD_EXEC },
  { probes: SECRETS_READ },
  { probes: workloadProbes(['create']) },
  { probes: PERSISTENT_VOLUME_WRITE },
  { probes: POD_PORT_FORWARD },
];

/** What a binding's role grants, as far as the input shows. */
export type RoleGrant =
  | { state: 'full'; grant: string }
  | { state: 'risky'; grant: string }
  | { state: 'limited' }
  | { state: 'unresolved' };

function sourcedText(permission: string, sourced: SourcedRule): string {
  return `${permission} (${describeObject(sourced.source)}, /rules/${sourced.rule.index})`;
}

/**
 * The most dangerous permission a bound role grants, written `verbs resource.group (Role "x",
 * /rules/N)`. A ClusterRole named cluster-admin that is not in the input is taken to be the
 * built-in one.
 */
export function roleGrant(role: BoundRole, index: ResourceIndex): RoleGrant {
  if (role.resource === undefined) {
    return role.kind === 'ClusterRole' && role.name === 'cluster-admin'
      ? { state: 'full', grant: '* *.*' }
      : { state: 'unresolved' };
  }
  const cache = cacheOf(index);
  const cached = cache.grants.get(role.resource);
  if (cached !== undefined) {
    return cached;
  }
  const granted = strongestGrant(effectiveRules(role.resource, index));
  cache.grants.set(role.resource, granted);
  return granted;
}

function strongestGrant(rules: readonly SourcedRule[]): RoleGrant {
  const full = rules.find((sourced) => isFullWildcard(sourced.rule));
  if (full !== undefined) {
    return { state: 'full', grant: sourcedText('* *.*', full) };
  }
  for (const capability of CAPABILITIES) {
    let best: { sourced: SourcedRule; matched: Matched } | undefined;
    for (const sourced of rules) {
      const matched = matchProbes(sourced.rule, capability.probes);
      if (matched !== undefined && (best === undefined || (best.matched.named && !matched.named))) {
        best = { sourced, matched };
      }
    }
    if (best !== undefined) {
      return {
        state: 'risky',
        grant: sourcedText(formatProbes(best.matched.probes), best.sourced),
      };
    }
  }
  return { state: 'limited' };
}
