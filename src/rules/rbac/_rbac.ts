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
import type { RuleContext } from '../../core/rule.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Label the API server puts on the roles and bindings it creates itself. */
const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** The strings of a list; anything else counts as an empty list. */
export function strings(value: unknown): string[] {
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

/**
 * The policy rules of each object, read once for all the role-level rules (which only read
 * them).
 */
const readRules = new WeakMap<object, readonly PolicyRule[]>();

/** The policy rules of a Role or ClusterRole as written (not expanded by aggregation). */
export function policyRules(resource: Resource): readonly PolicyRule[] {
  const rules = resource.object.rules;
  if (!Array.isArray(rules)) {
    return [];
  }
  const known = readRules.get(rules);
  if (known !== undefined) {
    return known;
  }
  const out: PolicyRule[] = [];
  readRules.set(rules, out);
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

/**
 * Changing admission control: webhook configurations choose which requests a webhook sees and may
 * rewrite (mutating) or reject, and admission policies and their bindings decide what is denied.
 */
export const ADMISSION_CONFIG = probes(
  ['create', 'update', 'patch', 'delete', 'deletecollection'],
  'admissionregistration.k8s.io',
  [
    'mutatingwebhookconfigurations',
    'validatingwebhookconfigurations',
    'mutatingadmissionpolicies',
    'mutatingadmissionpolicybindings',
    'validatingadmissionpolicies',
    'validatingadmissionpolicybindings',
  ],
);

/**
 * Approving certificate signing requests (the approval subresource and `approve` on the signer)
 * and signing them (`sign` on the signer): either issues client certificates, for any user and
 * group the request names.
 */
export const CSR_APPROVAL = [
  ...probes(['update', 'patch'], 'certificates.k8s.io', ['certificatesigningrequests/approval']),
  ...probes(['approve', 'sign'], 'certificates.k8s.io', ['signers']),
];

/** Creating PersistentVolumes (a hostPath or NFS volume of one's choosing) or rebinding them. */
export const PERSISTENT_VOLUME_WRITE = probes(['create', 'update', 'patch'], '', [
  'persistentvolumes',
]);

/** Creating, changing or deleting ConfigMaps (for example kube-system/aws-auth or coredns). */
export const CONFIGMAP_WRITE = probes(['create', 'update', 'patch', 'delete'], '', ['configmaps']);

/**
 * Removing traces: deleting Events (core and events.k8s.io), and deleting every pod of a
 * namespace at once, which takes the logs the kubelet keeps for them along.
 */
export const DELETE_EVIDENCE = [
  ...probes(['delete', 'deletecollection'], '', ['events']),
  ...probes(['delete', 'deletecollection'], 'events.k8s.io', ['events']),
  ...probes(['deletecollection'], '', ['pods']),
];

// ---------------------------------------------------------------------------------------------
// Roles as rule targets

/** Whether a role is one of Kubernetes' own: a `system:` name or the bootstrap label. */
export function isSystemRole(resource: Resource): boolean {
  return (
    resource.ref.name.startsWith('system:') ||
    typeof resource.object.metadata?.labels?.[BOOTSTRAP_LABEL] === 'string'
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
export function inspectedRules(
  resource: Resource,
  includeSystemRoles: boolean,
): readonly PolicyRule[] {
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

/** A policy rule of a role that grants some of the probes, with the data its messages use. */
export interface ProbeGrant {
  rule: PolicyRule;
  matched: Matched;
  data: { role: string; rule: number; permissions: string };
  /** The pointer of the policy rule. */
  pointer: string;
}

/**
 * The policy rules of a role that grant one of `probes`, among those `inspectedRules` returns. The
 * `*`/`*`/`*` rule is left to `rbac/wildcard`.
 */
export function probeGrants(
  resource: Resource,
  probes: readonly Probe[],
  includeSystemRoles: boolean,
): ProbeGrant[] {
  const out: ProbeGrant[] = [];
  for (const rule of inspectedRules(resource, includeSystemRoles)) {
    const matched = isFullWildcard(rule) ? undefined : matchProbes(rule, probes);
    if (matched !== undefined) {
      const data = {
        role: describeObject(resource),
        rule: rule.index,
        permissions: formatProbes(matched.probes),
      };
      out.push({ rule, matched, data, pointer: `/rules/${rule.index}` });
    }
  }
  return out;
}

/**
 * The check of a rule that reports every PolicyRule granting one of `probes` (see `probeGrants`):
 * message `all` for any object, `named` when `resourceNames` limits it, with the role, the rule
 * index and the permissions as data.
 */
export function probeGrantCheck<MessageId extends string>(
  probes: readonly Probe[],
  all: MessageId,
  named: MessageId,
): (resource: Resource, context: RuleContext<MessageId, { includeSystemRoles: boolean }>) => void {
  return (resource, context) => {
    for (const { rule, matched, data, pointer } of probeGrants(
      resource,
      probes,
      context.options.includeSystemRoles,
    )) {
      context.report(
        matched.named
          ? { messageId: named, data: { ...data, names: formatNames(rule) }, pointer }
          : { messageId: all, data, pointer },
      );
    }
  };
}
