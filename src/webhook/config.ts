/**
 * The `webhook:` section of the configuration file: Pod Security defaults and exemptions as in
 * upstream's PodSecurityConfiguration, and the mamori rules the webhook applies per namespace.
 *
 * ```yaml
 * webhook:
 *   defaults: { enforce: baseline, enforce-version: latest, audit: restricted, warn: restricted }
 *   exemptions: { usernames: [], namespaces: [kube-system], runtimeClasses: [] }
 *   rules:
 *     - { id: hardening/privileged, mode: enforce }
 *     - { id: hardening/resources, mode: warn, namespaces: [apps] }
 * ```
 */
import { isPssLevel, parsePolicyVersion } from '../pss/index.js';
import type { PolicyDefaults } from '../pss/index.js';

export type RuleMode = 'enforce' | 'warn' | 'audit';

/** A mamori rule applied by the webhook in one mode, to all namespaces or the listed ones. */
export interface RuleBinding {
  id: string;
  mode: RuleMode;
  namespaces?: string[];
}

export interface WebhookPolicy {
  defaults: PolicyDefaults;
  exemptions: { usernames: string[]; namespaces: string[]; runtimeClasses: string[] };
  rules: RuleBinding[];
}

export interface WebhookConfigIssue {
  path: string;
  message: string;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = {
  defaults: {},
  exemptions: { usernames: [], namespaces: [], runtimeClasses: [] },
  rules: [],
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: WebhookConfigIssue[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      issues.push({
        path: `${path}.${key}`,
        message: `unknown key; expected one of: ${allowed.join(', ')}`,
      });
    }
  }
}

function names(
  value: unknown,
  path: string,
  valid: (name: string) => boolean,
  what: string,
  issues: WebhookConfigIssue[],
): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    issues.push({ path, message: 'must be a list of strings' });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((name, index) => {
    if (!valid(name)) {
      issues.push({ path: `${path}[${index}]`, message: `must be ${what}` });
    } else if (seen.has(name)) {
      issues.push({ path: `${path}[${index}]`, message: `duplicate entry "${name}"` });
    }
    seen.add(name);
  });
  return [...seen];
}

const MODES = ['enforce', 'audit', 'warn'] as const;

function parseDefaults(value: unknown, issues: WebhookConfigIssue[]): PolicyDefaults {
  const out: PolicyDefaults = {};
  if (value === undefined) {
    return out;
  }
  if (!isRecord(value)) {
    issues.push({ path: 'webhook.defaults', message: 'must be a map' });
    return out;
  }
  unknownKeys(
    value,
    MODES.flatMap((mode) => [mode, `${mode}-version`]),
    'webhook.defaults',
    issues,
  );
  for (const mode of MODES) {
    const level = value[mode];
    if (level !== undefined) {
      if (typeof level === 'string' && isPssLevel(level)) {
        out[mode] = level;
      } else {
        issues.push({
          path: `webhook.defaults.${mode}`,
          message: 'must be one of privileged, baseline, restricted',
        });
      }
    }
    const version = value[`${mode}-version`];
    if (version !== undefined) {
      if (typeof version === 'string' && parsePolicyVersion(version).ok) {
        out[`${mode}Version`] = version;
      } else {
        issues.push({
          path: `webhook.defaults.${mode}-version`,
          message: 'must be "latest" or "v1.x"',
        });
      }
    }
  }
  return out;
}

function parseRules(
  value: unknown,
  knownRules: ReadonlySet<string>,
  issues: WebhookConfigIssue[],
): RuleBinding[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    issues.push({ path: 'webhook.rules', message: 'must be a list of { id, mode, namespaces? }' });
    return [];
  }
  const out: RuleBinding[] = [];
  value.forEach((raw: unknown, index) => {
    const path = `webhook.rules[${index}]`;
    if (!isRecord(raw)) {
      issues.push({ path, message: 'must be a map with id and mode' });
      return;
    }
    unknownKeys(raw, ['id', 'mode', 'namespaces'], path, issues);
    const { id, mode } = raw;
    if (typeof id !== 'string' || !knownRules.has(id)) {
      issues.push({ path: `${path}.id`, message: 'unknown rule id (see `mamori rules`)' });
      return;
    }
    if (mode !== 'enforce' && mode !== 'warn' && mode !== 'audit') {
      issues.push({ path: `${path}.mode`, message: 'must be enforce, warn or audit' });
      return;
    }
    const binding: RuleBinding = { id, mode };
    if (raw.namespaces !== undefined) {
      binding.namespaces = names(
        raw.namespaces,
        `${path}.namespaces`,
        (name) => DNS_LABEL.test(name),
        'a namespace name',
        issues,
      );
    }
    out.push(binding);
  });
  return out;
}

/** Validates the `webhook:` section (undefined gives the defaults). */
export function parseWebhookConfig(
  value: unknown,
  knownRules: ReadonlySet<string>,
): { policy: WebhookPolicy; issues: WebhookConfigIssue[] } {
  const issues: WebhookConfigIssue[] = [];
  const policy = structuredClone(DEFAULT_WEBHOOK_POLICY);
  if (value === undefined || value === null) {
    return { policy, issues };
  }
  if (!isRecord(value)) {
    return { policy, issues: [{ path: 'webhook', message: 'must be a map' }] };
  }
  unknownKeys(
    value,
    ['defaults', 'exemptions', 'rules', 'namespaceCacheSeconds'],
    'webhook',
    issues,
  );
  policy.defaults = parseDefaults(value.defaults, issues);
  const exemptions = value.exemptions;
  if (exemptions !== undefined) {
    if (isRecord(exemptions)) {
      const path = 'webhook.exemptions';
      unknownKeys(exemptions, ['usernames', 'namespaces', 'runtimeClasses'], path, issues);
      policy.exemptions = {
        usernames: names(
          exemptions.usernames,
          `${path}.usernames`,
          (n) => n !== '',
          'non-empty',
          issues,
        ),
        namespaces: names(
          exemptions.namespaces,
          `${path}.namespaces`,
          (n) => DNS_LABEL.test(n) && n.length <= 63,
          'a namespace name',
          issues,
        ),
        runtimeClasses: names(
          exemptions.runtimeClasses,
          `${path}.runtimeClasses`,
          (n) => DNS_SUBDOMAIN.test(n) && n.length <= 253,
          'a DNS subdomain',
          issues,
        ),
      };
    } else {
      issues.push({ path: 'webhook.exemptions', message: 'must be a map' });
    }
  }
  policy.rules = parseRules(value.rules, knownRules, issues);
  // Obsolete since the labels come from a watch; still accepted (and checked) so that older
  // configuration files load.
  const ttl = value.namespaceCacheSeconds;
  if (
    ttl !== undefined &&
    !(typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0 && ttl <= 3600)
  ) {
    issues.push({
      path: 'webhook.namespaceCacheSeconds',
      message: 'must be a number from 0 to 3600',
    });
  }
  return { policy, issues };
}
