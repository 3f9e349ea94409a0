/**
 * What Pod Security Admission says about a namespace's existing pods when its enforce level is
 * set or raised (upstream `EvaluatePodsInNamespace`): the pods are evaluated against the new
 * level, grouped by their short violation text (`ForbiddenReason`), each group named by its
 * lexically smallest pod with `(and N other pods)`, and the lines sorted bytewise. Used by
 * `mamori psa what-if` and by the webhook on Namespace updates.
 */
import type { KubeObject, PodSpec } from '../core/k8s.js';
import { evaluatePod, forbiddenReason, policyString } from './evaluate.js';
import { compareLevels } from './level.js';
import type { LevelVersion } from './namespace.js';

/** At most this many pods are checked (upstream `namespaceMaxPodsToCheck`). */
export const MAX_PODS_TO_CHECK = 3000;

/** The time budget of the check (upstream `namespacePodCheckTimeout`): 1 s, or half of what is left of the request. */
export const POD_CHECK_TIMEOUT_MS = 1000;

/** Upstream's only warning when the pods cannot be listed. */
export const POD_LIST_FAILED_WARNING =
  'failed to list pods while checking new PodSecurity enforce level';

export interface ExistingPodsInput {
  namespace: string;
  pods: readonly KubeObject[];
  /** The new enforce level and version. */
  enforce: LevelVersion;
  /** Pods with one of these runtime classes are left out before anything is counted. */
  exemptRuntimeClasses?: readonly string[];
  /** Asked after each evaluated pod; true stops the check there (the time budget ran out). */
  stop?: () => boolean;
  /** Pods checked at most (default MAX_PODS_TO_CHECK). */
  maxPods?: number;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's `%q` of a plain string (namespace names are DNS labels, so JSON quoting is the same). */
function goQuote(text: string): string {
  return JSON.stringify(text);
}

function specOf(pod: KubeObject): PodSpec {
  return isDict(pod.spec) ? pod.spec : {};
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

/**
 * Upstream `prioritizePods`: pods of exempt runtime classes dropped, then the first pod of each
 * controller (and every pod without one) in list order, the other replicas after them.
 */
function prioritize(pods: readonly KubeObject[], exempt: readonly string[]): KubeObject[] {
  const seen = new Set<string>();
  const first: KubeObject[] = [];
  const rest: KubeObject[] = [];
  for (const pod of pods) {
    const runtimeClass = specOf(pod).runtimeClassName;
    if (typeof runtimeClass === 'string' && runtimeClass !== '' && exempt.includes(runtimeClass)) {
      continue;
    }
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
  return first.concat(rest);
}

/**
 * Whether a change of the enforce policy from `previous` to `next` makes the API server evaluate
 * the existing pods: the level or version changed, the new level is not privileged, and it is not
 * a relaxation at the same version.
 */
export function enforceChangeChecksPods(previous: LevelVersion, next: LevelVersion): boolean {
  const sameVersion = previous.version.text === next.version.text;
  if (previous.level === next.level && sameVersion) {
    return false;
  }
  if (next.level === 'privileged') {
    return false;
  }
  return !(sameVersion && compareLevels(next.level, previous.level) < 0);
}

/** The warnings, in the server's order, without kubectl's `Warning: ` prefix. */
export function existingPodsWarnings(input: ExistingPodsInput): string[] {
  const all = prioritize(input.pods, input.exemptRuntimeClasses ?? []);
  const limit = Math.min(all.length, input.maxPods ?? MAX_PODS_TO_CHECK);
  const { level, version } = input.enforce;
  const groups = new Map<string, { pod: string; count: number }>();
  let checked = limit;
  for (let index = 0; index < limit; index++) {
    const pod = all[index] as KubeObject;
    const metadata = pod.metadata ?? {};
    const evaluation = evaluatePod({ metadata, spec: specOf(pod) }, level, version, {
      defaulting: 'none',
    });
    if (!evaluation.allowed) {
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
    if (input.stop?.() === true) {
      checked = index + 1;
      break;
    }
  }
  const warnings: string[] = [];
  if (checked < all.length) {
    warnings.push(
      `new PodSecurity enforce level only checked against the first ${checked} of ${all.length} existing pods`,
    );
  }
  if (groups.size > 0) {
    warnings.push(
      `existing pods in namespace ${goQuote(input.namespace)} violate the new PodSecurity enforce level ${goQuote(policyString(level, version))}`,
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
