/**
 * The webhook's admission logic, free of I/O: the Pod Security decision (upstream's flow and
 * messages, see src/pss/admission.ts), the checks of Namespace labels and of a namespace's
 * existing pods, and mamori rules in enforce, warn or audit mode. The AdmissionReview wire format
 * is in review.ts; the namespace lookup and the pod list are injected.
 */
import type { KubeObject } from '../core/k8s.js';
import { workloadOf } from '../core/workload.js';
import {
  AUDIT_ANNOTATIONS,
  LABEL_PREFIX,
  POD_CHECK_TIMEOUT_MS,
  POD_LIST_FAILED_WARNING,
  admit,
  defaultPolicy,
  enforceChangeChecksPods,
  existingPodsWarnings,
  isFullyPrivileged,
  levelVersionString,
  namespaceInvalidMessage,
  psaResourceOf,
  resolveNamespacePolicy,
} from '../pss/index.js';
import type { LabelError, NamespacePolicy, PolicyDefaults } from '../pss/index.js';
import type { WebhookPolicy } from './config.js';
import { isRecord, str, type AdmissionRequestV1, type AdmissionResponseV1 } from './review.js';
import { runRules } from './rules.js';

/** Pod subresources that upstream never evaluates. */
const IGNORED_POD_SUBRESOURCES = new Set([
  'exec',
  'attach',
  'binding',
  'eviction',
  'log',
  'portforward',
  'proxy',
  'status',
]);

type Labels = Readonly<Record<string, string>>;

export type Decision = 'allow' | 'deny' | 'exempt' | 'skip' | 'error';

export interface ReviewOutcome {
  response: AdmissionResponseV1;
  decision: Decision;
  /** Lines for the log: audit results and lookup errors. */
  log: string[];
}

export interface ReviewContext {
  policy: WebhookPolicy;
  /** The labels of a namespace; rejects when the namespace cannot be read. */
  namespaceLabels(name: string): Promise<Labels | undefined>;
  /**
   * The pods of a namespace, read when a Namespace update raises its enforce level; the list
   * must give up after `timeoutMs`. Without it, existing pods are not evaluated.
   */
  listPods?(namespace: string, timeoutMs: number): Promise<readonly KubeObject[]>;
  /** When the API server stops waiting for this request, in ms of `clock` (its `?timeout=`). */
  deadline?: number;
  /** A monotonic clock in ms (default `performance.now`). */
  clock?: () => number;
  /** Today (YYYY-MM-DD), for the expiry of configuration exceptions. */
  today?: string;
}

function groupResource(request: AdmissionRequestV1): string {
  const { group, resource } = request.resource;
  return group === undefined || group === '' ? resource : `${resource}.${group}`;
}

/** apimachinery NewForbidden text. */
function forbidden(request: AdmissionRequestV1, name: string, cause: string): string {
  const what = groupResource(request);
  return name === ''
    ? `${what} is forbidden: ${cause}`
    : `${what} ${JSON.stringify(name)} is forbidden: ${cause}`;
}

/** The audit annotation key without kube-apiserver's prefix (the apiserver adds the webhook's). */
function auditKey(key: string): string {
  return key.startsWith(LABEL_PREFIX) ? key.slice(LABEL_PREFIX.length) : key;
}

function allow(
  uid: string,
  decision: Decision,
  annotations: Record<string, string> = {},
): ReviewOutcome {
  const response: AdmissionResponseV1 = { uid, allowed: true };
  if (Object.keys(annotations).length > 0) {
    response.auditAnnotations = annotations;
  }
  return { response, decision, log: [] };
}

function images(spec: unknown, field: string): string[] {
  const list = isRecord(spec) ? spec[field] : undefined;
  return Array.isArray(list) ? list.map((c) => (isRecord(c) ? String(c.image) : '')) : [];
}

/** Upstream's significant pod update: container count or images, or ephemeral containers, changed. */
function significantPodUpdate(object: unknown, oldObject: unknown): boolean {
  const spec = isRecord(object) ? object.spec : undefined;
  const oldSpec = isRecord(oldObject) ? oldObject.spec : undefined;
  return ['initContainers', 'containers', 'ephemeralContainers'].some(
    (field) => images(spec, field).join('\u0000') !== images(oldSpec, field).join('\u0000'),
  );
}

/**
 * Upstream's warning when an exempt namespace is labelled with a policy that differs from the
 * defaults: only non-privileged modes whose level or version label is set are listed.
 */
