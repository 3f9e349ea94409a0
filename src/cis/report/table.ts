/**
 * The human-readable report: every result with its reason and where the value was found, then the
 * totals per section and overall.
 */
import type { Assessment } from '../assess.js';
import { formatPercent, type Tally } from '../summary.js';
import type { Evidence, Result } from '../types.js';

const LABEL: Record<Result['verdict'], string> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  WARN: 'WARN',
  NOT_ASSESSABLE: 'N/A ',
};

function where(evidence: readonly Evidence[]): string {
  const places = [...new Set(evidence.map((item) => item.location))];
  if (places.length === 0) {
    return '';
  }
  const shown = places.slice(0, 3).join(', ');
  return places.length > 3 ? `${shown}, +${places.length - 3} more` : shown;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function tallyRow(label: string, tally: Tally): string {
  return [
    pad(label, 46),
    padStart(String(tally.pass), 5),
    padStart(String(tally.fail), 5),
    padStart(String(tally.warn), 5),
    padStart(String(tally.notAssessable), 5),
    padStart(String(tally.total), 6),
    padStart(formatPercent(tally.compliance), 8),
    padStart(formatPercent(tally.complianceAssessable), 12),
  ].join(' ');
}

export interface TableOptions {
  /** Print only results that are not PASS. */
  quiet?: boolean;
}

/** Renders an assessment as text. */
export function renderTable(assessment: Assessment, options: TableOptions = {}): string {
  const lines: string[] = [];
  const { benchmark, node, profile } = assessment;
  lines.push(`${benchmark.title} (${benchmark.id})`);
  lines.push(
    `Node: ${node.hostname ?? 'unknown host'} (root ${node.root}, collected ${node.collectedAt}), platform ${assessment.platform}`,
  );
  lines.push(
    `Profile ${profile.explicit ? 'set explicitly' : 'chosen automatically'}: ${profile.reasons.join('; ')}`,
  );
  for (const section of assessment.summary.sections) {
    lines.push('', `${section.id} ${section.title}`);
    if (section.groups.length === 0) {
      lines.push('  (no recommendations in this benchmark)');
    }
    for (const group of section.groups) {
      if (group.id !== section.id) {
        lines.push(`  ${group.id} ${group.title}`);
      }
      const results = assessment.results.filter(
        (result) => result.section === section.id && result.group === group.id,
      );
      for (const result of results) {
        if (options.quiet === true && result.verdict === 'PASS') {
          continue;
        }
        const kind = result.automated ? '' : ' (manual)';
        lines.push(
          `    [${LABEL[result.verdict]}] ${pad(result.control, 7)} ${result.title}${kind}`,
        );
        const place = where(result.evidence);
        lines.push(`           ${result.reason}${place === '' ? '' : ` [${place}]`}`);
        if (result.verdict === 'FAIL') {
          lines.push(`           fix: ${result.remediation}`);
        }
      }
    }
  }
  lines.push('', 'Summary (Met = PASS / all; Met* = PASS / assessable)');
  lines.push(
    [
      pad('Section', 46),
      padStart('PASS', 5),
      padStart('FAIL', 5),
      padStart('WARN', 5),
      padStart('N/A', 5),
      padStart('Total', 6),
      padStart('Met', 8),
      padStart('Met*', 12),
    ].join(' '),
  );
  for (const section of assessment.summary.sections) {
    lines.push(tallyRow(`${section.id} ${section.title}`.slice(0, 46), section.tally));
  }
  lines.push(tallyRow('Overall', assessment.summary.overall));
  if (assessment.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of assessment.notes) {
      lines.push(`  - ${note}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
