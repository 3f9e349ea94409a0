/**
 * SARIF 2.1.0 output for code-scanning services. Suppressed findings are kept as results with
 * `suppressions`; input errors and crashed rules are tool execution notifications.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type {
  Location,
  Log,
  LogicalLocation,
  Notification,
  ReportingDescriptor,
  Result,
  Suppression as SarifSuppression,
} from 'sarif';
import type { Finding, Language, Problem, ScanResult, Severity, Skipped } from '../core/model.js';
import type { AnyRule } from '../core/rule.js';
import { docsUrlOf, objectPath, rulesById } from './labels.js';
import { compareText, sortFindings, sortProblems, sortSkipped } from './summary.js';
import { MAMORI_HOMEPAGE, type Reporter, type ReportContext } from './types.js';

/** Where the SARIF 2.1.0 schema is published. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of mamori's fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'mamori/v1';

/** SARIF result levels per severity. */
export const SARIF_LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** The `security-severity` property (a CVSS-like score, as a string) per severity. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/** Replaces lone surrogates, which no URI can encode, with U+FFFD. */
function wellFormed(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    result += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : char;
  }
  return result;
}

/**
 * The artifact URI of an input file: relative to `cwd` with forward slashes and each segment
 * percent-encoded; a `file:` URI for files outside `cwd`.
 */
export function artifactUriOf(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  const relativePath = relative(cwd, absolute);
  const outside =
    relativePath === '' ||
    relativePath === '..' ||
    relativePath.startsWith(`..${sep}`) ||
    isAbsolute(relativePath);
  const path = (outside ? absolute : relativePath).split(sep).join('/');
  const encoded = wellFormed(path).split('/').map(encodeURIComponent).join('/');
  if (!outside) {
    return encoded;
  }
  // Windows paths (`C:/x`) need a leading slash in a file URI; the drive colon stays readable.
  const rooted = encoded.startsWith('/') ? encoded : `/${encoded.replace('%3A', ':')}`;
  return `file://${rooted}`;
}

/** A PascalCase identifier from a rule id: `hardening/run-as-root` → `HardeningRunAsRoot`. */
function ruleNameOf(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function tagsOf(rule: AnyRule): string[] {
  const tags = ['security', rule.meta.category];
  for (const standard of rule.meta.standards ?? []) {
    tags.push(`${standard.framework}/${standard.control}`);
  }
  return [...new Set(tags)].filter((tag) => tag !== '');
}

function helpMarkdownOf(rule: AnyRule, lang: Language, docsUrl: string): string {
  const lines = [rule.meta.remediation[lang], '', `[${rule.meta.id}](${docsUrl})`];
  if (rule.meta.references.length > 0) {
    lines.push('', ...rule.meta.references.map((reference) => `- <${reference}>`));
  }
  return lines.join('\n');
}

function descriptorOf(rule: AnyRule, context: ReportContext): ReportingDescriptor {
  const { meta } = rule;
  const helpUri = docsUrlOf(context.docsBaseUrl, meta.id);
  return {
    id: meta.id,
    name: ruleNameOf(meta.id),
    shortDescription: { text: meta.title[context.lang] },
    fullDescription: { text: meta.description[context.lang] },
    help: {
      text: meta.remediation[context.lang],
      markdown: helpMarkdownOf(rule, context.lang, helpUri),
    },
    helpUri,
    defaultConfiguration: {
      enabled: meta.disabledByDefault !== true,
      level: SARIF_LEVELS[meta.severity],
    },
    properties: {
      tags: tagsOf(rule),
      'security-severity': SECURITY_SEVERITY[meta.severity],
      severity: meta.severity,
    },
  };
}

/** A descriptor for a finding whose rule is not in the context (kept so every result has one). */
function unknownDescriptorOf(finding: Finding, context: ReportContext): ReportingDescriptor {
  return {
    id: finding.ruleId,
    name: ruleNameOf(finding.ruleId),
    shortDescription: { text: finding.title },
    helpUri: docsUrlOf(context.docsBaseUrl, finding.ruleId),
    defaultConfiguration: { level: SARIF_LEVELS[finding.severity] },
    properties: {
      tags: ['security'],
      'security-severity': SECURITY_SEVERITY[finding.severity],
      severity: finding.severity,
    },
  };
}

function descriptorsOf(
  findings: readonly Finding[],
  context: ReportContext,
): { descriptors: ReportingDescriptor[]; indexOf: ReadonlyMap<string, number> } {
  const known = rulesById(context.rules);
  const byId = new Map<string, ReportingDescriptor>();
  for (const [id, rule] of known) {
    byId.set(id, descriptorOf(rule, context));
  }
  for (const finding of findings) {
    if (!byId.has(finding.ruleId)) {
      byId.set(finding.ruleId, unknownDescriptorOf(finding, context));
    }
  }
  const descriptors = [...byId.values()].sort((a, b) => compareText(a.id, b.id));
  return {
    descriptors,
    indexOf: new Map(descriptors.map((descriptor, index) => [descriptor.id, index])),
  };
}

function physicalLocationOf(
  file: string,
  line: number | undefined,
  column: number | undefined,
  cwd: string,
): Location {
  const location: Location = {
    physicalLocation: { artifactLocation: { uri: artifactUriOf(file, cwd) } },
  };
  if (line !== undefined && line >= 1 && location.physicalLocation !== undefined) {
    location.physicalLocation.region =
      column !== undefined && column >= 1
        ? { startLine: line, startColumn: column }
        : { startLine: line };
  }
  return location;
}

function logicalLocationOf(finding: Finding): LogicalLocation {
  return {
    name: finding.resource.name,
    fullyQualifiedName: objectPath(finding.resource),
    kind: 'resource',
  };
}

function suppressionOf(finding: Finding): SarifSuppression[] | undefined {
  const { suppression } = finding;
  if (suppression === undefined) {
    return undefined;
  }
  const result: SarifSuppression = {
    kind: suppression.kind === 'annotation' ? 'inSource' : 'external',
    status: 'accepted',
    justification: suppression.justification,
  };
  if (suppression.expires !== undefined) {
    result.properties = { expires: suppression.expires };
  }
  return [result];
}

function resultOf(finding: Finding, ruleIndex: number | undefined, cwd: string): Result {
  const location = physicalLocationOf(finding.file, finding.line, finding.column, cwd);
  location.logicalLocations = [logicalLocationOf(finding)];
  const suppressions = suppressionOf(finding);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(suppressions === undefined ? {} : { suppressions }),
    properties: {
      severity: finding.severity,
      apiVersion: finding.resource.apiVersion,
      pointer: finding.pointer,
      ...(finding.template === undefined ? {} : { template: finding.template }),
      ...(finding.container === undefined ? {} : { container: finding.container }),
    },
  };
}

