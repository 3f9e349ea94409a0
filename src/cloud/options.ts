/**
 * The `cloud:` section of the configuration file: defaults and validation. Pure: the command reads
 * the YAML and hands the decoded value over.
 *
 * ```yaml
 * cloud:
 *   versionSupport:
 *     asOf: 2026-10-01
 *     eks: { "1.36": { release: 2026-06-10, standardEnd: 2027-08-10, extendedEnd: 2028-08-10 } }
 *     aks: { "1.38": { ga: 2027-02-28, end: 2028-02-29, ltsEnd: 2029-02-28 } }
 *   eksRequiredLogTypes: [api, audit, authenticator]
 *   publicCidrMinPrefix: 24
 *   ignoreNamespaces: [kube-system, monitoring]
 *   disable: [cloud/eks-deletion-protection]
 * ```
 */
import type { CloudOptions } from './types.js';
import {
  DEFAULT_VERSION_TABLE,
  minorOf,
  type AksVersionWindow,
  type EksVersionWindow,
  type VersionTable,
} from './versions.js';

export const EKS_LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;

/** Namespaces of the platform and its add-ons, skipped by namespace-level checks by default. */
export const DEFAULT_IGNORED_NAMESPACES: readonly string[] = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'amazon-cloudwatch',
  'aws-observability',
  'amazon-guardduty',
  'calico-system',
  'calico-apiserver',
  'tigera-operator',
  'gatekeeper-system',
  'app-routing-system',
  'aks-command',
  'aks-istio-system',
  'gke-managed-*',
  'gke-gmp-system',
  'gmp-system',
  'gmp-public',
  'config-management-system',
  'istio-system',
  'cert-manager',
  'karpenter',
];

export const DEFAULT_OPTIONS: CloudOptions = {
  eksRequiredLogTypes: EKS_LOG_TYPES,
  publicCidrMinPrefixV4: 24,
  publicCidrMinPrefixV6: 48,
  maxClusterAdmins: 3,
  nodeImageMaxAgeDays: 90,
  ignoreNamespaces: DEFAULT_IGNORED_NAMESPACES,
  wildcardRoleAllow: [],
  clusterAdminAllow: [],
  disable: [],
};

export interface OptionIssue {
  path: string;
  message: string;
}

export interface ParsedCloudConfig {
  options: CloudOptions;
  versions: VersionTable;
  issues: OptionIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** YAML 1.1 loaders turn `2026-10-01` into a Date; accept both. */
function dateText(value: unknown): string | undefined {
  if (value instanceof Date && Number.isFinite(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    Number.isFinite(Date.parse(value))
  ) {
    return value;
  }
  return undefined;
}

function stringList(value: unknown, path: string, issues: OptionIssue[]): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    issues.push({ path, message: 'must be a list of strings' });
    return undefined;
  }
  return value;
}

function integer(
  value: unknown,
  path: string,
  min: number,
  max: number,
  issues: OptionIssue[],
): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    issues.push({ path, message: `must be an integer from ${min} to ${max}` });
    return undefined;
  }
  return value;
}

function parseWindows<T>(
  value: unknown,
  path: string,
  fields: readonly (keyof T & string)[],
  optional: readonly (keyof T & string)[],
  issues: OptionIssue[],
): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) {
    issues.push({ path, message: 'must map minor versions ("1.34") to date fields' });
    return out;
  }
  for (const [version, entry] of Object.entries(value)) {
    const minor = minorOf(version);
    const where = `${path}.${version}`;
    if (minor === undefined || !isRecord(entry)) {
      issues.push({ path: where, message: 'must be a minor version mapping to dates' });
      continue;
    }
    const window: Record<string, string> = {};
    let ok = true;
    for (const field of [...fields, ...optional]) {
      const raw = entry[field];
      if (raw === undefined && optional.includes(field)) {
        continue;
      }
      const text = dateText(raw);
      if (text === undefined) {
        issues.push({ path: `${where}.${field}`, message: 'must be a date (YYYY-MM-DD)' });
        ok = false;
      } else {
        window[field] = text;
      }
    }
    for (const key of Object.keys(entry)) {
      if (![...fields, ...optional].includes(key as keyof T & string)) {
        issues.push({
          path: `${where}.${key}`,
          message: `unknown key; expected ${[...fields, ...optional].join(', ')}`,
        });
        ok = false;
      }
    }
    if (ok) {
      out[minor] = window as T;
    }
  }
  return out;
}

