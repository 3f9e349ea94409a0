/**
 * The machine-readable report, described by `schemas/mamori-report.schema.json`. Every key is
 * always present (absent values are `null`), keys come in a fixed order and lists are sorted, so
 * the same scan always gives the same bytes.
 */
import type {
  Finding,
  Language,
  Problem,
  ProblemCode,
  ResourceRef,
  ScanResult,
  ScanStats,
  Severity,
  Skipped,
  Suppression,
} from '../core/model.js';
import {
  exceedsThreshold,
  exitStatusOf,
  sortFindings,
  sortProblems,
  sortSkipped,
  summarize,
  type ExitStatus,
} from './summary.js';
import { MAMORI_HOMEPAGE, type Reporter, type ReportContext } from './types.js';

/** The version of the JSON report format; the major part changes only with breaking changes. */
export const JSON_SCHEMA_VERSION = '1.1';

/** An object's identity in the JSON report. */
export interface JsonResource {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
}

/** Where a finding is. */
export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  pointer: string;
  /** The chart template the object was rendered from (Helm's `# Source:` comment), if known. */
  template: string | null;
}

export interface JsonSuppression {
  kind: Suppression['kind'];
  justification: string;
  expires: string | null;
}

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  resource: JsonResource;
  location: JsonLocation;
  container: string | null;
  fingerprint: string;
  suppression: JsonSuppression | null;
}

export interface JsonError {
  code: ProblemCode;
  message: string;
  location: { file: string; line: number | null; column: number | null; template: string | null };
  ruleId: string | null;
  resource: JsonResource | null;
}

export interface JsonSkipped {
  file: string;
  line: number | null;
  documentIndex: number | null;
  reason: string;
}

export interface JsonSummary {
  failOn: Severity | 'none';
  thresholdExceeded: boolean;
  hasErrors: boolean;
  exitStatus: ExitStatus;
  findings: { total: number } & Record<Severity, number>;
  suppressed: number;
  errors: number;
  skipped: number;
}

/** The whole JSON report. */
export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: { name: 'mamori'; version: string; informationUri: string };
  lang: Language;
  summary: JsonSummary;
  findings: JsonFinding[];
  errors: JsonError[];
  skipped: JsonSkipped[];
  stats: ScanStats;
}

function resourceOf(ref: ResourceRef): JsonResource {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    namespace: ref.namespace ?? null,
    name: ref.name,
  };
}

function findingOf(finding: Finding): JsonFinding {
  const { suppression } = finding;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    resource: resourceOf(finding.resource),
    location: {
      file: finding.file,
      line: finding.line,
      column: finding.column,
      pointer: finding.pointer,
      template: finding.template ?? null,
    },
    container: finding.container ?? null,
    fingerprint: finding.fingerprint,
    suppression:
      suppression === undefined
        ? null
        : {
            kind: suppression.kind,
            justification: suppression.justification,
            expires: suppression.expires ?? null,
          },
  };
}

function errorOf(problem: Problem): JsonError {
  return {
    code: problem.code,
    message: problem.message,
    location: {
      file: problem.file,
      line: problem.line ?? null,
      column: problem.column ?? null,
      template: problem.template ?? null,
    },
    ruleId: problem.ruleId ?? null,
    resource: problem.resource === undefined ? null : resourceOf(problem.resource),
  };
}

function skippedOf(item: Skipped): JsonSkipped {
  return {
    file: item.file,
    line: item.line ?? null,
    documentIndex: item.documentIndex ?? null,
    reason: item.reason,
  };
}

/** Builds the JSON report as a value (the reporter serialises it). */
export function jsonReportOf(result: ScanResult, context: ReportContext): JsonReport {
  return reportWith(result, context, sortFindings(result.findings).map(findingOf));
}

function reportWith(
  result: ScanResult,
  context: ReportContext,
  findings: JsonFinding[],
): JsonReport {
  const summary = summarize(result);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: {
      name: 'mamori',
      version: context.toolVersion,
      informationUri: context.informationUri ?? MAMORI_HOMEPAGE,
    },
    lang: context.lang,
    summary: {
      failOn: context.failOn,
      thresholdExceeded: exceedsThreshold(result, context.failOn),
      hasErrors: summary.errors > 0,
      exitStatus: exitStatusOf(result, context.failOn),
      findings: { total: summary.total, ...summary.counts },
      suppressed: summary.suppressed,
      errors: summary.errors,
      skipped: summary.skipped,
    },
    findings,
    errors: sortProblems(result.problems).map(errorOf),
    skipped: sortSkipped(result.skipped).map(skippedOf),
    stats: {
      files: result.stats.files,
      documents: result.stats.documents,
      resources: result.stats.resources,
      bytes: result.stats.bytes,
    },
  };
}

/** The JSON report, pretty-printed with two spaces and a final newline. */
export const jsonReporter: Reporter = (result, context) =>
  `${JSON.stringify(jsonReportOf(result, context), null, 2)}\n`;

/**
 * The same text as `jsonReporter`, in pieces: the report around the findings, then the findings
 * a batch at a time (`batch` findings each). A report larger than one JavaScript string can be
 * (V8: about 512 MiB; some 45,000 pods of a live cluster) can so still be written, and a writer
 * may send one piece while the next is made. Each batch is one JSON.stringify, of an object that
 * holds it where the report holds its findings, so that it comes out indented as it is there.
 */
export function* jsonReportPieces(
  result: ScanResult,
  context: ReportContext,
  batch = 500,
): Generator<string> {
  const shell = JSON.stringify(reportWith(result, context, []), null, 2);
  // Top-level keys are indented by two spaces and nested ones by more: this occurs once.
  const marker = '\n  "findings": []';
  const at = shell.indexOf(marker);
  const findings = sortFindings(result.findings);
  if (findings.length === 0 || at < 0) {
    yield `${shell}\n`;
    return;
  }
  yield `${shell.slice(0, at)}\n  "findings": [`;
  // `{"findings": [...]}` puts the items four spaces deep, as in the report.
  const open = '{\n  "findings": [';
  const close = '\n  ]\n}';
  for (let from = 0; from < findings.length; from += batch) {
    const text = JSON.stringify(
      { findings: findings.slice(from, from + batch).map(findingOf) },
      null,
      2,
    );
    yield `${from === 0 ? '' : ','}${text.slice(open.length, text.length - close.length)}`;
  }
  yield `\n  ]${shell.slice(at + marker.length)}\n`;
}
