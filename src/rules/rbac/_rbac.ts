/*
 * Reading RBAC objects and deciding what they grant. Not a rule module (the leading underscore
 * keeps it out of the catalogue).
 *
 * RBAC objects are not type-checked before rules see them, so everything here reads fields
 * defensively: a field of the wrong type counts as absent, a list item of the wrong type is
 * skipped. Matching follows the API server's RBAC authorizer exactly: verbs, API groups and
 * resources compare case-sensitively, `*` matches everything, a resource `*\/sub` matches the
 * subresource `sub` of any resource, and `resourceNames` limits a rule to the named objects (so a
 * rule with names never grants `create` on a top-level resource, whose name is not known when the
 * request is authorized).
 */
import type { Resource } from '../../core/model.js';
import type { ResourceIndex } from '../../core/rule.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Label the API server puts on the roles and bindings it creates itself. */
const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** The strings of a list; anything else counts as an empty list. */
function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Whether the object belongs to the RBAC API group (any version). */
export function isRbacObject(resource: Resource): boolean {
  return resource.object.apiVersion.startsWith(`${RBAC_GROUP}/`);
}

/** The object's labels with string values. */
export function labelsOf(resource: Resource): Record<string, string> {
  const labels = resource.object.metadata?.labels;
  const out: Record<string, string> = {};
  if (isRecord(labels)) {
    for (const [key, value] of Object.entries(labels)) {
      if (typeof value === 'string') {
        out[key] = value;
      }
    }
  }
  return out;
}

/** `ClusterRole "name"`, `Role "namespace/name"`: how messages name an RBAC object. */
export function describeObject(resource: Resource): string {
  const { kind, namespace, name } = resource.ref;
  return namespace === undefined ? `${kind} "${name}"` : `${kind} "${namespace}/${name}"`;
}

// ---------------------------------------------------------------------------------------------
// Policy rules

/** One entry of a role's `rules`, with its position. */
export interface PolicyRule {
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
}

/** The policy rules of a Role or ClusterRole as written (not expanded by aggregation). */
export function policyRules(resource: Resource): PolicyRule[] {
  const rules = resource.object.rules;
  if (!Array.isArray(rules)) {
    return [];
  }
  const out: PolicyRule[] = [];
  rules.forEach((rule, index) => {
    if (isRecord(rule)) {
      out.push({
        index,
        apiGroups: strings(rule.apiGroups),
        resources: strings(rule.resources),
        verbs: strings(rule.verbs),
        resourceNames: strings(rule.resourceNames),
      });
    }
  });
  return out;
}

/** A rule with `*` in apiGroups, resources and verbs and no names: everything, like cluster-admin. */
export function isFullWildcard(rule: PolicyRule): boolean {
  return (
    rule.apiGroups.includes('*') &&
    rule.resources.includes('*') &&
    rule.verbs.includes('*') &&
    rule.resourceNames.length === 0
  );
}

/** A permission to look for: a verb on a resource (`pods`, `pods/exec`) of an API group. */
export interface Probe {
  verb: string;
  group: string;
  resource: string;
}

function resourceMatches(rule: PolicyRule, resource: string): boolean {
  const slash = resource.indexOf('/');
  const subresource = slash < 0 ? undefined : resource.slice(slash + 1);
  return rule.resources.some(
    (item) =>
      item === '*' ||
      item === resource ||
      (subresource !== undefined && item === `*/${subresource}`),
  );
}

/** How a rule grants a probe: to every object, to the named ones only, or not at all. */
export type Grant = 'all' | 'named' | undefined;

/** Whether a policy rule grants the probe, following the RBAC authorizer. */
export function grants(rule: PolicyRule, probe: Probe): Grant {
  if (!rule.verbs.includes('*') && !rule.verbs.includes(probe.verb)) {
    return undefined;
  }
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(probe.group)) {
    return undefined;
  }
  if (!resourceMatches(rule, probe.resource)) {
    return undefined;
  }
  if (rule.resourceNames.length === 0) {
    return 'all';
  }
  // A create of a top-level resource is authorized before the object has a name.
  return probe.verb === 'create' && !probe.resource.includes('/') ? undefined : 'named';
}

/** The probes a rule grants, with whether each is limited to named objects. */
export interface Matched {
  probes: Probe[];
  /** True when every matched probe is limited to the rule's resourceNames. */
  named: boolean;
}

export function matchProbes(rule: PolicyRule, probes: readonly Probe[]): Matched | undefined {
  const matched: Probe[] = [];
  let named = true;
  for (const probe of probes) {
    const grant = grants(rule, probe);
    if (grant !== undefined) {
      matched.push(probe);
      named &&= grant === 'named';
    }
  }
  return matched.length === 0 ? undefined : { probes: matched, named };
}

/** `get/list/watch secrets, create deployments.apps`: verbs per resource, in probe order. */
export function formatProbes(probes: readonly Probe[]): string {
  const byResource = new Map<string, string[]>();
  for (const probe of probes) {
    const key = probe.group === '' ? probe.resource : `${probe.resource}.${probe.group}`;
    const verbs = byResource.get(key) ?? [];
    if (!verbs.includes(probe.verb)) {
      verbs.push(probe.verb);
    }
    byResource.set(key, verbs);
  }
  return [...byResource].map(([resource, verbs]) => `${verbs.join('/')} ${resource}`).join(', ');
}

