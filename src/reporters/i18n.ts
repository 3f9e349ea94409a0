/**
 * The fixed strings of the human-readable reports, in every report language. Rule titles and
 * messages come translated from the rules; only the report's own words live here.
 */
import type { Language, Severity, Suppression } from '../core/model.js';

/** The words of one language. */
export interface ReportStrings {
  /** Severity labels for columns (`CRITICAL` / `重大`). */
  severityLabel: Readonly<Record<Severity, string>>;
  /** Severity names inside sentences (`critical` / `重大`). */
  severityName: Readonly<Record<Severity, string>>;
  /** Appended to an object's name: where its first finding is. */
  /** Where an object starts, and the chart template it was rendered from when known. */
  objectLine: (line: number, template?: string) => string;
  errorsHeading: (count: number) => string;
  skippedHeading: (count: number) => string;
  findings: (count: number) => string;
  noFindings: string;
  /** Per-severity counts inside the summary line. */
  breakdown: (parts: readonly string[]) => string;
  severityCount: (severity: string, count: number) => string;
  suppressed: (count: number) => string;
  files: (count: number) => string;
  resources: (count: number) => string;
  errors: (count: number) => string;
  skipped: (count: number) => string;
  /** Separator between items of a list in a sentence. */
  comma: string;
  /** Why a finding is not counted (JUnit `<skipped>`). */
  suppressedBy: (kind: Suppression['kind'], justification: string) => string;
  /** How many more findings a shortened list leaves out (JUnit failure message). */
  moreFindings: (count: number) => string;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const en: ReportStrings = {
  severityLabel: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
  severityName: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  objectLine: (line, template) =>
    template === undefined ? ` (line ${line})` : ` (line ${line}, from ${template})`,
  errorsHeading: (count) => `Errors (${count})`,
  skippedHeading: (count) => `Skipped (${count})`,
  findings: (count) => plural(count, 'finding', 'findings'),
  noFindings: 'No findings',
  breakdown: (parts) => ` (${parts.join(', ')})`,
  severityCount: (severity, count) => `${count} ${severity}`,
  suppressed: (count) => `${count} suppressed`,
  files: (count) => plural(count, 'file', 'files'),
  resources: (count) => plural(count, 'resource', 'resources'),
  errors: (count) => plural(count, 'error', 'errors'),
  skipped: (count) => `${count} skipped`,
  comma: ', ',
  suppressedBy: (kind, justification) =>
    `Suppressed by ${kind === 'annotation' ? 'annotation' : 'configuration'}: ${justification}`,
  moreFindings: (count) => `(and ${count} more)`,
};

const ja: ReportStrings = {
  severityLabel: { critical: '重大', high: '高', medium: '中', low: '低', info: '情報' },
  severityName: { critical: '重大', high: '高', medium: '中', low: '低', info: '情報' },
  objectLine: (line, template) =>
    template === undefined ? `（${line} 行目）` : `（${line} 行目、${template} から）`,
  errorsHeading: (count) => `エラー（${count} 件）`,
  skippedHeading: (count) => `スキップ（${count} 件）`,
  findings: (count) => `${count} 件の検出`,
  noFindings: '検出なし',
  breakdown: (parts) => `（${parts.join('、')}）`,
  severityCount: (severity, count) => `${severity} ${count}`,
  suppressed: (count) => `抑制 ${count} 件`,
  files: (count) => `ファイル ${count} 件`,
  resources: (count) => `リソース ${count} 件`,
  errors: (count) => `エラー ${count} 件`,
  skipped: (count) => `スキップ ${count} 件`,
  comma: '、',
  suppressedBy: (kind, justification) =>
    `${kind === 'annotation' ? 'アノテーション' : '設定'}により抑制: ${justification}`,
  moreFindings: (count) => `（ほか ${count} 件）`,
};

const STRINGS: Readonly<Record<Language, ReportStrings>> = { en, ja };

/** The report strings of a language. */
export function stringsFor(lang: Language): ReportStrings {
  return STRINGS[lang];
}
