/*
 * Network policies of the network plugins, which isolate pods as Kubernetes NetworkPolicies do:
 * Cilium's CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy, and Calico's NetworkPolicy and
 * GlobalNetworkPolicy. Without them, pods that such a policy isolates would be reported as open
 * (the complaint peers get most about NetworkPolicy checks). Not a rule module.
 *
 * Cilium: a policy selects pods with `endpointSelector` (a label selector whose keys may carry a
 * source prefix, `k8s:` or `any:`; `io.kubernetes.pod.namespace` is the pod's namespace), and
 * governs a direction when it has rules for it (`ingress`/`ingressDeny`, `egress`/`egressDeny`).
 * A namespaced policy selects only pods of its namespace. `specs` holds several rules.
 * Calico: `selector` is an expression; the common forms are evaluated (`all()`, `has(k)`,
 * `!has(k)`, `k == 'v'`, `k != 'v'`, `k in {...}`, `k not in {...}`, joined by `&&`). A policy
 * applies to Ingress, and to Egress when it has egress rules, unless `types` says otherwise.
 * A selector outside that subset, or a GlobalNetworkPolicy with a `namespaceSelector`, is "not
 * evaluated": the pods may or may not be isolated, and the rules say so instead of guessing.
 */
import type { Resource } from '../../core/model.js';
import { perIndex } from '../../core/resource-index.js';
import type { ResourceIndex } from '../../core/rule.js';
import { isRecord, namespaceOf, policyTypesOf, selectorMatches, type Direction } from './_net.js';

/** Kinds of plugin policies, for the rules' `indexKinds` (Calico's NetworkPolicy shares the kind). */
export const CNI_POLICY_KINDS = [
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'GlobalNetworkPolicy',
  'NetworkPolicy',
];

/** What the plugin policies that could apply to a pod say about it in one direction. */
export interface CniVerdict {
  /** Policies that isolate the pod. */
  isolating: Resource[];
  /** Policies that might, but whose selectors mamori does not evaluate. */
  unevaluated: Resource[];
}

function isCalico(resource: Resource): boolean {
  const apiVersion = resource.object.apiVersion;
  return (
    apiVersion.startsWith('projectcalico.org/') || apiVersion.startsWith('crd.projectcalico.org/')
  );
}

function isCilium(resource: Resource): boolean {
  return resource.object.apiVersion.startsWith('cilium.io/');
}

const NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';

/** A Cilium selector with source prefixes removed from its keys: `k8s:app` is `app`. */
function plainSelector(selector: unknown): unknown {
  if (!isRecord(selector)) {
    return selector;
  }
  const strip = (key: string): string => key.replace(/^(?:k8s|any):/, '');
  const out: Record<string, unknown> = {};
  if (isRecord(selector.matchLabels)) {
    out.matchLabels = Object.fromEntries(
      Object.entries(selector.matchLabels).map(([key, value]) => [strip(key), value]),
    );
  } else if (selector.matchLabels !== undefined) {
    out.matchLabels = selector.matchLabels;
  }
  if (Array.isArray(selector.matchExpressions)) {
    out.matchExpressions = selector.matchExpressions.map((requirement: unknown) =>
      isRecord(requirement) && typeof requirement.key === 'string'
        ? { ...requirement, key: strip(requirement.key) }
        : requirement,
    );
  } else if (selector.matchExpressions !== undefined) {
    out.matchExpressions = selector.matchExpressions;
  }
  return out;
}

function ciliumIsolates(
  resource: Resource,
  labels: Readonly<Record<string, string>>,
  namespace: string,
  direction: Direction,
): boolean {
  const clusterwide = resource.object.kind === 'CiliumClusterwideNetworkPolicy';
  if (!clusterwide && namespaceOf(resource) !== namespace) {
    return false;
  }
  const { spec, specs } = resource.object;
  const rules: unknown[] = [
    ...(isRecord(spec) ? [spec] : []),
    ...(Array.isArray(specs) ? (specs as unknown[]) : []),
  ];
  const keys = direction === 'Ingress' ? ['ingress', 'ingressDeny'] : ['egress', 'egressDeny'];
  const podLabels = { ...labels, [NAMESPACE_LABEL]: namespace };
  return rules.some(
    (rule: unknown) =>
      isRecord(rule) &&
      rule.endpointSelector !== undefined &&
      keys.some((key) => Array.isArray(rule[key])) &&
      selectorMatches(plainSelector(rule.endpointSelector), podLabels),
  );
}