function parseVersionSupport(value: unknown, source: string, issues: OptionIssue[]): VersionTable {
  const path = 'cloud.versionSupport';
  if (!isRecord(value)) {
    issues.push({ path, message: 'must be a mapping with asOf, eks and aks' });
    return DEFAULT_VERSION_TABLE;
  }
  let asOf = DEFAULT_VERSION_TABLE.asOf;
  let replace = false;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'asOf') {
      const text = dateText(inner);
      if (text === undefined) {
        issues.push({ path: `${path}.asOf`, message: 'must be a date (YYYY-MM-DD)' });
      } else {
        asOf = text;
      }
    } else if (key === 'replace') {
      if (typeof inner !== 'boolean') {
        issues.push({ path: `${path}.replace`, message: 'must be true or false' });
      } else {
        replace = inner;
      }
    } else if (key !== 'eks' && key !== 'aks') {
      issues.push({
        path: `${path}.${key}`,
        message: 'unknown key; expected asOf, replace, eks or aks',
      });
    }
  }
  const eks =
    value.eks === undefined
      ? {}
      : parseWindows<EksVersionWindow>(
          value.eks,
          `${path}.eks`,
          ['release', 'standardEnd', 'extendedEnd'],
          [],
          issues,
        );
  const aks =
    value.aks === undefined
      ? {}
      : parseWindows<AksVersionWindow>(value.aks, `${path}.aks`, ['ga', 'end'], ['ltsEnd'], issues);
  return {
    asOf,
    source,
    eks: replace ? eks : { ...DEFAULT_VERSION_TABLE.eks, ...eks },
    aks: replace ? aks : { ...DEFAULT_VERSION_TABLE.aks, ...aks },
  };
}

/** Validates the `cloud:` value of a configuration file named `source`. */
export function parseCloudConfig(value: unknown, source: string): ParsedCloudConfig {
  const issues: OptionIssue[] = [];
  const options: CloudOptions = { ...DEFAULT_OPTIONS };
  let versions = DEFAULT_VERSION_TABLE;
  if (value === undefined || value === null) {
    return { options, versions, issues };
  }
  if (!isRecord(value)) {
    return { options, versions, issues: [{ path: 'cloud', message: 'must be a mapping' }] };
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = `cloud.${key}`;
    switch (key) {
      case 'versionSupport':
        versions = parseVersionSupport(inner, source, issues);
        break;
      case 'eksRequiredLogTypes': {
        const list = stringList(inner, path, issues);
        const unknown =
          list?.filter((item) => !(EKS_LOG_TYPES as readonly string[]).includes(item)) ?? [];
        if (unknown.length > 0) {
          issues.push({
            path,
            message: `unknown log types ${unknown.join(', ')}; expected ${EKS_LOG_TYPES.join(', ')}`,
          });
        } else if (list !== undefined) {
          options.eksRequiredLogTypes = list;
        }
        break;
      }
      case 'publicCidrMinPrefix':
        options.publicCidrMinPrefixV4 =
          integer(inner, path, 0, 32, issues) ?? options.publicCidrMinPrefixV4;
        break;
      case 'publicCidrMinPrefixV6':
        options.publicCidrMinPrefixV6 =
          integer(inner, path, 0, 128, issues) ?? options.publicCidrMinPrefixV6;
        break;
      case 'maxClusterAdmins':
        options.maxClusterAdmins =
          integer(inner, path, 0, 1000, issues) ?? options.maxClusterAdmins;
        break;
      case 'nodeImageMaxAgeDays':
        options.nodeImageMaxAgeDays =
          integer(inner, path, 1, 3650, issues) ?? options.nodeImageMaxAgeDays;
        break;
      case 'ignoreNamespaces':
        options.ignoreNamespaces = stringList(inner, path, issues) ?? options.ignoreNamespaces;
        break;
      case 'wildcardRoleAllow':
        options.wildcardRoleAllow = stringList(inner, path, issues) ?? options.wildcardRoleAllow;
        break;
      case 'clusterAdminAllow':
        options.clusterAdminAllow = stringList(inner, path, issues) ?? options.clusterAdminAllow;
        break;
      case 'disable':
        options.disable = stringList(inner, path, issues) ?? options.disable;
        break;
      default:
        issues.push({ path, message: 'unknown key' });
    }
  }
  return { options, versions, issues };
}
