/**
 * Scores: the share of decided checks that pass, weighted by severity (critical 10, high 6,
 * medium 3, low 1, info 0). Unknown verdicts are counted but do not move the score; a failure
 * weighs by its effective severity, a pass by the check's.
 */
import type { Severity } from '../core/model.js';
import { GROUPS, type CheckResult, type Group, type Score } from './types.js';

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 6,
  medium: 3,
  low: 1,
  info: 0,
};

export function scoreOf(results: readonly CheckResult[]): Score {
  let passed = 0;
  let total = 0;
  const score: Score = { score: null, pass: 0, fail: 0, unknown: 0 };
  for (const result of results) {
    score[result.verdict]++;
    if (result.verdict === 'unknown') {
      continue;
    }
    const weight = SEVERITY_WEIGHTS[result.severity];
    total += weight;
    if (result.verdict === 'pass') {
      passed += weight;
    }
  }
  score.score = total === 0 ? null : Math.round((100 * passed) / total);
  return score;
}

export function scoresOf(results: readonly CheckResult[]): {
  overall: Score;
  groups: Record<Group, Score>;
} {
  const groups = {} as Record<Group, Score>;
  for (const group of GROUPS) {
    groups[group] = scoreOf(results.filter((result) => result.group === group));
  }
  return { overall: scoreOf(results), groups };
}