/**
 * A Calico selector expression against labels: true or false, or undefined when the expression
 * is outside the evaluated subset.
 */
export function calicoSelects(
  expression: string,
  labels: Readonly<Record<string, string>>,
): boolean | undefined {
  const text = expression.trim();
  if (text === '' || text === 'all()') {
    return true;
  }
  if (/\|\||\(\s*[^)]*&&|\bglobal\(\)/.test(text)) {
    return undefined;
  }
  let result = true;
  for (const raw of text.split('&&')) {
    const term = raw.trim();
    const has = /^(!?)\s*has\(\s*([\w./-]+)\s*\)$/.exec(term);
    if (has !== null) {
      const present = Object.prototype.hasOwnProperty.call(labels, has[2] ?? '');
      result &&= has[1] === '!' ? !present : present;
      continue;
    }
    const compare = /^([\w./-]+)\s*(==|!=)\s*(['"])(.*?)\3$/.exec(term);
    if (compare !== null) {
      const value = labels[compare[1] ?? ''];
      result &&= compare[2] === '==' ? value === compare[4] : value !== compare[4];
      continue;
    }
    const set = /^([\w./-]+)\s+(in|not\s+in)\s*\{(.*)\}$/.exec(term);
    if (set !== null) {
      const items = (set[3] ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map((item) => /^(['"])(.*)\1$/.exec(item)?.[2]);
      if (items.some((item) => item === undefined)) {
        return undefined;
      }
      const value = labels[set[1] ?? ''];
      const inside = value !== undefined && items.includes(value);
      result &&= set[2] === 'in' ? inside : !inside;
      continue;
    }
    return undefined;
  }
  return result;
}

/**
 * The directions a Calico policy applies to: `types`, or by default Ingress plus Egress when it
 * has egress rules, which is how the API server defaults a NetworkPolicy's `policyTypes`.
 */
function calicoTypes(spec: Record<string, unknown>): Set<Direction> {
  return policyTypesOf({ ...spec, policyTypes: spec.types });
}

function calicoVerdict(
  resource: Resource,
  labels: Readonly<Record<string, string>>,
  namespace: string,
  direction: Direction,
): boolean | undefined {
  const global = resource.object.kind === 'GlobalNetworkPolicy';
  if (!global && namespaceOf(resource) !== namespace) {
    return false;
  }
  const spec = resource.object.spec;
  if (!isRecord(spec) || !calicoTypes(spec).has(direction)) {
    return false;
  }
  if (global && spec.namespaceSelector !== undefined && spec.namespaceSelector !== 'all()') {
    return undefined;
  }
  const selector = spec.selector;
  if (selector !== undefined && typeof selector !== 'string') {
    return false;
  }
  return calicoSelects(selector ?? 'all()', labels);
}

/**
 * What the plugin policies of the input say about pods with `labels` in `namespace`, in one
 * direction.
 */
export function cniVerdict(
  index: ResourceIndex,
  labels: Readonly<Record<string, string>>,
  namespace: string,
  direction: Direction,
): CniVerdict {
  const verdict: CniVerdict = { isolating: [], unevaluated: [] };
  for (const resource of pluginPoliciesOf(index)) {
    if (isCilium(resource)) {
      if (ciliumIsolates(resource, labels, namespace, direction)) {
        verdict.isolating.push(resource);
      }
    } else {
      const selects = calicoVerdict(resource, labels, namespace, direction);
      if (selects === true) {
        verdict.isolating.push(resource);
      } else if (selects === undefined) {
        verdict.unevaluated.push(resource);
      }
    }
  }
  return verdict;
}

/**
 * The Cilium and Calico policies of the index, in the order of CNI_POLICY_KINDS: found once per
 * index rather than for every workload and direction among all the Kubernetes NetworkPolicies.
 */
const pluginPoliciesOf = perIndex((index): readonly Resource[] => {
  const policies: Resource[] = [];
  for (const kind of CNI_POLICY_KINDS) {
    for (const resource of index.ofKind(kind)) {
      if (isCilium(resource) || isCalico(resource)) {
        policies.push(resource);
      }
    }
  }
  return policies;
});
