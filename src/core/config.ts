/**
 * The configuration model (`mamori.yaml`) and its validation. Reading the file is the CLI's job;
 * this module only checks a decoded value and reports bad keys by their path.
 */
import { isSeverity, LANGUAGES, type Language, type Severity } from './model.js';

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

/** An accepted risk: findings of these rules on matching objects are suppressed. */
export interface Exception {
  rules: string[];
  reason: string;
  kinds?: string[];
  namespaces?: string[];
  names?: string[];
  containers?: string[];
  /** Last day (YYYY-MM-DD) on which the exception applies. */
  expires?: string;
}

export interface PssSettings {
  /** Violations of this level are reported at high severity. */
  errorLevel: 'baseline' | 'restricted' | 'none';
  /** Violations of this level (and not of errorLevel) are reported at medium severity. */
  warnLevel: 'baseline' | 'restricted' | 'none';
  version: string;
}

export interface Config {
  rules: Record<string, RuleSetting>;
  exclude: { paths: string[]; namespaces: string[]; kinds: string[] };
  exceptions: Exception[];
  /** Custom workload kinds and the pointer of their pod template, e.g. `Rollout: /spec/template`. */
  workloadKinds: Record<string, string>;
  /** When true, `mamori.dev/ignore` annotations suppress nothing. */
  strict: boolean;
  failOn?: Severity;
  lang?: Language;
  pss: PssSettings;
}

export const DEFAULT_CONFIG: Config = {
  rules: {},
  exclude: { paths: [], namespaces: [], kinds: [] },
  exceptions: [],
  workloadKinds: {},
  strict: false,
  pss: { errorLevel: 'baseline', warnLevel: 'restricted', version: 'latest' },
};

/** A configuration error at a key path such as `rules.hardening/privileged.severity`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, path: string, issues: ConfigIssue[]): string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  issues.push({ path, message: 'must be a list of strings' });
  return [];
}

function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: ConfigIssue[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      issues.push({
        path: path === '' ? key : `${path}.${key}`,
        message: `unknown key; expected one of: ${allowed.join(', ')}`,
      });
    }
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const POINTER = /^(\/[^/]+)+$/;
const PSS_LEVELS = ['baseline', 'restricted', 'none'] as const;
/** A Pod Security policy version, as upstream accepts it. */
const PSS_VERSION = /^(?:latest|v1\.(?:0|[1-9][0-9]*))$/;

function parseRuleSettings(
  value: unknown,
  knownRules: ReadonlySet<string>,
  issues: ConfigIssue[],
): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!isRecord(value)) {
    issues.push({ path: 'rules', message: 'must be a map from rule id to settings' });
    return out;
  }
  for (const [id, raw] of Object.entries(value)) {
    const path = `rules.${id}`;
    if (!knownRules.has(id)) {
      issues.push({ path, message: 'unknown rule id (see `mamori rules`)' });
      continue;
    }
    if (typeof raw === 'boolean') {
      out[id] = { enabled: raw };
      continue;
    }
    if (isSeverity(raw)) {
      out[id] = { severity: raw };
      continue;
    }
    if (!isRecord(raw)) {
      issues.push({ path, message: 'must be true, false, a severity, or a map' });
      continue;
    }
    unknownKeys(raw, ['enabled', 'severity', 'options'], path, issues);
    const setting: RuleSetting = {};
    if (raw.enabled !== undefined) {
      if (typeof raw.enabled === 'boolean') {
        setting.enabled = raw.enabled;
      } else {
        issues.push({ path: `${path}.enabled`, message: 'must be true or false' });
      }
    }
    if (raw.severity !== undefined) {
      if (isSeverity(raw.severity)) {
        setting.severity = raw.severity;
      } else {
        issues.push({
          path: `${path}.severity`,
          message: 'must be one of critical, high, medium, low, info',
        });
      }
    }
    if (raw.options !== undefined) {
      if (isRecord(raw.options)) {
        setting.options = raw.options;
      } else {
        issues.push({ path: `${path}.options`, message: 'must be a map' });
      }
    }
    out[id] = setting;
  }
  return out;
}

function parseException(raw: unknown, path: string, issues: ConfigIssue[]): Exception | undefined {
  if (!isRecord(raw)) {
    issues.push({ path, message: 'must be a map' });
    return undefined;
  }
  const keys = [
    'rules',
    'reason',
    'kinds',
    'namespaces',
    'names',
    'containers',
    'expires',
  ] as const;
  unknownKeys(raw, keys, path, issues);
  if (typeof raw.reason !== 'string' || raw.reason.trim() === '') {
    issues.push({ path: `${path}.reason`, message: 'is required: say why the risk is accepted' });
    return undefined;
  }
  const exception: Exception = {
    rules: stringList(raw.rules, `${path}.rules`, issues),
    reason: raw.reason,
  };
  for (const key of ['kinds', 'namespaces', 'names', 'containers'] as const) {
    if (raw[key] !== undefined) {
      exception[key] = stringList(raw[key], `${path}.${key}`, issues);
    }
  }
  if (raw.expires !== undefined) {
    const expires =
      raw.expires instanceof Date ? raw.expires.toISOString().slice(0, 10) : raw.expires;
    if (typeof expires === 'string' && DATE.test(expires)) {
      exception.expires = expires;
    } else {
      issues.push({ path: `${path}.expires`, message: 'must be a date written YYYY-MM-DD' });
    }
  }
  return exception;
}