function exemptNamespaceWarning(
  name: string,
  policy: NamespacePolicy,
  labels: Labels,
  defaults: PolicyDefaults,
): string | undefined {
  const base = defaultPolicy(defaults);
  const modes = ['enforce', 'audit', 'warn'] as const;
  const same = modes.every(
    (mode) =>
      policy[mode].level === base[mode].level &&
      (policy[mode].level === 'privileged' ||
        policy[mode].version.text === base[mode].version.text),
  );
  if (isFullyPrivileged(policy) || same) {
    return undefined;
  }
  const parts = modes
    .filter(
      (mode) =>
        policy[mode].level !== 'privileged' &&
        (Object.hasOwn(labels, `${LABEL_PREFIX}${mode}`) ||
          Object.hasOwn(labels, `${LABEL_PREFIX}${mode}-version`)),
    )
    .map((mode) => `${mode}=${levelVersionString(policy[mode])}`);
  if (parts.length === 0) {
    return undefined;
  }
  return `namespace ${JSON.stringify(name)} is exempt from Pod Security, and the policy (${parts.join(', ')}) will be ignored`;
}

function labelsOf(object: unknown): Labels | undefined {
  const metadata = isRecord(object) ? object.metadata : undefined;
  const labels = isRecord(metadata) ? metadata.labels : undefined;
  return isRecord(labels) ? (labels as Labels) : undefined;
}

/**
 * Upstream's ValidateNamespace. CREATE: invalid labels are rejected; an exempt namespace with a
 * policy of its own gets the exemption warning. UPDATE: new invalid labels are rejected (unless
 * the old labels had the same errors); when the enforce level:version changes to a stricter,
 * non-privileged one, the namespace's existing pods are evaluated against it and the request is
 * allowed with the warnings (an exempt namespace gets the exemption warning instead).
 */
async function reviewNamespace(
  request: AdmissionRequestV1,
  context: ReviewContext,
): Promise<ReviewOutcome> {
  const webhook = context.policy;
  const labels = labelsOf(request.object);
  const { errors, policy } = resolveNamespacePolicy(labels, webhook.defaults);
  const name = request.name ?? '';
  const exempt = webhook.exemptions.namespaces.includes(request.namespace ?? name);
  const withWarnings = (warnings: readonly string[], log: string[] = []): ReviewOutcome => {
    const outcome = allow(request.uid, 'allow');
    if (warnings.length > 0) {
      outcome.response.warnings = [...warnings];
    }
    return { ...outcome, log };
  };
  const exemptWarning = (): ReviewOutcome => {
    const warning = exemptNamespaceWarning(name, policy, labels ?? {}, webhook.defaults);
    return withWarnings(warning === undefined ? [] : [warning]);
  };
  const invalid = (): ReviewOutcome => ({
    response: {
      uid: request.uid,
      allowed: false,
      status: {
        status: 'Failure',
        code: 422,
        reason: 'Invalid',
        message: namespaceInvalidMessage(name, errors),
        details: { name, kind: 'Namespace' },
      },
    },
    decision: 'deny',
    log: [],
  });
  if (request.operation !== 'UPDATE') {
    if (errors.length > 0) {
      return invalid();
    }
    return exempt ? exemptWarning() : allow(request.uid, 'allow');
  }
  const old = resolveNamespacePolicy(labelsOf(request.oldObject), webhook.defaults);
  const messages = (list: readonly LabelError[]): string => list.map((e) => e.message).join('\n');
  if (errors.length > 0 && (old.errors.length === 0 || messages(old.errors) !== messages(errors))) {
    return invalid();
  }
  if (!enforceChangeChecksPods(old.policy.enforce, policy.enforce)) {
    return allow(request.uid, 'allow');
  }
  if (exempt) {
    return exemptWarning();
  }
  if (context.listPods === undefined) {
    return allow(request.uid, 'allow');
  }
  // Upstream's budget: 1 s, or half of what is left of the request if that is less.
  const clock = context.clock ?? (() => performance.now());
  const started = clock();
  const left = context.deadline === undefined ? Infinity : (context.deadline - started) / 2;
  const budget = Math.max(0, Math.min(POD_CHECK_TIMEOUT_MS, left));
  let pods: readonly KubeObject[];
  try {
    pods = await context.listPods(name, budget);
  } catch (error) {
    const text = `failed to list pods in namespace ${JSON.stringify(name)}: ${error instanceof Error ? error.message : String(error)}`;
    return withWarnings([POD_LIST_FAILED_WARNING], [text]);
  }
  const warnings = existingPodsWarnings({
    namespace: name,
    pods,
    enforce: policy.enforce,
    exemptRuntimeClasses: webhook.exemptions.runtimeClasses,
    stop: () => clock() - started >= budget,
  });
  return withWarnings(warnings);
}

/**
 * Decides one request. Throws only when the evaluation itself crashes: the server answers 500
 * and the API server applies the webhook's failurePolicy.
 */
