/**
 * Several clusters side by side: per section (and group) the share of recommendations met, as
 * `met/assessable (percent)`, with the sections nobody could inspect marked as such. Results of the
 * same benchmark line up by section and group; different benchmarks line up by area.
 */
import type { Assessment } from '../assess.js';
import { formatPercent, tally, type Tally } from '../summary.js';
import type { Area } from '../types.js';

export interface NamedAssessment {
  name: string;
  assessment: Assessment;
}

interface Row {
  label: string;
  indent: boolean;
  tallies: (Tally | undefined)[];
}

const AREA_TITLES: Record<Area, string> = {
  'control-plane-components': 'Control plane components',
  etcd: 'etcd',
  'control-plane-configuration': 'Control plane configuration',
  'worker-nodes': 'Worker nodes',
  policies: 'Policies',
  'managed-services': 'Managed services',
};

const AREAS = Object.keys(AREA_TITLES) as Area[];

/** One cell: met/assessable (percent), or why there is no figure. */
export function cell(value: Tally | undefined): string {
  if (value === undefined || value.total === 0) {
    return '–';
  }
  const assessable = value.total - value.notAssessable;
  if (assessable === 0) {
    return 'not assessable';
  }
  const extra = value.notAssessable > 0 ? ` +${value.notAssessable} n/a` : '';
  return `${value.pass}/${assessable} (${formatPercent(value.complianceAssessable)})${extra}`;
}

function rowsOf(inputs: readonly NamedAssessment[]): Row[] {
  const first = inputs[0]?.assessment;
  const sameBenchmark =
    first !== undefined &&
    inputs.every((input) => input.assessment.benchmark.id === first.benchmark.id);
  const rows: Row[] = [];
  if (first !== undefined && sameBenchmark) {
    for (const section of first.summary.sections) {
      rows.push({
        label: `${section.id} ${section.title}`,
        indent: false,
        tallies: inputs.map(
          (input) => input.assessment.summary.sections.find((s) => s.id === section.id)?.tally,
        ),
      });
      for (const group of section.groups.filter((g) => g.id !== section.id)) {
        rows.push({
          label: `${group.id} ${group.title}`,
          indent: true,
          tallies: inputs.map(
            (input) =>
              input.assessment.summary.sections
                .find((s) => s.id === section.id)
                ?.groups.find((g) => g.id === group.id)?.tally,
          ),
        });
      }
    }
  } else {
    for (const area of AREAS) {
      rows.push({
        label: AREA_TITLES[area],
        indent: false,
        tallies: inputs.map((input) => {
          const sections = new Set(
            input.assessment.summary.sections.filter((s) => s.area === area).map((s) => s.id),
          );
          return sections.size === 0
            ? undefined
            : tally(input.assessment.results.filter((result) => sections.has(result.section)));
        }),
      });
    }
  }
  rows.push({
    label: 'Overall',
    indent: false,
    tallies: inputs.map((input) => input.assessment.summary.overall),
  });
  return rows;
}

function overallCounting(inputs: readonly NamedAssessment[]): string[] {
  return inputs.map((input) => {
    const overall = input.assessment.summary.overall;
    return `${overall.pass}/${overall.total} (${formatPercent(overall.compliance)})`;
  });
}

function header(inputs: readonly NamedAssessment[]): string[] {
  return inputs.map((input) => `${input.name} [${input.assessment.benchmark.id}]`);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A Markdown table. */
export function renderCompareMarkdown(inputs: readonly NamedAssessment[]): string {
  const names = header(inputs);
  const lines = [
    `| Section | ${names.map(escapeCell).join(' | ')} |`,
    `| --- | ${names.map(() => '---').join(' | ')} |`,
  ];
  for (const row of rowsOf(inputs)) {
    const label = row.indent ? `&nbsp;&nbsp;${row.label}` : `**${row.label}**`;
    lines.push(
      `| ${escapeCell(label)} | ${row.tallies.map((t) => escapeCell(cell(t))).join(' | ')} |`,
    );
  }
  lines.push(`| Overall, counting not assessable | ${overallCounting(inputs).join(' | ')} |`);
  lines.push(
    '',
    'Cells: recommendations met / recommendations assessable (share met); "+N n/a": items that',
    'could not be assessed (provider-managed or absent on the node); "not assessable": none could.',
  );
  return `${lines.join('\n')}\n`;
}

/** A plain-text table. */
export function renderCompareTable(inputs: readonly NamedAssessment[]): string {
  const names = header(inputs);
  const rows = rowsOf(inputs).map((row) => [
    `${row.indent ? '  ' : ''}${row.label}`,
    ...row.tallies.map((t) => cell(t)),
  ]);
  rows.push(['Overall, counting not assessable', ...overallCounting(inputs)]);
  const all = [['Section', ...names], ...rows];
  const widths =
    all[0]?.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length))) ?? [];
  const render = (row: string[]): string =>
    row
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [render(all[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of rows) {
    lines.push(render(row));
  }
  lines.push(
    '',
    'met/assessable (share met); +N n/a = could not be assessed; – = not in the benchmark',
  );
  return `${lines.join('\n')}\n`;
}
