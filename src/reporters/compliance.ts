/**
 * Reporting compliance with a framework: a table per control, or JSON.
 */
import type { ComplianceReport } from '../core/compliance.js';
import type { Language } from '../core/model.js';

const TEXT = {
  en: {
    control: 'Control',
    passing: 'Passing',
    rules: 'Rules',
    overall: 'Overall',
    none: 'not checked',
    met: 'controls fully met',
  },
  ja: {
    control: 'コントロール',
    passing: '合格',
    rules: 'ルール',
    overall: '全体',
    none: '対象なし',
    met: '完全に満たすコントロール',
  },
} as const;

function percent(value: number | null, lang: Language): string {
  return value === null ? TEXT[lang].none : `${value.toFixed(1)}%`;
}

/** A plain-text table: one row per control with its objects, passing share and rules. */
export function renderComplianceTable(report: ComplianceReport, lang: Language): string {
  const text = TEXT[lang];
  const rows = report.controls.map((control) => [
    control.control,
    `${control.passing}/${control.objects}`,
    percent(control.percent, lang),
    control.rules.join(', '),
  ]);
  const header = [text.control, text.passing, '%', text.rules];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ');
  const { overall } = report;
  return [
    report.title,
    '',
    line(header),
    ...rows.map(line),
    '',
    `${text.overall}: ${overall.passing}/${overall.objects} ${percent(overall.percent, lang)} · ${text.met}: ${overall.controlsMet}/${overall.controlsChecked}`,
    '',
  ].join('\n');
}

/** The compliance report as JSON (stable key order). */
export function renderComplianceJson(report: ComplianceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