export async function decide(
  request: AdmissionRequestV1,
  context: ReviewContext,
): Promise<ReviewOutcome> {
  const { policy } = context;
  const { uid } = request;
  if (request.operation !== 'CREATE' && request.operation !== 'UPDATE') {
    return allow(uid, 'skip');
  }
  if (request.kind.kind === 'Namespace' && request.resource.resource === 'namespaces') {
    return request.subResource === undefined
      ? reviewNamespace(request, context)
      : allow(uid, 'skip');
  }
  const kind = psaResourceOf(request.kind.kind);
  if (kind === undefined) {
    return allow(uid, 'skip');
  }
  const isPod = kind === 'pod';
  if (request.subResource !== undefined) {
    if (!isPod || IGNORED_POD_SUBRESOURCES.has(request.subResource)) {
      return allow(uid, 'skip');
    }
  }
  const namespace = request.namespace ?? '';
  const exempt = (why: string): ReviewOutcome =>
    allow(uid, 'exempt', { [auditKey(AUDIT_ANNOTATIONS.exempt)]: why });
  if (policy.exemptions.namespaces.includes(namespace)) {
    return exempt('namespace');
  }
  if (policy.exemptions.usernames.includes(request.userInfo.username ?? '')) {
    return exempt('user');
  }
  const errorKey = auditKey(AUDIT_ANNOTATIONS.error);
  let labels: Labels | undefined;
  try {
    labels = await context.namespaceLabels(namespace);
  } catch (error) {
    const text = `failed to lookup namespace ${JSON.stringify(namespace)}: ${error instanceof Error ? error.message : String(error)}`;
    if (!isPod) {
      return { ...allow(uid, 'error', { [errorKey]: text }), log: [text] };
    }
    return {
      response: {
        uid,
        allowed: false,
        status: {
          status: 'Failure',
          code: 500,
          reason: 'InternalError',
          message: `Internal error occurred: ${text}`,
        },
      },
      decision: 'error',
      log: [text],
    };
  }
  if (
    isPod &&
    request.operation === 'UPDATE' &&
    !significantPodUpdate(request.object, request.oldObject)
  ) {
    return allow(uid, 'skip');
  }
  const object = request.object;
  const kubeObject: KubeObject | undefined = isRecord(object)
    ? {
        ...object,
        kind: request.kind.kind,
        apiVersion: [request.kind.group, request.kind.version].filter(Boolean).join('/'),
      }
    : undefined;
  const workload =
    kubeObject === undefined
      ? undefined
      : workloadOf(
          {
            object: kubeObject,
            ref: { apiVersion: kubeObject.apiVersion, kind: kubeObject.kind, name: '' },
            file: '<admission>',
            documentIndex: 0,
            position: { line: 1, column: 1 },
          },
          {},
          [],
        );
  if (workload === undefined || kubeObject === undefined) {
    const text = 'failed to decode object: the object has no pod template';
    if (!isPod) {
      return allow(uid, 'allow', { [errorKey]: text });
    }
    return {
      response: {
        uid,
        allowed: false,
        status: { status: 'Failure', code: 400, reason: 'BadRequest', message: text },
      },
      decision: 'deny',
      log: [],
    };
  }
  const name = request.name ?? str(workload.podMeta.name) ?? '';
  const outcome = admit(
    { resource: kind, name, pod: { metadata: workload.podMeta, spec: workload.podSpec } },
    resolveNamespacePolicy(labels, policy.defaults),
    { exemptRuntimeClasses: policy.exemptions.runtimeClasses },
  );
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(outcome.auditAnnotations)) {
    annotations[auditKey(key)] = value;
  }
  const exemptRuntime = outcome.auditAnnotations[AUDIT_ANNOTATIONS.exempt] !== undefined;
  const rules = exemptRuntime
    ? { enforce: [], warn: [], audit: [] }
    : runRules(
        kubeObject,
        namespace,
        policy.rules,
        context.today ?? new Date().toISOString().slice(0, 10),
      );
  const log: string[] = [];
  if (rules.audit.length > 0) {
    annotations['mamori-audit'] = rules.audit.join('; ');
  }
  for (const key of [auditKey(AUDIT_ANNOTATIONS.auditViolations), 'mamori-audit']) {
    const value = annotations[key];
    if (value !== undefined) {
      log.push(`audit ${request.kind.kind} ${namespace}/${name}: ${value}`);
    }
  }
  const denials: string[] = [];
  if (!outcome.allowed && outcome.error !== undefined) {
    denials.push(outcome.error);
  }
  if (rules.enforce.length > 0) {
    denials.push(
      denials.length === 0
        ? forbidden(request, name, rules.enforce.join('; '))
        : rules.enforce.join('; '),
    );
  }
  const response: AdmissionResponseV1 = { uid, allowed: denials.length === 0 };
  if (denials.length > 0) {
    response.status = {
      status: 'Failure',
      code: 403,
      reason: 'Forbidden',
      message: denials.join('; '),
      details: { name, kind: groupResource(request) },
    };
  }
  const warnings = denials.length > 0 ? [] : [...outcome.warnings, ...rules.warn];
  if (warnings.length > 0) {
    response.warnings = warnings;
  }
  if (Object.keys(annotations).length > 0) {
    response.auditAnnotations = annotations;
  }
  return {
    response,
    decision: denials.length > 0 ? 'deny' : exemptRuntime ? 'exempt' : 'allow',
    log,
  };
}
