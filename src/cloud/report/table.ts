/**
 * The human-readable report: per cluster and group, failures and unknowns with their evidence,
 * missing inputs and fixes; passes on one line each.
 */
import type { CheckResult, CloudReport, Score } from '../types.js';
import { GROUPS } from '../types.js';
import { padDisplay, valueText, WORDS } from './text.js';

export interface TableOptions {
  color: boolean;
}

const COLORS = {
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

export function renderTable(report: CloudReport, options: TableOptions): string {
  const words = WORDS[report.lang];
  const paint = (color: keyof typeof COLORS, text: string): string =>
    options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text;
  const scoreText = (score: Score): string =>
    `${words.score} ${score.score === null ? '–' : String(score.score)}  (${words.counts(score.pass, score.fail, score.unknown)})`;
  const lines: string[] = [];
  const verdictLabel = (check: CheckResult): string => {
    const label = padDisplay(words.verdict[check.verdict], 7);
    return check.verdict === 'fail'
      ? paint('red', label)
      : check.verdict === 'unknown'
        ? paint('yellow', label)
        : paint('green', label);
  };
  if (report.clusters.length === 0) {
    lines.push(words.noClusters);
  }
  for (const cluster of report.clusters) {
    lines.push(
      paint('bold', `${cluster.provider.toUpperCase()} ${words.cluster} "${cluster.name}"`) +
        paint(
          'dim',
          `  (${cluster.files.length} ${words.files}; ${words.versionTable} ${report.versionTable.asOf})`,
        ),
    );
    for (const group of GROUPS) {
      const ofCluster = report.checks.filter(
        (check) =>
          check.cluster === cluster.name &&
          check.group === group &&
          check.clusterProvider === cluster.provider,
      );
      if (ofCluster.length === 0) {
        continue;
      }
      lines.push(
        '',
        `  ${paint('bold', words.group[group])}  ${scoreText(cluster.scores.groups[group])}`,
      );
      const ordered = [...ofCluster].sort(
        (a, b) =>
          ['fail', 'unknown', 'pass'].indexOf(a.verdict) -
          ['fail', 'unknown', 'pass'].indexOf(b.verdict),
      );
      for (const check of ordered) {
        const note = check.notApplicable === true ? paint('dim', ` (${words.notApplicable})`) : '';
        lines.push(
          `    ${verdictLabel(check)} ${check.severity.padEnd(8)} ${check.id}  ${check.title}${note}`,
        );
        if (check.verdict === 'pass') {
          continue;
        }
        lines.push(`${' '.repeat(21)}${check.message}`);
        for (const item of check.evidence.slice(0, 4)) {
          lines.push(
            paint(
              'dim',
              `${' '.repeat(21)}${words.evidence}: ${item.path} = ${valueText(item.value)}`,
            ),
          );
        }
        for (const missing of check.missingInput ?? []) {
          lines.push(`${' '.repeat(21)}${words.missing}: ${missing.input}  ← ${missing.command}`);
        }
        if (check.verdict === 'fail') {
          lines.push(`${' '.repeat(21)}${words.fix}: ${check.remediation}`);
        }
      }
    }
    lines.push('', `  ${paint('bold', words.overall)}  ${scoreText(cluster.scores.overall)}`, '');
  }
  if (report.clusters.length > 1) {
    lines.push(paint('bold', `${words.overall}: ${scoreText(report.scores.overall)}`), '');
  }
  if (report.skipped.length > 0) {
    lines.push(`${words.skipped}:`);
    for (const item of report.skipped) {
      lines.push(`  ${item.file}: ${item.reason}`);
    }
    lines.push('');
  }
  if (report.problems.length > 0) {
    lines.push(paint('red', `${words.problems}:`));
    for (const problem of report.problems) {
      const where =
        problem.line === undefined
          ? problem.file
          : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
      lines.push(`  ${where}: ${problem.message}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
