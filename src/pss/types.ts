/**
 * Shared types of the Pod Security Standards engine.
 */

import type { ObjectMeta, PodSpec } from '../core/k8s.js';

/** The three Pod Security Standards levels, from least to most strict. */
export type PssLevel = 'privileged' | 'baseline' | 'restricted';

/** The levels a check can belong to (privileged has no checks). */
export type CheckLevel = 'baseline' | 'restricted';

/** A pod, or the pod template of a controller, as the checks read it. */
export interface PodInput {
  metadata?: ObjectMeta;
  spec: PodSpec;
}

/** A check's verdict: allowed, or a short stable reason plus a detail naming the culprits. */
export type CheckResult = { allowed: true } | { allowed: false; reason: string; detail: string };

/** One versioned implementation of a check. It reads the pod and never mutates it. */
export type CheckFn = (metadata: ObjectMeta, spec: PodSpec) => CheckResult;

export interface VersionedCheck {
  /** The first policy version (`v1.N`) that uses this implementation. */
  minVersion: string;
  check: CheckFn;
}

export interface CheckDefinition {
  /** The upstream check id, e.g. `privileged`, `capabilities_baseline`. */
  id: string;
  level: CheckLevel;
  title: string;
  /** Baseline check ids this restricted check replaces wherever it applies. */
  overrides?: readonly string[];
  /** Implementations in increasing `minVersion` order; a behaviour change adds one. */
  versions: readonly VersionedCheck[];
}

/** A failed check in an evaluation. */
export interface PssViolation {
  check: string;
  reason: string;
  detail: string;
}

/** The result of evaluating one pod against one level and version. */
export interface PssEvaluation {
  level: PssLevel;
  /** The version as written (`latest`, `v1.25`, `v1.99`), as PSA prints it. */
  version: string;
  allowed: boolean;
  violations: PssViolation[];
}
