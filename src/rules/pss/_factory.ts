/*
 * The factory behind the `pss/…` rules. Each rule runs one upstream Pod Security check (the
 * engine in src/pss) at the configured policy version, on the pod spec as the API server would
 * see it (defaulted), and reports every part of the pod that violates it: the pod itself, a
 * container or a volume, each with the upstream reason and detail for that part alone.
 *
 * Not a rule module (the leading underscore keeps it out of the catalogue).
 */
import type { PssSettings } from '../../core/config.js';
import type { Container, ObjectMeta, PodSpec, Volume } from '../../core/k8s.js';
import type { LocalizedText, Severity } from '../../core/model.js';
import { defineWorkloadRule, type AnyRule } from '../../core/rule.js';
import { escapePointerToken } from '../../core/sanitize.js';
import { existingPrefix, type ContainerRef, type Workload } from '../../core/workload.js';
import {
  ALL_CHECKS,
  applyApiServerDefaults,
  effectiveMinor,
  forbiddenDetail,
  implementationAt,
  parsePolicyVersion,
  registry,
  toPolicyVersion,
} from '../../pss/index.js';
import type { CheckDefinition, CheckFn, CheckLevel, PolicyVersion } from '../../pss/index.js';

/** Options of every `pss/…` rule. */
export interface PssRuleOptions {
  /** The Pod Security policy version: `latest` or `v1.N` (default: `pss.version`). */
  version: string;
}

/** A failed check result. */
export interface Failure {
  reason: string;
  detail: string;
}

/** What a locator sees: the workload, and the pod as the check saw it. */
export interface PodTarget {
  workload: Workload;
  /** The pod spec after API-server defaulting. */
  spec: PodSpec;
  metadata: ObjectMeta;
  /** The check's implementation at the configured version. */
  check: CheckFn;
  /** The minor policy version evaluated (`latest` is the newest one). */
  minor: number;
}

export interface ContainerTarget extends PodTarget {
  ref: ContainerRef;
  /** The container after defaulting. */
  container: Container;
}

export interface VolumeTarget extends PodTarget {
  volume: Volume;
  index: number;
  /** Pointer of the volume, e.g. `/spec/template/spec/volumes/2`. */
  pointer: string;
}

/**
 * A `pss/…` rule: the upstream check it runs, its texts, and where to point for each part of the
 * pod that fails. A locator returns a pointer; the factory reports the deepest part of it that
 * exists in the manifest. Parts without a locator are reported at the pod spec, the container or
 * the volume.
 */
export interface PssRuleSpec {
  check: CheckDefinition;
  title: LocalizedText;
  description: LocalizedText;
  remediation: LocalizedText;
  pod?: (target: PodTarget) => string;
  container?: (target: ContainerTarget) => string;
  volume?: (target: VolumeTarget) => string;
}

const PSS_PAGE = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
const PSA_PAGE = 'https://kubernetes.io/docs/concepts/security/pod-security-admission/';
const DOCS_PAGE = 'https://github.com/mamori-dev/mamori/blob/main/docs/pss.md';