function parseExclude(value: unknown, issues: ConfigIssue[]): Config['exclude'] {
  const out: Config['exclude'] = { paths: [], namespaces: [], kinds: [] };
  if (!isRecord(value)) {
    issues.push({ path: 'exclude', message: 'must be a map with paths, namespaces or kinds' });
    return out;
  }
  unknownKeys(value, ['paths', 'namespaces', 'kinds'], 'exclude', issues);
  for (const key of ['paths', 'namespaces', 'kinds'] as const) {
    if (value[key] !== undefined) {
      out[key] = stringList(value[key], `exclude.${key}`, issues);
    }
  }
  return out;
}

function parsePss(value: unknown, issues: ConfigIssue[]): PssSettings {
  const out = { ...DEFAULT_CONFIG.pss };
  if (!isRecord(value)) {
    issues.push({ path: 'pss', message: 'must be a map' });
    return out;
  }
  unknownKeys(value, ['errorLevel', 'warnLevel', 'version'], 'pss', issues);
  for (const key of ['errorLevel', 'warnLevel'] as const) {
    const level = value[key];
    if (level === undefined) {
      continue;
    }
    if (typeof level === 'string' && (PSS_LEVELS as readonly string[]).includes(level)) {
      out[key] = level as PssSettings[typeof key];
    } else {
      issues.push({ path: `pss.${key}`, message: 'must be baseline, restricted or none' });
    }
  }
  if (value.version !== undefined) {
    if (typeof value.version === 'string' && PSS_VERSION.test(value.version)) {
      out.version = value.version;
    } else {
      issues.push({ path: 'pss.version', message: 'must be a string such as latest or v1.30' });
    }
  }
  return out;
}

/**
 * Validates a decoded configuration document. Returns the configuration merged over the
 * defaults, and every problem found (an empty list means the configuration is valid).
 */
export function parseConfig(
  value: unknown,
  knownRules: ReadonlySet<string>,
): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config: Config = structuredClone(DEFAULT_CONFIG);
  if (value === null || value === undefined) {
    return { config, issues };
  }
  if (!isRecord(value)) {
    return { config, issues: [{ path: '', message: 'the configuration must be a map' }] };
  }
  const allowed = [
    'version',
    'rules',
    'exclude',
    'exceptions',
    'workloadKinds',
    'strict',
    'failOn',
    'lang',
    'pss',
    // Read by `mamori cloud` (docs/cloud.md); validated there.
    'cloud',
    // Read by `mamori webhook` (docs/webhook.md); validated there.
    'webhook',
  ];
  unknownKeys(value, allowed, '', issues);
  if (value.version !== undefined && value.version !== 1) {
    issues.push({ path: 'version', message: 'only version 1 is supported' });
  }
  if (value.rules !== undefined) {
    config.rules = parseRuleSettings(value.rules, knownRules, issues);
  }
  if (value.exclude !== undefined) {
    config.exclude = parseExclude(value.exclude, issues);
  }
  if (value.exceptions !== undefined) {
    if (Array.isArray(value.exceptions)) {
      value.exceptions.forEach((raw, index) => {
        const exception = parseException(raw, `exceptions[${index}]`, issues);
        if (exception !== undefined) {
          config.exceptions.push(exception);
        }
      });
    } else {
      issues.push({ path: 'exceptions', message: 'must be a list' });
    }
  }
  if (value.workloadKinds !== undefined) {
    if (isRecord(value.workloadKinds)) {
      for (const [kind, pointer] of Object.entries(value.workloadKinds)) {
        if (typeof pointer === 'string' && POINTER.test(pointer)) {
          config.workloadKinds[kind] = pointer;
        } else {
          issues.push({
            path: `workloadKinds.${kind}`,
            message: 'must be a JSON pointer to the pod template, such as /spec/template',
          });
        }
      }
    } else {
      issues.push({ path: 'workloadKinds', message: 'must be a map from kind to pointer' });
    }
  }
  if (value.strict !== undefined) {
    if (typeof value.strict === 'boolean') {
      config.strict = value.strict;
    } else {
      issues.push({ path: 'strict', message: 'must be true or false' });
    }
  }
  if (value.failOn !== undefined) {
    if (isSeverity(value.failOn)) {
      config.failOn = value.failOn;
    } else {
      issues.push({ path: 'failOn', message: 'must be one of critical, high, medium, low, info' });
    }
  }
  if (value.lang !== undefined) {
    if (typeof value.lang === 'string' && (LANGUAGES as readonly string[]).includes(value.lang)) {
      config.lang = value.lang as Language;
    } else {
      issues.push({ path: 'lang', message: `must be one of ${LANGUAGES.join(', ')}` });
    }
  }
  if (value.pss !== undefined) {
    config.pss = parsePss(value.pss, issues);
  }
  return { config, issues };
}

/** Converts a glob (`**`, `*`, `?`) to a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === '*') {
      if (glob.charAt(i + 1) === '*') {
        source += '.*';
        i++;
        if (glob.charAt(i + 1) === '/') {
          i++;
          source += '/?';
        }
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`(^|/)${source}$`);
}
