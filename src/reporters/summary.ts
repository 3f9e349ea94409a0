/**
 * Pure helpers shared by the reporters: counts, the fail-on threshold and a deterministic order
 * of findings, problems and skipped items.
 */
import { SEVERITIES, severityRank } from '../core/model.js';
import type { Finding, Problem, ScanResult, Severity, Skipped } from '../core/model.js';

/** A number per severity. */
export type SeverityCounts = Record<Severity, number>;

/** What every report states about a scan. */
export interface ScanSummary {
  /** Unsuppressed findings per severity. */
  counts: SeverityCounts;
  /** Unsuppressed findings in all. */
  total: number;
  /** Findings silenced by an annotation or a configured exception. */
  suppressed: number;
  /** Input, configuration and internal errors. */
  errors: number;
  /** Items deliberately not scanned. */
  skipped: number;
}

/** Exit status of a finished scan: 0 clean, 1 findings at or above the threshold, 2 errors. */
export type ExitStatus = 0 | 1 | 2;

/** Whether a finding counts (is not suppressed). */
export function isActive(finding: Finding): boolean {
  return finding.suppression === undefined;
}

/** Counts of unsuppressed findings per severity, every severity present. */
export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of findings) {
    if (isActive(finding)) {
      counts[finding.severity] += 1;
    }
  }
  return counts;
}

/** How many findings are suppressed. */
export function suppressedCount(findings: readonly Finding[]): number {
  return findings.filter((finding) => !isActive(finding)).length;
}

/** How many errors (input, configuration, crashed rules) the scan met. */
export function errorCount(result: ScanResult): number {
  return result.problems.length;
}

/** Every count a report shows. */
export function summarize(result: ScanResult): ScanSummary {
  const counts = severityCounts(result.findings);
  return {
    counts,
    total: SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0),
    suppressed: suppressedCount(result.findings),
    errors: errorCount(result),
    skipped: result.skipped.length,
  };
}

/**
 * Whether an unsuppressed finding at or above `failOn` exists. `none` is never exceeded.
 *
 * @example exceedsThreshold(result, 'high') // true when a high or critical finding counts
 */
export function exceedsThreshold(result: ScanResult, failOn: Severity | 'none'): boolean {
  if (failOn === 'none') {
    return false;
  }
  const threshold = severityRank(failOn);
  return result.findings.some(
    (finding) => isActive(finding) && severityRank(finding.severity) >= threshold,
  );
}

/** The exit status the CLI derives from a result: errors win over findings. */
export function exitStatusOf(result: ScanResult, failOn: Severity | 'none'): ExitStatus {
  if (errorCount(result) > 0) {
    return 2;
  }
  return exceedsThreshold(result, failOn) ? 1 : 0;
}

/** The most severe of some severities, or undefined for none. */
export function worstSeverity(severities: Iterable<Severity>): Severity | undefined {
  let worst: Severity | undefined;
  for (const severity of severities) {
    if (worst === undefined || severityRank(severity) > severityRank(worst)) {
      worst = severity;
    }
  }
  return worst;
}

/** Compares strings by UTF-16 code units: unlike `localeCompare`, the same on every machine. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function compareOptionalNumber(a: number | undefined, b: number | undefined): number {
  return (a ?? 0) - (b ?? 0);
}

/** Order of findings: file, line, column, rule id, then fingerprint and message as tie-breakers. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    compareText(a.message, b.message)
  );
}

/** Order of problems: file, line, column, code, rule id, message. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareText(a.file, b.file) ||
    compareOptionalNumber(a.line, b.line) ||
    compareOptionalNumber(a.column, b.column) ||
    compareText(a.code, b.code) ||
    compareText(a.ruleId ?? '', b.ruleId ?? '') ||
    compareText(a.message, b.message)
  );
}

/** Order of skipped items: file, line, document, reason. */
export function compareSkipped(a: Skipped, b: Skipped): number {
  return (
    compareText(a.file, b.file) ||
    compareOptionalNumber(a.line, b.line) ||
    compareOptionalNumber(a.documentIndex, b.documentIndex) ||
    compareText(a.reason, b.reason)
  );
}

/** A sorted copy of the findings. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** A sorted copy of the problems. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

/** A sorted copy of the skipped items. */
export function sortSkipped(skipped: readonly Skipped[]): Skipped[] {
  return [...skipped].sort(compareSkipped);
}
