/**
 * The data behind `mamori pss`: Pod Security results per workload, the admission outcome in the
 * workload's namespace when that namespace is part of the input, and namespace label suggestions.
 * Pure functions: the caller reads the files and extracts the pod templates.
 */

import type { ObjectMeta, PodSpec } from '../core/k8s.js';
import { admit, psaResourceOf } from './admission.js';
import type { AdmissionOutcome, PsaResource } from './admission.js';
import { enforceDenialMessage, evaluatePod, highestLevel, warningMessage } from './evaluate.js';
import type { EvaluateOptions } from './evaluate.js';
import { compareGo } from './format.js';
import { isPssLevel, PssLevelError } from './level.js';
import { levelVersionString, PSA_LABELS, resolveNamespacePolicy } from './namespace.js';
import type { NamespacePolicyResult, PolicyDefaults } from './namespace.js';
import type { PssLevel, PssViolation } from './types.js';
import { LATEST, toPolicyVersion } from './version.js';
import type { PolicyVersion } from './version.js';

export { renderPssTable } from './table.js';

/** A workload with its pod template already extracted by the caller. */
export interface PssWorkload {
  kind: string;
  apiVersion: string;
  /** Absent: the namespace the manifest would be applied to (`defaultNamespace`). */
  namespace?: string;
  name: string;
  file: string;
  line: number;
  podMetadata?: ObjectMeta;
  podSpec: PodSpec;
}

/** A Namespace found in the input. */
export interface PssNamespace {
  name: string;
  labels?: Record<string, string>;
}

export interface PssReportOptions {
  /** Evaluate every workload at this level; otherwise see {@link PssReportRow.levelSource}. */
  level?: 'baseline' | 'restricted';
  /** `latest` or `v1.N`; overrides the namespace's enforce-version too. */
  version?: string;
  /** The namespace of workloads that name none, `default` unless given. */
  defaultNamespace?: string;
  /** The admission configuration defaults, for namespaces without labels. */
  defaults?: PolicyDefaults;
  /** Runtime classes exempted by the admission configuration. */
  exemptRuntimeClasses?: readonly string[];
  /** Kube-apiserver emulation version (`v1.N`). */
  emulationVersion?: string;
}

/** The API server's handling of the workload in its namespace (namespaces in the input only). */
export interface PssAdmission extends AdmissionOutcome {
  /** `enforce=baseline:latest`, etc.: the namespace's effective policy. */
  policy: { enforce: string; audit: string; warn: string };
  /** Field errors of invalid namespace labels. */
  labelErrors: string[];
}

export interface PssReportRow {
  file: string;
  line: number;
  kind: string;
  apiVersion: string;
  namespace: string;
  name: string;
  level: PssLevel;
  version: string;
  /**
   * Where level and version come from: the `level` option; else the namespace's enforce label when
   * the namespace is in the input and has one; else the default, `restricted:latest`.
   */
  levelSource: 'option' | 'namespace' | 'default';
  allowed: boolean;
  /**
   * The upstream message when not allowed: the enforce denial for a Pod
   * (`pods "x" is forbidden: violates PodSecurity …`), the warning for other kinds
   * (`would violate PodSecurity …`).
   */
  message?: string;
  violations: PssViolation[];
  /** The strictest level the workload meets, at the row's version. */
  highestLevel: PssLevel;
  /** How PSA treats the kind: Pods are enforced, controllers only warned/audited; else undefined. */
  psaResource?: PsaResource;
  admission?: PssAdmission;
}

function evaluateOptions(
  resource: PsaResource | undefined,
  options: { emulationVersion?: string },
): EvaluateOptions {
  const evaluate: EvaluateOptions = { defaulting: resource === 'pod' ? 'pod' : 'template' };
  if (options.emulationVersion !== undefined) {
    evaluate.emulationVersion = options.emulationVersion;
  }
  return evaluate;
}

/** The level and version a row is evaluated at (see {@link PssReportRow.levelSource}). */
function rowPolicy(
  options: PssReportOptions,
  explicitVersion: PolicyVersion | undefined,
  namespace: PssNamespace | undefined,
  nsPolicy: NamespacePolicyResult | undefined,
): { level: PssLevel; version: PolicyVersion; levelSource: PssReportRow['levelSource'] } {
  if (options.level !== undefined) {
    return { level: options.level, version: explicitVersion ?? LATEST, levelSource: 'option' };
  }
  if (nsPolicy !== undefined && Object.hasOwn(namespace?.labels ?? {}, PSA_LABELS.enforce)) {
    const { level, version } = nsPolicy.policy.enforce;
    return { level, version: explicitVersion ?? version, levelSource: 'namespace' };
  }
  return { level: 'restricted', version: explicitVersion ?? LATEST, levelSource: 'default' };
}

/**
 * Evaluates each workload. Throws PssLevelError / PssVersionError for invalid options.
 */