/** `pss/<slug>`: the upstream check id in kebab case (`seccompProfile_baseline` → `seccomp-profile-baseline`). */
export function ruleIdOf(checkId: string): string {
  const slug = checkId
    .replace(/_/g, '-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `pss/${slug}`;
}

/**
 * The settings a check of `level` takes from `pss` in the configuration: high severity when the
 * error level covers it, medium when only the warning level does, else off. `restricted` covers
 * both levels (a restricted pod meets baseline), `baseline` covers the baseline checks.
 */
export function pssRuleSettings(
  level: CheckLevel,
  pss: PssSettings,
): { enabled?: boolean; severity?: Severity; options: PssRuleOptions } {
  const covers = (setting: PssSettings['errorLevel']): boolean =>
    setting === 'restricted' || setting === level;
  const options = { version: pss.version };
  if (covers(pss.errorLevel)) {
    return { severity: 'high', options };
  }
  if (covers(pss.warnLevel)) {
    return { severity: 'medium', options };
  }
  return { enabled: false, options };
}

/** The deepest prefix of `pointer` that exists in the resource's object. */
export function deepestExisting(workload: Workload, pointer: string): string {
  return existingPrefix(workload.resource.object, pointer);
}

/** Pointer of an annotation of the pod (template). */
export function annotationPointer(workload: Workload, key: string): string {
  return `${workload.templatePointer}/metadata/annotations/${escapePointerToken(key)}`;
}

/**
 * The pod spec with the API server's defaults applied, worked out once per workload for all the
 * PSS rules (the result is only read).
 */
const defaulted = new WeakMap<PodSpec, Partial<Record<'pod' | 'template', PodSpec>>>();
function defaultedSpec(spec: PodSpec, target: 'pod' | 'template'): PodSpec {
  let entry = defaulted.get(spec);
  if (entry === undefined) {
    entry = {};
    defaulted.set(spec, entry);
  }
  return (entry[target] ??= applyApiServerDefaults(spec, target));
}

/** The index of a container in its list, from its pointer. */
function indexOf(ref: ContainerRef): number {
  return Number(ref.pointer.slice(ref.pointer.lastIndexOf('/') + 1));
}

/**
 * The pod without containers and volumes: what the pod-level settings alone give. Made once per
 * (defaulted) spec for all the PSS rules; the result is only read.
 */
const podsOnly = new WeakMap<PodSpec, PodSpec>();
function podOnly(spec: PodSpec): PodSpec {
  let pod = podsOnly.get(spec);
  if (pod === undefined) {
    pod = { ...spec, initContainers: [], containers: [], ephemeralContainers: [], volumes: [] };
    podsOnly.set(spec, pod);
  }
  return pod;
}

/**
 * The pod with only one container (by its pointer) or only one volume (by its index), made once
 * per (defaulted) spec for all the PSS rules; the results are only read.
 */
const narrowedSpecs = new WeakMap<PodSpec, Map<string | number, PodSpec>>();
function narrowedTo(
  spec: PodSpec,
  key: string | number,
  field: 'initContainers' | 'containers' | 'ephemeralContainers' | 'volumes',
  item: Container | Volume,
): PodSpec {
  let byPart = narrowedSpecs.get(spec);
  if (byPart === undefined) {
    byPart = new Map();
    narrowedSpecs.set(spec, byPart);
  }
  let narrowed = byPart.get(key);
  if (narrowed === undefined) {
    narrowed = { ...podOnly(spec), [field]: [item] };
    byPart.set(key, narrowed);
  }
  return narrowed;
}

// The targets handed to the locators, built field by field: an object spread per part was a
// tenth of the PSS rules' time.
function podTarget(target: PodTarget, check: CheckFn): PodTarget {
  const { workload, spec, metadata, minor } = target;
  return { workload, spec, metadata, check, minor };
}

function containerTarget(
  target: PodTarget,
  ref: ContainerRef,
  container: Container,
): ContainerTarget {
  const { workload, spec, metadata, check, minor } = target;
  return { workload, spec, metadata, check, minor, ref, container };
}

function volumeTarget(
  target: PodTarget,
  volume: Volume,
  index: number,
  pointer: string,
): VolumeTarget {
  const { workload, spec, metadata, check, minor } = target;
  return { workload, spec, metadata, check, minor, volume, index, pointer };
}

/** A part of the pod that fails a check on its own. */
interface Part {
  key: string;
  failure: Failure;
  pointer: string;
  container?: string;
}

/**
 * The parts of the pod that fail a check: the pod-level settings (the pod without containers
 * and volumes), each container (the pod with only it) and each volume. A container or volume
 * counts only when it changes the pod-level result, so a pod-level setting that every part
 * inherits is reported once, at the pod.
 */
function failingParts(rule: PssRuleSpec, target: PodTarget): Part[] {
  const { workload, spec, metadata, check } = target;
  const parts: Part[] = [];
  const podResult = check(metadata, podOnly(spec));
  const pod = podResult.allowed ? undefined : podResult;
  if (pod !== undefined) {
    const pointer = rule.pod?.(target) ?? workload.specPointer;
    parts.push({ key: 'pod', failure: pod, pointer });
  }
  const own = (narrowed: PodSpec): Failure | undefined => {
    const result = check(metadata, narrowed);
    if (result.allowed) {
      return undefined;
    }
    if (pod !== undefined && result.reason === pod.reason && result.detail === pod.detail) {
      return undefined;
    }
    return result;
  };
  for (const ref of workload.containers) {
    const container = spec[ref.type]?.[indexOf(ref)];
    if (container === undefined) {
      continue;
    }
    const failure = own(narrowedTo(spec, ref.pointer, ref.type, container));
    if (failure !== undefined) {
      const pointer = rule.container?.(containerTarget(target, ref, container)) ?? ref.pointer;
      parts.push({ key: ref.pointer, failure, pointer, container: ref.name });
    }
  }
  (spec.volumes ?? []).forEach((volume: Volume | undefined, index) => {
    if (volume === undefined || volume === null) {
      return;
    }
    const failure = own(narrowedTo(spec, index, 'volumes', volume));
    if (failure !== undefined) {
      const pointer = `${workload.specPointer}/volumes/${index}`;
      const located = rule.volume?.(volumeTarget(target, volume, index, pointer)) ?? pointer;
      parts.push({ key: pointer, failure, pointer: located });
    }
  });
  return parts;
}

function validateOptions(options: Record<string, unknown>): string[] {
  const version = options.version;
  if (typeof version !== 'string' || !parsePolicyVersion(version).ok) {
    return ['version must be "latest" or "v1.N", e.g. v1.30'];
  }
  return [];
}

/** Defines the rule for one upstream Pod Security check. */
export function definePssRule(spec: PssRuleSpec): AnyRule {
  const { check } = spec;
  const level = check.level;
  const overridden = ALL_CHECKS.filter((candidate) => check.overrides?.includes(candidate.id));
  const severity: Severity = level === 'baseline' ? 'high' : 'medium';
  const anchor = level === 'baseline' ? '#baseline' : '#restricted';
  // The implementations at the configured version, worked out once per version rather than for
  // every workload (the option is the same for a whole run).
  let memo:
    | {
        text: string;
        version: PolicyVersion;
        implementation: CheckFn | undefined;
        baselines: CheckFn[];
      }
    | undefined;
  const atVersion = (text: string): NonNullable<typeof memo> => {
    if (memo?.text !== text) {
      const version = toPolicyVersion(text);
      memo = {
        text,
        version,
        implementation: implementationAt(check, version.text),
        baselines: overridden
          .map((definition) => implementationAt(definition, version.text))
          .filter((baseline): baseline is CheckFn => baseline !== undefined),
      };
    }
    return memo;
  };
  return defineWorkloadRule<'violation', PssRuleOptions>({
    meta: {
      id: ruleIdOf(check.id),
      title: spec.title,
      description: spec.description,
      remediation: spec.remediation,
      severity,
      category: 'pss',
      references: [`${PSS_PAGE}${anchor}`, PSA_PAGE, DOCS_PAGE],
      standards: [{ framework: 'pss', control: level }],
      messages: {
        violation: {
          en: 'Violates PodSecurity "{{policy}}": {{summary}}.',
          ja: 'PodSecurity "{{policy}}" に違反しています: {{summary}}。',
        },
      },
      defaultOptions: { version: 'latest' },
      configDefaults: (config) => pssRuleSettings(level, config.pss),
      validateOptions,
    },
    check(workload, context) {
      const { version, implementation, baselines } = atVersion(context.options.version);
      if (implementation === undefined) {
        return;
      }
      const defaulting = workload.resource.object.kind === 'Pod' ? 'pod' : 'template';
      const podSpec = defaultedSpec(workload.podSpec, defaulting);
      const minor = effectiveMinor(version, registry.maxMinor);
      const target: PodTarget = {
        workload,
        spec: podSpec,
        metadata: workload.podMeta,
        check: implementation,
        minor,
      };
      const whole = implementation(target.metadata, podSpec);
      if (whole.allowed) {
        return;
      }
      // A restricted check that replaces a baseline one leaves to that baseline rule the parts
      // it already reports, so that one problem is not reported twice. The checks replaced
      // (capabilities, procMount, seccomp, hostPath volumes) judge each container and volume
      // on its own, so when the whole pod passes one, no part of it fails it (tested).
      const covered = new Set<string>();
      for (const baseline of baselines) {
        if (baseline(target.metadata, podSpec).allowed) {
          continue;
        }
        for (const part of failingParts(spec, podTarget(target, baseline))) {
          covered.add(part.key);
        }
      }
      const parts = failingParts(spec, target);
      const policy = `${level}:${version.text}`;
      if (parts.length === 0 && covered.size === 0) {
        // Only the combination of parts fails: report the whole pod.
        parts.push({ key: 'pod', failure: whole, pointer: workload.specPointer });
      }
      for (const part of parts) {
        if (covered.has(part.key)) {
          continue;
        }
        const { reason, detail } = part.failure;
        const data = { policy, summary: forbiddenDetail([{ check: check.id, reason, detail }]) };
        const pointer = deepestExisting(workload, part.pointer);
        if (part.container === undefined) {
          context.report({ messageId: 'violation', data, pointer });
        } else {
          context.report({ messageId: 'violation', data, pointer, container: part.container });
        }
      }
    },
  });
}
