/**
 * What the API server warns when a namespace's enforce label changes: it evaluates the
 * namespace's existing pods against the new level (kube-apiserver's PodSecurity admission,
 * `EvaluatePodsInNamespace`), groups pods by their short violation text and sorts the lines.
 */
import type { KubeObject, PodSpec } from '../../core/k8s.js';
import {
  compareLevels,
  evaluatePod,
  forbiddenReason,
  parsePolicyVersion,
  policyString,
  resolveNamespacePolicy,
  type PssLevel,
} from '../../pss/index.js';

/** At most this many pods are checked (upstream `namespaceMaxPodsToCheck`). */
export const MAX_PODS_TO_CHECK = 3000;

export interface WhatIfInput {
  namespace: string;
  /** The namespace's current labels (to tell whether the enforce policy would change at all). */
  labels?: Readonly<Record<string, string>>;
  pods: readonly KubeObject[];
  level: PssLevel;
  /** `latest` or `v1.N`. */
  version: string;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's `%q` of a plain string (namespace names are DNS labels, so JSON quoting is the same). */
function goQuote(text: string): string {
  return JSON.stringify(text);
}

function controllerUid(pod: KubeObject): string | undefined {
  const meta: Record<string, unknown> = isDict(pod.metadata) ? pod.metadata : {};
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  for (const owner of owners) {
    if (isDict(owner) && owner.controller === true && typeof owner.uid === 'string') {
      return owner.uid;
    }
  }
  return undefined;
}

/** The first pod of each controller first, the other replicas after (upstream prioritizePods). */
function prioritize(pods: readonly KubeObject[]): KubeObject[] {
  const seen = new Set<string>();
  const first: KubeObject[] = [];
  const rest: KubeObject[] = [];
  for (const pod of pods) {
    const uid = controllerUid(pod);
    if (uid !== undefined && seen.has(uid)) {
      rest.push(pod);
    } else {
      if (uid !== undefined) {
        seen.add(uid);
      }
      first.push(pod);
    }
  }
  return [...first, ...rest];
}

/** Whether setting enforce=LEVEL:VERSION makes the server evaluate the existing pods. */
function evaluates(input: WhatIfInput): boolean {
  if (input.level === 'privileged') {
    return false;
  }
  const current = resolveNamespacePolicy(input.labels).policy.enforce;
  const parsed = parsePolicyVersion(input.version);
  const next = parsed.ok ? parsed.version : undefined;
  if (next === undefined) {
    return false;
  }
  if (current.level === input.level && current.version.text === next.text) {
    return false;
  }
  // A relaxation at the same version is not checked.
  return !(current.version.text === next.text && compareLevels(input.level, current.level) < 0);
}

/** The warnings, in the server's order, without kubectl's `Warning: ` prefix. */
export function whatIfWarnings(input: WhatIfInput): string[] {
  if (!evaluates(input)) {
    return [];
  }
  const all = prioritize(input.pods);
  const checked = all.slice(0, MAX_PODS_TO_CHECK);
  const groups = new Map<string, { pod: string; count: number }>();
  for (const pod of checked) {
    const spec = (isDict(pod.spec) ? pod.spec : {}) as PodSpec;
    const metadata = pod.metadata ?? {};
    const evaluation = evaluatePod({ metadata, spec }, input.level, input.version, {
      defaulting: 'none',
    });
    if (evaluation.allowed) {
      continue;
    }
    const reason = forbiddenReason(evaluation.violations);
    const name = metadata.name ?? '';
    const group = groups.get(reason);
    if (group === undefined) {
      groups.set(reason, { pod: name, count: 1 });
    } else {
      group.count++;
      if (name < group.pod) {
        group.pod = name;
      }
    }
  }
  const warnings: string[] = [];
  if (checked.length < all.length) {
    warnings.push(
      `new PodSecurity enforce level only checked against the first ${checked.length} of ${all.length} existing pods`,
    );
  }
  if (groups.size > 0) {
    warnings.push(
      `existing pods in namespace ${goQuote(input.namespace)} violate the new PodSecurity enforce level ${goQuote(policyString(input.level, input.version))}`,
    );
  }
  const lines = [...groups].map(([reason, { pod, count }]) => {
    const others = count === 1 ? '' : ` (and ${count - 1} other pod${count - 1 === 1 ? '' : 's'})`;
    return `${pod}${others}: ${reason}`;
  });
  // Go's sort.Strings: byte order.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...warnings, ...lines];
}
