/**
 * Namespace Pod Security labels → the policy PSA applies to the namespace's pods.
 *
 * Labels: `pod-security.kubernetes.io/{enforce,enforce-version,audit,audit-version,warn,warn-version}`.
 * - An absent label keeps its default (from the admission configuration; without one, every level is
 *   `privileged` and every version `latest`). With no labels at all, the defaults apply.
 * - Invalid values still give a policy, and are also reported: an invalid enforce level becomes
 *   `restricted` (fail closed), an invalid audit or warn level `privileged` (fail open), and an
 *   invalid version `latest`.
 * - When the warn label is absent and the enforce label is present and valid, warn takes the enforce
 *   level if that is stricter; warn-version then copies enforce-version unless it is set itself.
 *   Audit is never defaulted this way.
 */

import { compareLevels, INVALID_LEVEL_DETAIL, isPssLevel, PssLevelError } from './level.js';
import { goQuote } from './format.js';
import type { PssLevel } from './types.js';
import { LATEST, parsePolicyVersion, toPolicyVersion } from './version.js';
import type { PolicyVersion } from './version.js';

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

export const PSA_LABELS = {
  enforce: `${LABEL_PREFIX}enforce`,
  enforceVersion: `${LABEL_PREFIX}enforce-version`,
  audit: `${LABEL_PREFIX}audit`,
  auditVersion: `${LABEL_PREFIX}audit-version`,
  warn: `${LABEL_PREFIX}warn`,
  warnVersion: `${LABEL_PREFIX}warn-version`,
} as const;

export type PsaMode = 'enforce' | 'audit' | 'warn';

export interface LevelVersion {
  level: PssLevel;
  version: PolicyVersion;
}

export interface NamespacePolicy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

/** One invalid label, with the field error text the API server prints for it. */
export interface LabelError {
  label: string;
  value: string;
  /** `must be one of privileged, baseline, restricted` or `must be "latest" or "v1.x"`. */
  detail: string;
  /** `metadata.labels[<label>]: Invalid value: "<value>": <detail>`. */
  message: string;
}

export interface NamespacePolicyResult {
  policy: NamespacePolicy;
  errors: LabelError[];
}

/** Defaults of an admission configuration (`defaults:` of PodSecurityConfiguration). */
export interface PolicyDefaults {
  enforce?: PssLevel;
  enforceVersion?: string;
  audit?: PssLevel;
  auditVersion?: string;
  warn?: PssLevel;
  warnVersion?: string;
}

/** `restricted:latest`. */
export function levelVersionString(lv: LevelVersion): string {
  return `${lv.level}:${lv.version.text}`;
}

function checkedLevel(level: PssLevel | undefined): PssLevel {
  if (level === undefined) {
    return 'privileged';
  }
  if (!isPssLevel(level)) {
    throw new PssLevelError(String(level));
  }
  return level;
}

/** The default policy: the configuration's defaults, else privileged:latest for every mode. */
export function defaultPolicy(defaults: PolicyDefaults = {}): NamespacePolicy {
  const version = (text: string | undefined): PolicyVersion =>
    text === undefined ? LATEST : toPolicyVersion(text);
  return {
    enforce: { level: checkedLevel(defaults.enforce), version: version(defaults.enforceVersion) },
    audit: { level: checkedLevel(defaults.audit), version: version(defaults.auditVersion) },
    warn: { level: checkedLevel(defaults.warn), version: version(defaults.warnVersion) },
  };
}

function labelError(label: string, value: string, detail: string): LabelError {
  const message = `metadata.labels[${label}]: Invalid value: ${goQuote(value)}: ${detail}`;
  return { label, value, detail, message };
}

/** Resolves a namespace's labels to its policy, with the errors of invalid labels. */
export function resolveNamespacePolicy(
  labels: Readonly<Record<string, string>> | undefined,
  defaults: PolicyDefaults = {},
): NamespacePolicyResult {
  const base = defaultPolicy(defaults);
  const policy: NamespacePolicy = {
    enforce: { ...base.enforce },
    audit: { ...base.audit },
    warn: { ...base.warn },
  };
  const errors: LabelError[] = [];
  if (labels === undefined || Object.keys(labels).length === 0) {
    return { policy, errors };
  }
  const has = (label: string): boolean => Object.hasOwn(labels, label);
  const value = (label: string): string => labels[label] ?? '';

  const readLevel = (mode: PsaMode, label: string, fallback: PssLevel): boolean => {
    if (!has(label)) {
      return false;
    }
    const text = value(label);
    if (isPssLevel(text)) {
      policy[mode].level = text;
      return true;
    }
    policy[mode].level = fallback;
    errors.push(labelError(label, text, INVALID_LEVEL_DETAIL));
    return false;
  };
  const readVersion = (mode: PsaMode, label: string): void => {
    if (!has(label)) {
      return;
    }
    const parsed = parsePolicyVersion(value(label));
    policy[mode].version = parsed.version;
    if (!parsed.ok) {
      errors.push(labelError(label, value(label), parsed.error));
    }
  };

  const enforceValid = readLevel('enforce', PSA_LABELS.enforce, 'restricted');
  readVersion('enforce', PSA_LABELS.enforceVersion);
  readLevel('audit', PSA_LABELS.audit, 'privileged');
  readVersion('audit', PSA_LABELS.auditVersion);
  readLevel('warn', PSA_LABELS.warn, 'privileged');
  readVersion('warn', PSA_LABELS.warnVersion);

  if (
    !has(PSA_LABELS.warn) &&
    enforceValid &&
    compareLevels(policy.enforce.level, policy.warn.level) > 0
  ) {
    policy.warn.level = policy.enforce.level;
    if (!has(PSA_LABELS.warnVersion)) {
      policy.warn.version = policy.enforce.version;
    }
  }
  return { policy, errors };
}

/** apimachinery's aggregate error text: the single message, or `[e1, e2]` (duplicates dropped). */
export function aggregateErrors(messages: readonly string[]): string {
  const distinct = [...new Set(messages)];
  if (distinct.length === 1) {
    return distinct[0] ?? '';
  }
  return `[${distinct.join(', ')}]`;
}

/**
 * The 422 error for a Namespace create/update with invalid labels:
 * `Namespace "ns" is invalid: metadata.labels[…]: Invalid value: "bogus": must be one of …`.
 */
export function namespaceInvalidMessage(name: string, errors: readonly LabelError[]): string {
  return `Namespace ${goQuote(name)} is invalid: ${aggregateErrors(errors.map((e) => e.message))}`;
}

/** True when all three modes are privileged (the policy evaluates nothing). */
export function isFullyPrivileged(policy: NamespacePolicy): boolean {
  return (
    policy.enforce.level === 'privileged' &&
    policy.audit.level === 'privileged' &&
    policy.warn.level === 'privileged'
  );
}