function problemNotificationOf(
  problem: Problem,
  indexOf: ReadonlyMap<string, number>,
  cwd: string,
): Notification {
  const notification: Notification = {
    level: 'error',
    message: { text: problem.message },
    descriptor: { id: problem.code },
    locations: [physicalLocationOf(problem.file, problem.line, problem.column, cwd)],
  };
  if (problem.template !== undefined) {
    notification.properties = { template: problem.template };
  }
  if (problem.resource !== undefined && notification.locations?.[0] !== undefined) {
    notification.locations[0].logicalLocations = [
      {
        name: problem.resource.name,
        fullyQualifiedName: objectPath(problem.resource),
        kind: 'resource',
      },
    ];
  }
  if (problem.ruleId !== undefined) {
    const index = indexOf.get(problem.ruleId);
    notification.associatedRule =
      index === undefined ? { id: problem.ruleId } : { id: problem.ruleId, index };
  }
  return notification;
}

function skippedNotificationOf(item: Skipped, cwd: string): Notification {
  return {
    level: 'note',
    message: { text: item.reason },
    descriptor: { id: 'SKIPPED' },
    locations: [physicalLocationOf(item.file, item.line, undefined, cwd)],
  };
}

/** Builds the SARIF log as a value (the reporter serialises it). */
export function sarifLogOf(result: ScanResult, context: ReportContext): Log {
  const findings = sortFindings(result.findings);
  const { descriptors, indexOf } = descriptorsOf(findings, context);
  const notifications = [
    ...sortProblems(result.problems).map((problem) =>
      problemNotificationOf(problem, indexOf, context.cwd),
    ),
    ...sortSkipped(result.skipped).map((item) => skippedNotificationOf(item, context.cwd)),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mamori',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: context.informationUri ?? MAMORI_HOMEPAGE,
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: result.problems.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        language: context.lang,
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) =>
          resultOf(finding, indexOf.get(finding.ruleId), context.cwd),
        ),
        properties: {
          failOn: context.failOn,
          stats: { ...result.stats },
        },
      },
    ],
  };
}

/** The SARIF log, pretty-printed with two spaces and a final newline. */
export const sarifReporter: Reporter = (result, context) =>
  `${JSON.stringify(sarifLogOf(result, context), null, 2)}\n`;
