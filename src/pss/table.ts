/**
 * Plain-text table of a Pod Security report, for the CLI (no colours, no trailing spaces).
 */

import { forbiddenReason } from './evaluate.js';
import type { PssReportRow } from './report.js';

const HEADERS = [
  'LOCATION',
  'KIND',
  'NAMESPACE/NAME',
  'POLICY',
  'RESULT',
  'HIGHEST',
  'NAMESPACE PSA',
  'REASONS',
];

/** What the API server does in the workload's namespace, or `-` when it is not in the input. */
function admissionSummary(row: PssReportRow): string {
  const admission = row.admission;
  if (admission === undefined) {
    return '-';
  }
  if (!admission.allowed) {
    return 'denied';
  }
  const notes: string[] = [];
  if (admission.warnings.length > 0) {
    notes.push('warning');
  }
  if (Object.keys(admission.auditAnnotations).some((k) => k.endsWith('/audit-violations'))) {
    notes.push('audit');
  }
  return notes.length === 0 ? 'allowed' : `allowed (${notes.join(', ')})`;
}

function cells(row: PssReportRow): string[] {
  return [
    `${row.file}:${row.line}`,
    row.kind,
    `${row.namespace}/${row.name}`,
    `${row.level}:${row.version}`,
    row.allowed ? 'pass' : 'FAIL',
    row.highestLevel,
    admissionSummary(row),
    row.violations.length === 0 ? '-' : forbiddenReason(row.violations),
  ];
}

/** Renders report rows as an aligned plain-text table ending with a newline. */
export function renderPssTable(rows: readonly PssReportRow[]): string {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, column) =>
    Math.max(...table.map((line) => (line[column] ?? '').length)),
  );
  return table
    .map((line) =>
      line
        .map((cell, column) =>
          column === line.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
