/**
 * Totals per group, per section and overall, with the share of recommendations met both counting
 * and excluding the ones that could not be assessed.
 */
import type { Area, Benchmark, Result, Verdict } from './types.js';

export interface Tally {
  pass: number;
  fail: number;
  warn: number;
  notAssessable: number;
  total: number;
  /** pass / total, in percent; null when there is nothing to count. */
  compliance: number | null;
  /** pass / (total − not assessable), in percent; null when nothing was assessable. */
  complianceAssessable: number | null;
}

export interface GroupSummary {
  id: string;
  title: string;
  tally: Tally;
}

export interface SectionSummary {
  id: string;
  title: string;
  area: Area;
  tally: Tally;
  groups: GroupSummary[];
}

export interface Summary {
  sections: SectionSummary[];
  overall: Tally;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Counts verdicts. */
export function tally(results: readonly Result[]): Tally {
  const count = (verdict: Verdict): number =>
    results.filter((result) => result.verdict === verdict).length;
  const pass = count('PASS');
  const notAssessable = count('NOT_ASSESSABLE');
  const total = results.length;
  return {
    pass,
    fail: count('FAIL'),
    warn: count('WARN'),
    notAssessable,
    total,
    compliance: percent(pass, total),
    complianceAssessable: percent(pass, total - notAssessable),
  };
}

/** Summarises results along the benchmark's sections and groups. */
export function summarize(benchmark: Benchmark, results: readonly Result[]): Summary {
  return {
    sections: benchmark.sections.map((section) => ({
      id: section.id,
      title: section.title,
      area: section.area,
      tally: tally(results.filter((result) => result.section === section.id)),
      groups: section.groups.map((group) => ({
        id: group.id,
        title: group.title,
        tally: tally(
          results.filter((result) => result.section === section.id && result.group === group.id),
        ),
      })),
    })),
    overall: tally(results),
  };
}

/** `57.1%`, or `–` when there is nothing to count. */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}