export function buildPssReport(
  workloads: readonly PssWorkload[],
  namespaces: readonly PssNamespace[] = [],
  options: PssReportOptions = {},
): PssReportRow[] {
  if (options.level !== undefined && !isPssLevel(options.level)) {
    throw new PssLevelError(String(options.level));
  }
  const explicitVersion =
    options.version === undefined ? undefined : toPolicyVersion(options.version);
  const byName = new Map(namespaces.map((ns) => [ns.name, ns]));
  const defaultNamespace = options.defaultNamespace ?? 'default';

  return workloads.map((workload) => {
    const namespace = workload.namespace ?? defaultNamespace;
    const resource = psaResourceOf(workload.kind);
    const evaluate = evaluateOptions(resource, options);
    const pod = { metadata: workload.podMetadata ?? {}, spec: workload.podSpec };
    const nsInput = byName.get(namespace);
    const nsPolicy =
      nsInput === undefined ? undefined : resolveNamespacePolicy(nsInput.labels, options.defaults);

    const { level, version, levelSource } = rowPolicy(options, explicitVersion, nsInput, nsPolicy);
    const evaluation = evaluatePod(pod, level, version, evaluate);
    const row: PssReportRow = {
      file: workload.file,
      line: workload.line,
      kind: workload.kind,
      apiVersion: workload.apiVersion,
      namespace,
      name: workload.name,
      level,
      version: evaluation.version,
      levelSource,
      allowed: evaluation.allowed,
      violations: evaluation.violations,
      highestLevel: highestLevel(pod, version, evaluate),
    };
    if (!evaluation.allowed) {
      row.message =
        resource === 'pod'
          ? enforceDenialMessage(evaluation, { name: workload.name })
          : warningMessage(evaluation);
    }
    if (resource !== undefined) {
      row.psaResource = resource;
    }
    if (resource !== undefined && nsPolicy !== undefined) {
      const outcome = admit({ resource, name: workload.name, pod }, nsPolicy, {
        exemptRuntimeClasses: options.exemptRuntimeClasses ?? [],
        evaluate,
      });
      row.admission = {
        ...outcome,
        policy: {
          enforce: levelVersionString(nsPolicy.policy.enforce),
          audit: levelVersionString(nsPolicy.policy.audit),
          warn: levelVersionString(nsPolicy.policy.warn),
        },
        labelErrors: nsPolicy.errors.map((e) => e.message),
      };
    }
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Label suggestions
// ---------------------------------------------------------------------------------------------

export interface NamespaceSuggestion {
  namespace: string;
  /** The strictest level every workload of the namespace meets. */
  level: PssLevel;
  /** The version the levels were computed at. */
  version: string;
  workloads: number;
  /** `Kind/name` of the workloads that keep the namespace below restricted. */
  limitedBy: string[];
  /** The namespace's current enforce label, when the namespace is in the input. */
  currentEnforce?: string;
  command: string;
}

export interface LabelSuggestions {
  namespaces: NamespaceSuggestion[];
  /** `kubectl label --overwrite ns NAME pod-security.kubernetes.io/enforce=LEVEL`, one per namespace. */
  commands: string[];
  /** Namespace manifests with the labels (other labels of input namespaces kept), `---` separated. */
  yaml: string;
}

const LEVEL_RANK: Record<PssLevel, number> = { privileged: 0, baseline: 1, restricted: 2 };

function shellWord(word: string): string {
  return /^[A-Za-z0-9._/=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const YAML_RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;

function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) &&
    !YAML_RESERVED.test(value) &&
    !/^[-+.]?\d/.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Per namespace, the strictest level that all its workloads meet, as `kubectl label` commands and
 * as Namespace manifests. With an explicit `version`, `enforce-version` is pinned as well.
 */
export function suggestLabels(
  workloads: readonly PssWorkload[],
  namespaces: readonly PssNamespace[] = [],
  options: { version?: string; defaultNamespace?: string; emulationVersion?: string } = {},
): LabelSuggestions {
  const version = toPolicyVersion(options.version ?? 'latest');
  const groups = new Map<string, { level: PssLevel; count: number; limitedBy: string[] }>();
  for (const workload of workloads) {
    const namespace = workload.namespace ?? options.defaultNamespace ?? 'default';
    const evaluate = evaluateOptions(psaResourceOf(workload.kind), options);
    const pod = { metadata: workload.podMetadata ?? {}, spec: workload.podSpec };
    const level = highestLevel(pod, version, evaluate);
    const group = groups.get(namespace) ?? { level: 'restricted', count: 0, limitedBy: [] };
    group.count += 1;
    if (level !== 'restricted') {
      group.limitedBy.push(`${workload.kind}/${workload.name}`);
    }
    if (LEVEL_RANK[level] < LEVEL_RANK[group.level]) {
      group.level = level;
    }
    groups.set(namespace, group);
  }

  const pinVersion = !version.latest;
  const suggestions: NamespaceSuggestion[] = [];
  const documents: string[] = [];
  for (const namespace of [...groups.keys()].sort(compareGo)) {
    const group = groups.get(namespace);
    if (group === undefined) {
      continue;
    }
    const psaLabels: Record<string, string> = { [PSA_LABELS.enforce]: group.level };
    if (pinVersion) {
      psaLabels[PSA_LABELS.enforceVersion] = version.text;
    }
    const assignments = Object.entries(psaLabels).map(([k, v]) => shellWord(`${k}=${v}`));
    const command = `kubectl label --overwrite ns ${shellWord(namespace)} ${assignments.join(' ')}`;
    const input = namespaces.find((ns) => ns.name === namespace);
    const suggestion: NamespaceSuggestion = {
      namespace,
      level: group.level,
      version: version.text,
      workloads: group.count,
      limitedBy: group.limitedBy,
      command,
    };
    const current = input?.labels?.[PSA_LABELS.enforce];
    if (current !== undefined) {
      suggestion.currentEnforce = current;
    }
    suggestions.push(suggestion);

    const labels = { ...(input?.labels ?? {}), ...psaLabels };
    const labelLines = Object.entries(labels).map(
      ([k, v]) => `    ${yamlScalar(k)}: ${yamlScalar(v)}`,
    );
    documents.push(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        `  name: ${yamlScalar(namespace)}`,
        '  labels:',
        ...labelLines,
      ].join('\n') + '\n',
    );
  }
  return {
    namespaces: suggestions,
    commands: suggestions.map((s) => s.command),
    yaml: documents.join('---\n'),
  };
}
