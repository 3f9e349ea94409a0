/**
 * What the API server does with a pod or a pod controller on CREATE, given its namespace's Pod
 * Security policy: the enforce decision (pods only), the HTTP warnings and the audit annotations.
 *
 * - Pods: when the labels have no errors and all three modes are privileged, the pod is allowed
 *   with `enforce-policy=privileged:latest`. Otherwise `enforce-policy` is the enforce level:version,
 *   enforce may deny, audit adds `audit-violations`, and warn adds a warning unless the request is
 *   already denied.
 * - Pod controllers (Deployment, Job, ...): never enforced. When the labels have no errors and
 *   audit and warn are both privileged, nothing is evaluated; otherwise audit and warn are.
 * - Invalid labels add the `error` annotation `Failed to parse policy: <errors>`.
 * - Exempt runtime classes are allowed unevaluated with `exempt=runtimeClass`.
 *
 * Results are cached per level:version, so modes that share one print identical text.
 */

import type { DefaultingTarget } from './defaults.js';
import { enforceDenialMessage, evaluatePod, warningMessage } from './evaluate.js';
import type { EvaluateOptions } from './evaluate.js';
import {
  aggregateErrors,
  isFullyPrivileged,
  levelVersionString,
  LABEL_PREFIX,
} from './namespace.js';
import type { LevelVersion, NamespacePolicyResult, PsaMode } from './namespace.js';
import type { PodInput, PssEvaluation } from './types.js';

/** The audit annotation keys as kube-apiserver writes them (the webhook uses its own prefix). */
export const AUDIT_ANNOTATIONS = {
  enforcePolicy: `${LABEL_PREFIX}enforce-policy`,
  auditViolations: `${LABEL_PREFIX}audit-violations`,
  exempt: `${LABEL_PREFIX}exempt`,
  error: `${LABEL_PREFIX}error`,
} as const;

/** The kinds PSA evaluates, and whether each is a Pod or a pod controller. */
export const POD_CONTROLLER_KINDS: readonly string[] = [
  'PodTemplate',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
];

export type PsaResource = 'pod' | 'controller';

/** `pod` for a Pod, `controller` for the kinds PSA reads a template from, else undefined. */
export function psaResourceOf(kind: string): PsaResource | undefined {
  if (kind === 'Pod') {
    return 'pod';
  }
  return POD_CONTROLLER_KINDS.includes(kind) ? 'controller' : undefined;
}

export interface AdmissionRequest {
  resource: PsaResource;
  /** The pod name, for the denial message. */
  name?: string;
  /** The pod, or the controller's pod template. */
  pod: PodInput;
}

export interface AdmissionConfig {
  /** Runtime class names exempt from evaluation. */
  exemptRuntimeClasses?: readonly string[];
  /** Evaluation options; `defaulting` defaults to `pod` or `template` by resource. */
  evaluate?: EvaluateOptions;
}

export interface ModeOutcome {
  mode: PsaMode;
  /** `restricted:latest`. */
  policy: string;
  evaluation: PssEvaluation;
}

export interface AdmissionOutcome {
  /** Whether the request is accepted. Only pods can be denied. */
  allowed: boolean;
  /** The denial, `pods "x" is forbidden: violates PodSecurity …`, when not allowed. */
  error?: string;
  /** HTTP Warning headers (`would violate PodSecurity …`). */
  warnings: string[];
  /** Audit annotations, keys prefixed `pod-security.kubernetes.io/`. */
  auditAnnotations: Record<string, string>;
  /** The modes that were evaluated, in the order enforce, audit, warn. */
  modes: ModeOutcome[];
}

/** Simulates PSA admission of a create request in a namespace with the given policy. */
export function admit(
  request: AdmissionRequest,
  namespace: NamespacePolicyResult,
  config: AdmissionConfig = {},
): AdmissionOutcome {
  const { policy, errors } = namespace;
  const isPod = request.resource === 'pod';
  const outcome: AdmissionOutcome = {
    allowed: true,
    warnings: [],
    auditAnnotations: {},
    modes: [],
  };

  if (errors.length === 0) {
    if (isPod && isFullyPrivileged(policy)) {
      outcome.auditAnnotations[AUDIT_ANNOTATIONS.enforcePolicy] = 'privileged:latest';
      return outcome;
    }
    if (!isPod && policy.audit.level === 'privileged' && policy.warn.level === 'privileged') {
      return outcome;
    }
  }
  const runtimeClass = request.pod.spec.runtimeClassName ?? '';
  if (runtimeClass !== '' && (config.exemptRuntimeClasses ?? []).includes(runtimeClass)) {
    outcome.auditAnnotations[AUDIT_ANNOTATIONS.exempt] = 'runtimeClass';
    return outcome;
  }
  if (errors.length > 0) {
    const text = aggregateErrors(errors.map((e) => e.message));
    outcome.auditAnnotations[AUDIT_ANNOTATIONS.error] = `Failed to parse policy: ${text}`;
  }

  const defaulting: DefaultingTarget = isPod ? 'pod' : 'template';
  const options: EvaluateOptions = { defaulting, ...config.evaluate };
  const cache = new Map<string, PssEvaluation>();
  const evaluate = (mode: PsaMode, lv: LevelVersion): PssEvaluation => {
    const key = levelVersionString(lv);
    let evaluation = cache.get(key);
    if (evaluation === undefined) {
      evaluation = evaluatePod(request.pod, lv.level, lv.version, options);
      cache.set(key, evaluation);
    }
    outcome.modes.push({ mode, policy: key, evaluation });
    return evaluation;
  };

  if (isPod) {
    outcome.auditAnnotations[AUDIT_ANNOTATIONS.enforcePolicy] = levelVersionString(policy.enforce);
    const enforced = evaluate('enforce', policy.enforce);
    if (!enforced.allowed) {
      outcome.allowed = false;
      outcome.error = enforceDenialMessage(enforced, { name: request.name ?? '' });
    }
  }
  const audited = evaluate('audit', policy.audit);
  if (!audited.allowed) {
    outcome.auditAnnotations[AUDIT_ANNOTATIONS.auditViolations] = warningMessage(audited);
  }
  if (outcome.allowed) {
    const warned = evaluate('warn', policy.warn);
    if (!warned.allowed) {
      outcome.warnings.push(warningMessage(warned));
    }
  }
  return outcome;
}
