/**
 * Evaluation of a pod against a Pod Security level and version, and the exact outer message forms
 * that Pod Security Admission and kubectl print.
 */

import { applyApiServerDefaults } from './defaults.js';
import type { DefaultingTarget } from './defaults.js';
import { goQuote } from './format.js';
import { isPssLevel, PssLevelError } from './level.js';
import { registry } from './registry.js';
import type { PodInput, PssEvaluation, PssLevel, PssViolation } from './types.js';
import { effectiveMinor, parsePolicyVersion, toPolicyVersion, PssVersionError } from './version.js';
import type { PolicyVersion } from './version.js';

/** The reason printed for a failed check that gave none. */
export const UNKNOWN_FORBIDDEN_REASON = 'unknown forbidden reason';

export interface EvaluateOptions {
  /**
   * The API-server defaulting applied before evaluation (see defaults.ts): `pod` (the default) for
   * a Pod, `template` for a controller's pod template, `none` for an object read from a cluster.
   * Defaulting is idempotent, so defaulting an already defaulted object changes nothing.
   */
  defaulting?: DefaultingTarget | 'none';
  /**
   * The kube-apiserver emulation version (`v1.N`). When it is older than the newest check
   * revision, `latest` and newer versions evaluate as the emulated version instead.
   */
  emulationVersion?: string;
}

function maxMinorFor(options: EvaluateOptions): number {
  if (options.emulationVersion === undefined) {
    return registry.maxMinor;
  }
  const parsed = parsePolicyVersion(options.emulationVersion);
  if (!parsed.ok) {
    throw new PssVersionError(options.emulationVersion);
  }
  return effectiveMinor(parsed.version, registry.maxMinor);
}

/**
 * Evaluates a pod (or pod template) at a level and version. Throws {@link PssLevelError} or
 * {@link PssVersionError} for an invalid level or version.
 */
export function evaluatePod(
  pod: PodInput,
  level: PssLevel,
  version: string | PolicyVersion = 'latest',
  options: EvaluateOptions = {},
): PssEvaluation {
  if (!isPssLevel(level)) {
    throw new PssLevelError(String(level));
  }
  const parsed = toPolicyVersion(version);
  const minor = effectiveMinor(parsed, maxMinorFor(options));
  const defaulting = options.defaulting ?? 'pod';
  const spec = defaulting === 'none' ? pod.spec : applyApiServerDefaults(pod.spec, defaulting);
  const metadata = pod.metadata ?? {};

  const violations: PssViolation[] = [];
  for (const { id, check } of registry.activeChecks(level, minor)) {
    const result = check(metadata, spec);
    if (!result.allowed) {
      violations.push({ check: id, reason: result.reason, detail: result.detail });
    }
  }
  return { level, version: parsed.text, allowed: violations.length === 0, violations };
}

/** The strictest level the pod meets at a version: `restricted`, `baseline` or `privileged`. */
export function highestLevel(
  pod: PodInput,
  version: string | PolicyVersion = 'latest',
  options: EvaluateOptions = {},
): PssLevel {
  if (evaluatePod(pod, 'restricted', version, options).allowed) {
    return 'restricted';
  }
  return evaluatePod(pod, 'baseline', version, options).allowed ? 'baseline' : 'privileged';
}

// ---------------------------------------------------------------------------------------------
// Message composition
// ---------------------------------------------------------------------------------------------

/** `restricted:latest`, the level:version pair as PSA prints it (unquoted). */
export function policyString(level: PssLevel, version: string | PolicyVersion): string {
  return `${level}:${typeof version === 'string' ? version : version.text}`;
}

function reasonOf(violation: PssViolation): string {
  return violation.reason === '' ? UNKNOWN_FORBIDDEN_REASON : violation.reason;
}

/** The short form, reasons joined by `", "` (used in namespace label warnings). */
export function forbiddenReason(violations: readonly PssViolation[]): string {
  return violations.map(reasonOf).join(', ');
}

/** The long form: `reason (detail)` per failed check, joined by `", "`. */
export function forbiddenDetail(violations: readonly PssViolation[]): string {
  return violations
    .map((v) => (v.detail === '' ? reasonOf(v) : `${reasonOf(v)} (${v.detail})`))
    .join(', ');
}

/** `violates PodSecurity "baseline:latest": …`, the error PSA gives for a denied pod. */
export function violationError(evaluation: PssEvaluation): string {
  const policy = goQuote(policyString(evaluation.level, evaluation.version));
  return `violates PodSecurity ${policy}: ${forbiddenDetail(evaluation.violations)}`;
}

export interface ForbiddenTarget {
  /** The object name; omitted or empty gives the `pods is forbidden` form. */
  name?: string;
  /** The resource, `pods` by default. */
  resource?: string;
  /** The API group, empty for the core group. */
  group?: string;
}

/**
 * The enforce denial as the API server returns it (apimachinery `NewForbidden`):
 * `pods "x" is forbidden: violates PodSecurity "baseline:latest": …`. Enforce applies to pods
 * only; the pods that a controller creates are denied with this same form (the controller then
 * reports it in a `FailedCreate` event as `Error creating: <this message>`).
 */
export function enforceDenialMessage(
  evaluation: PssEvaluation,
  target: ForbiddenTarget = {},
): string {
  const resource = target.resource ?? 'pods';
  const groupResource =
    target.group === undefined || target.group === '' ? resource : `${resource}.${target.group}`;
  const error = violationError(evaluation);
  const name = target.name ?? '';
  if (name === '') {
    return `${groupResource} is forbidden: ${error}`;
  }
  return `${groupResource} ${goQuote(name)} is forbidden: ${error}`;
}

/** `Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: …`. */
export function kubectlDenialMessage(
  evaluation: PssEvaluation,
  target: ForbiddenTarget & { file?: string; operation?: 'creating' | 'replacing' } = {},
): string {
  const where =
    target.file === undefined
      ? ''
      : `error when ${target.operation ?? 'creating'} ${goQuote(target.file)}: `;
  return `Error from server (Forbidden): ${where}${enforceDenialMessage(evaluation, target)}`;
}

/**
 * `would violate PodSecurity "restricted:latest": …`: the HTTP warning of warn mode (for pods
 * and pod controllers alike) and the value of the audit-violations audit annotation.
 */
export function warningMessage(evaluation: PssEvaluation): string {
  const policy = goQuote(policyString(evaluation.level, evaluation.version));
  return `would violate PodSecurity ${policy}: ${forbiddenDetail(evaluation.violations)}`;
}

/** The warning as kubectl prints it: `Warning: would violate PodSecurity …`. */
export function kubectlWarning(evaluation: PssEvaluation): string {
  return `Warning: ${warningMessage(evaluation)}`;
}
