/*
 * Helpers shared by the network rules: label selectors, NetworkPolicy selection and defaulting,
 * IPv4 CIDR arithmetic and Service ports. Not a rule module (the leading underscore keeps it out
 * of the catalogue).
 *
 * Only pod specs are type-checked before rules run; NetworkPolicies, Services and Ingresses are
 * read here exactly as decoded, so every field is checked for its type before use. A malformed
 * value that the API server would reject is treated as matching nothing.
 */
import type { Resource } from '../../core/model.js';
import type { ResourceIndex } from '../../core/rule.js';
import type { Workload } from '../../core/workload.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The namespace of an object; an object without one is in `default`, as `kubectl apply` puts it. */
export function namespaceOf(resource: Resource): string {
  const namespace = resource.ref.namespace;
  return namespace === undefined || namespace === '' ? 'default' : namespace;
}

/** The value of `object.spec` when it is an object; an absent spec reads as `{}`. */
export function specOf(resource: Resource): Record<string, unknown> | undefined {
  const spec = resource.object.spec;
  if (spec === undefined || spec === null) {
    return {};
  }
  return isRecord(spec) ? spec : undefined;
}

// ---------------------------------------------------------------------------------------------
// Label selectors (metav1.LabelSelector)
// ---------------------------------------------------------------------------------------------

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const items: unknown[] = value;
  return items.every((item): item is string => typeof item === 'string') ? items : undefined;
}

