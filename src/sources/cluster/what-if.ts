/**
 * What the API server warns when a namespace's enforce label changes: it evaluates the
 * namespace's existing pods against the new level (kube-apiserver's PodSecurity admission,
 * `EvaluatePodsInNamespace`, in src/pss/existing-pods.ts), when the change calls for it.
 */
import type { KubeObject } from '../../core/k8s.js';
import {
  enforceChangeChecksPods,
  existingPodsWarnings,
  parsePolicyVersion,
  resolveNamespacePolicy,
  type PssLevel,
} from '../../pss/index.js';

export { MAX_PODS_TO_CHECK } from '../../pss/index.js';

export interface WhatIfInput {
  namespace: string;
  /** The namespace's current labels (to tell whether the enforce policy would change at all). */
  labels?: Readonly<Record<string, string>>;
  pods: readonly KubeObject[];
  level: PssLevel;
  /** `latest` or `v1.N`. */
  version: string;
}

/** The warnings, in the server's order, without kubectl's `Warning: ` prefix. */
export function whatIfWarnings(input: WhatIfInput): string[] {
  const parsed = parsePolicyVersion(input.version);
  if (!parsed.ok) {
    return [];
  }
  const enforce = { level: input.level, version: parsed.version };
  const current = resolveNamespacePolicy(input.labels).policy.enforce;
  if (!enforceChangeChecksPods(current, enforce)) {
    return [];
  }
  return existingPodsWarnings({ namespace: input.namespace, pods: input.pods, enforce });
}