/** `"a", "b"`: the resourceNames of a rule for messages. */
export function formatNames(rule: PolicyRule): string {
  return rule.resourceNames.map((name) => `"${name}"`).join(', ');
}

function probes(verbs: readonly string[], group: string, resources: readonly string[]): Probe[] {
  return resources.flatMap((resource) => verbs.map((verb) => ({ verb, group, resource })));
}

/** Reading Secrets: get returns one, list and watch return all of them, values included. */
export const SECRETS_READ = probes(['get', 'list', 'watch'], '', ['secrets']);

/**
 * Running commands in, attaching to or debugging containers. `get` counts as well as `create`: a
 * GET upgraded to a WebSocket is authorized with the verb `get` (Kubernetes 1.35 adds a check for
 * `create`, behind a feature gate). Ephemeral containers (kubectl debug) are updated into a pod.
 */
export const POD_EXEC = [
  ...probes(['create', 'get'], '', ['pods/exec', 'pods/attach']),
  ...probes(['update', 'patch'], '', ['pods/ephemeralcontainers']),
];

/** Forwarding local ports into a pod's network namespace. */
export const POD_PORT_FORWARD = probes(['create', 'get'], '', ['pods/portforward']);

/** Resources whose create runs a pod of the creator's choosing, by API group. */
export const WORKLOAD_RESOURCES: readonly (readonly [string, readonly string[]])[] = [
  ['', ['pods', 'replicationcontrollers']],
  ['apps', ['deployments', 'daemonsets', 'statefulsets', 'replicasets']],
  ['batch', ['jobs', 'cronjobs']],
];

export function workloadProbes(verbs: readonly string[]): Probe[] {
  return WORKLOAD_RESOURCES.flatMap(([group, resources]) => probes(verbs, group, resources));
}

export const IMPERSONATE_USERS = probes(['impersonate'], '', ['users', 'groups']);
export const IMPERSONATE_OTHERS = [
  ...probes(['impersonate'], '', ['serviceaccounts']),
  ...probes(['impersonate'], 'authentication.k8s.io', ['uids']),
];
export const ESCALATE_BIND = probes(['escalate', 'bind'], RBAC_GROUP, ['roles', 'clusterroles']);

/** Any request through the API server's proxy to the kubelet (verb from the HTTP method). */
export const NODES_PROXY = probes(['get', 'create', 'update', 'patch', 'delete'], '', [
  'nodes/proxy',
]);

export const TOKEN_CREATE = probes(['create'], '', ['serviceaccounts/token']);

// ---------------------------------------------------------------------------------------------
// Roles as rule targets

/** Whether a role is one of Kubernetes' own: a `system:` name or the bootstrap label. */
export function isSystemRole(resource: Resource): boolean {
  return (
    resource.ref.name.startsWith('system:') || labelsOf(resource)[BOOTSTRAP_LABEL] !== undefined
  );
}

/** Whether a ClusterRole is aggregated: its rules are written by the aggregation controller. */
export function isAggregated(resource: Resource): boolean {
  const rule = resource.object.aggregationRule;
  return (
    resource.object.kind === 'ClusterRole' &&
    isRecord(rule) &&
    Array.isArray(rule.clusterRoleSelectors)
  );
}

/**
 * The policy rules a role-level rule inspects, or nothing when the object is out of scope: not an
 * RBAC object, an aggregated ClusterRole (its components are checked where their rules are
 * written), or a system role unless `includeSystemRoles` is set.
 */
export function inspectedRules(resource: Resource, includeSystemRoles: boolean): PolicyRule[] {
  if (!isRbacObject(resource) || isAggregated(resource)) {
    return [];
  }
  if (!includeSystemRoles && isSystemRole(resource)) {
    return [];
  }
  return policyRules(resource);
}

/** Checks the option shared by the role-level rules. */
export function validateIncludeSystemRoles(options: Record<string, unknown>): string[] {
  return typeof options.includeSystemRoles === 'boolean'
    ? []
    : ['includeSystemRoles must be true or false'];
}

/** Reads `options[name]` as a list of strings, or reports why it is not one. */
export function validateStringList(options: Record<string, unknown>, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? []
    : [`${name} must be a list of strings`];
}

// ---------------------------------------------------------------------------------------------
// Aggregation

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
        rolesByName.set(role.ref.name, [...(rolesByName.get(role.ref.name) ?? []), role]);
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

/**
 * The role of a RoleBinding or ClusterRoleBinding, or nothing when the roleRef is invalid (the
 * API server rejects such bindings, so they grant nothing).
 */
export function boundRole(binding: Resource, index: ResourceIndex): BoundRole | undefined {
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
    return {
      kind: 'ClusterRole',
      name,
      label: `ClusterRole "${name}"`,
      resource: cacheOf(index).byName.get(name),
    };
  }
  if (ref.kind === 'Role' && binding.object.kind === 'RoleBinding') {
    const namespace = binding.ref.namespace;
    const candidates = cacheOf(index).rolesByName.get(name) ?? [];
    // Same namespace; a side without a namespace (applied with -n) matches any.
    const resource =
      candidates.find((role) => role.ref.namespace === namespace) ??
      candidates.find((role) => role.ref.namespace === undefined || namespace === undefined);
    return {
      kind: 'Role',
      name,
      label: namespace === undefined ? `Role "${name}"` : `Role "${namespace}/${name}"`,
      resource,
    };
  }
  return undefined;
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
  { probes: POD_EXEC },
  { probes: SECRETS_READ },
  { probes: workloadProbes(['create']) },
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