/** One `matchExpressions` entry against a label set; undefined when the entry is invalid. */
function requirementMatches(
  requirement: unknown,
  labels: Readonly<Record<string, string>>,
): boolean | undefined {
  if (!isRecord(requirement) || typeof requirement.key !== 'string') {
    return undefined;
  }
  const { key, operator } = requirement;
  const values = requirement.values === undefined ? [] : stringList(requirement.values);
  if (values === undefined) {
    return undefined;
  }
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (operator) {
    case 'In':
      return values.length === 0 ? undefined : has && values.includes(labels[key] ?? '');
    case 'NotIn':
      return values.length === 0 ? undefined : !has || !values.includes(labels[key] ?? '');
    case 'Exists':
      return values.length === 0 ? has : undefined;
    case 'DoesNotExist':
      return values.length === 0 ? !has : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a label selector selects an object with these labels. `matchLabels` and
 * `matchExpressions` are ANDed; an empty selector (`{}`, or an absent one where the field is not
 * optional) selects everything. An invalid selector (wrong types, unknown operator, `values` on
 * Exists / DoesNotExist or missing on In / NotIn) selects nothing, as the API server would not
 * accept it.
 */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector === undefined || selector === null) {
    return true;
  }
  if (!isRecord(selector)) {
    return false;
  }
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) {
      return false;
    }
    // for…in rather than Object.entries: this runs for every workload and policy of a namespace.
    for (const key in matchLabels) {
      const value = matchLabels[key];
      if (typeof value !== 'string' || !Object.hasOwn(labels, key) || labels[key] !== value) {
        return false;
      }
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) {
      return false;
    }
    for (const requirement of matchExpressions) {
      if (requirementMatches(requirement, labels) !== true) {
        return false;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// NetworkPolicy
// ---------------------------------------------------------------------------------------------

export type Direction = 'Ingress' | 'Egress';

/** A Kubernetes NetworkPolicy (not a Calico or Cilium resource that shares the kind). */
export interface Policy {
  resource: Resource;
  name: string;
  namespace: string;
  spec: Record<string, unknown>;
  /** `spec.policyTypes` after API-server defaulting. */
  types: ReadonlySet<Direction>;
}

/** Whether an apiVersion is the built-in NetworkPolicy API (networking.k8s.io or extensions). */
export function isBuiltinPolicyApi(apiVersion: string): boolean {
  return apiVersion.startsWith('networking.k8s.io/') || apiVersion.startsWith('extensions/');
}

/** Whether an apiVersion is the built-in Ingress API: the same two groups as NetworkPolicy. */
export const isBuiltinIngressApi = isBuiltinPolicyApi;

/**
 * `spec.policyTypes` as the API server defaults it: when the list is absent or empty, Ingress,
 * plus Egress when `spec.egress` has at least one rule (`egress: []` does not count).
 */
export function policyTypesOf(spec: Record<string, unknown>): Set<Direction> {
  const declared = spec.policyTypes;
  if (Array.isArray(declared) && declared.length > 0) {
    return new Set(
      declared.filter((type): type is Direction => type === 'Ingress' || type === 'Egress'),
    );
  }
  const types = new Set<Direction>(['Ingress']);
  if (Array.isArray(spec.egress) && spec.egress.length > 0) {
    types.add('Egress');
  }
  return types;
}

/**
 * Policies grouped by namespace, cached per index list. The engine's list for a kind only grows,
 * and deferred rules read it once it is complete; the length check keeps the cache honest anyway.
 */
const byNamespaceCache = new WeakMap<
  readonly Resource[],
  { length: number; byNamespace: Map<string, Policy[]> }
>();

function policiesByNamespace(index: ResourceIndex): Map<string, Policy[]> {
  const resources = index.ofKind('NetworkPolicy');
  const cached = byNamespaceCache.get(resources);
  if (cached !== undefined && cached.length === resources.length) {
    return cached.byNamespace;
  }
  const byNamespace = new Map<string, Policy[]>();
  for (const resource of resources) {
    const spec = specOf(resource);
    if (!isBuiltinPolicyApi(resource.object.apiVersion) || spec === undefined) {
      continue;
    }
    const namespace = namespaceOf(resource);
    const policy: Policy = {
      resource,
      name: resource.ref.name,
      namespace,
      spec,
      types: policyTypesOf(spec),
    };
    const list = byNamespace.get(namespace);
    if (list === undefined) {
      byNamespace.set(namespace, [policy]);
    } else {
      list.push(policy);
    }
  }
  // Input order, whatever order parallel workers handed the policies back in.
  for (const list of byNamespace.values()) {
    list.sort((a, b) => compareInputOrder(a.resource, b.resource));
  }
  byNamespaceCache.set(resources, { length: resources.length, byNamespace });
  return byNamespace;
}

/** Orders objects as the input holds them: by file, then document, then list item. */
function compareInputOrder(a: Resource, b: Resource): number {
  if (a.file !== b.file) {
    return a.file < b.file ? -1 : 1;
  }
  if (a.documentIndex !== b.documentIndex) {
    return a.documentIndex - b.documentIndex;
  }
  const [x, y] = [a.pointerPrefix ?? '', b.pointerPrefix ?? ''];
  return x === y ? 0 : x < y ? -1 : 1;
}

const NO_POLICIES: readonly Policy[] = [];

/** The built-in NetworkPolicies of a namespace, in input order (file, document, list item). */
export function policiesIn(index: ResourceIndex, namespace: string): readonly Policy[] {
  return policiesByNamespace(index).get(namespace) ?? NO_POLICIES;
}

/** Whether a policy's own `podSelector` selects pods with these labels. */
export function policySelects(policy: Policy, labels: Readonly<Record<string, string>>): boolean {
  return selectorMatches(policy.spec.podSelector, labels);
}

/** What the NetworkPolicies of its namespace do for one workload in one direction. */
export interface Coverage {
  namespace: string;
  /** Every built-in NetworkPolicy in the namespace. */
  inNamespace: readonly Policy[];
  /** The policies that select the workload's pods and isolate them in the direction. */
  isolating: readonly Policy[];
}

/** Which policies isolate a workload's pods (matched on the pod template labels) in a direction. */
export function coverageOf(
  workload: Workload,
  index: ResourceIndex,
  direction: Direction,
): Coverage {
  const namespace = namespaceOf(workload.resource);
  const inNamespace = policiesIn(index, namespace);
  const isolating = selectingPolicies(workload, inNamespace).filter((policy) =>
    policy.types.has(direction),
  );
  return { namespace, inNamespace, isolating };
}

/**
 * The policies of a list that select a workload's pods, in list order. Three rules ask (ingress
 * and egress isolation, metadata access), so the selectors are matched once per workload.
 */
const selecting = new WeakMap<Workload, { from: readonly Policy[]; policies: readonly Policy[] }>();
function selectingPolicies(workload: Workload, policies: readonly Policy[]): readonly Policy[] {
  const cached = selecting.get(workload);
  if (cached !== undefined && cached.from === policies) {
    return cached.policies;
  }
  const labels = workload.podMeta.labels ?? {};
  const found = policies.filter((policy) => policySelects(policy, labels));
  selecting.set(workload, { from: policies, policies: found });
  return found;
}

/** Pointer of the pod template's labels: what NetworkPolicies select on. */
export function labelsPointer(workload: Workload): string {
  return `${workload.templatePointer}/metadata/labels`;
}

// ---------------------------------------------------------------------------------------------
// IPv4 CIDRs
// ---------------------------------------------------------------------------------------------

/** An IPv4 address as an unsigned 32-bit number, or undefined if the text is not one. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) {
      return undefined;
    }
    const octet = Number(part);
    if (octet > 255) {
      return undefined;
    }
    value = value * 256 + octet;
  }
  return value;
}

export interface Cidr {
  family: 4 | 6;
  /** IPv4 network address (undefined for IPv6). */
  base?: number;
  prefix: number;
}

/** Parses `a.b.c.d/n` or an IPv6 `x::/n`; undefined when the text is not a CIDR. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const address = text.slice(0, slash).trim();
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) {
    return undefined;
  }
  const prefix = Number(prefixText);
  if (address.includes(':')) {
    return /^[0-9a-fA-F:.]+$/.test(address) && prefix <= 128 ? { family: 6, prefix } : undefined;
  }
  const base = parseIPv4(address);
  return base === undefined || prefix > 32 ? undefined : { family: 4, base, prefix };
}

/** Whether an IPv4 CIDR contains an IPv4 address; IPv6 blocks never contain one. */
export function cidrContains(cidr: Cidr, address: number): boolean {
  if (cidr.family !== 4 || cidr.base === undefined) {
    return false;
  }
  if (cidr.prefix === 0) {
    return true;
  }
  const mask = (0xffffffff << (32 - cidr.prefix)) >>> 0;
  return (cidr.base & mask) >>> 0 === (address & mask) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------------------------

/** Whether a value is a TCP/UDP port number, 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Checks that `options[name]` is a list of port numbers. */
export function validatePortList(options: Record<string, unknown>, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) && value.every(isPortNumber)
    ? []
    : [`${name} must be a list of port numbers (1-65535)`];
}

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

/** Whether a resource is a core v1 Service (not, say, a Knative Service). */
export function isCoreService(resource: Resource): boolean {
  return resource.object.kind === 'Service' && resource.object.apiVersion === 'v1';
}

/** `spec.ports` as `80/TCP, 443/TCP`; with `nodePorts`, explicit node ports are added. */
export function describePorts(spec: Record<string, unknown>, nodePorts = false): string {
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const described = ports.filter(isRecord).map((port) => {
    const number =
      typeof port.port === 'number' || typeof port.port === 'string' ? String(port.port) : '?';
    const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
    const nodePort =
      nodePorts && typeof port.nodePort === 'number' && port.nodePort !== 0
        ? ` (nodePort ${port.nodePort})`
        : '';
    return `${number}/${protocol}${nodePort}`;
  });
  return described.length === 0 ? '-' : described.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Ingress
// ---------------------------------------------------------------------------------------------

/** Whether a TLS host (possibly `*.domain`) covers a rule host. */
export function tlsHostCovers(tlsHost: string, host: string): boolean {
  const tls = tlsHost.trim().toLowerCase();
  const wanted = host.trim().toLowerCase();
  if (tls === wanted) {
    return true;
  }
  if (!tls.startsWith('*.') || wanted.startsWith('*')) {
    return false;
  }
  const dot = wanted.indexOf('.');
  return dot > 0 && wanted.slice(dot + 1) === tls.slice(2);
}
