import { describe, expect, it } from 'vitest';
import { emptyResult, findingOf, mixedResult, reversed } from '../../test/reporters/fixtures.js';
import type { ScanResult } from '../core/model.js';
import {
  compareText,
  errorCount,
  exceedsThreshold,
  exitStatusOf,
  severityCounts,
  sortFindings,
  sortProblems,
  sortSkipped,
  summarize,
  suppressedCount,
  worstSeverity,
} from './summary.js';

const onlyFindings = (findings: ScanResult['findings']): ScanResult => ({
  ...emptyResult,
  findings,
});

describe('counts', () => {
  it('counts unsuppressed findings per severity and suppressed ones apart', () => {
    expect(severityCounts(mixedResult.findings)).toEqual({
      critical: 1,
      high: 0,
      medium: 1,
      low: 1,
      info: 1,
    });
    expect(suppressedCount(mixedResult.findings)).toBe(2);
    expect(errorCount(mixedResult)).toBe(3);
    expect(summarize(mixedResult)).toEqual({
      counts: { critical: 1, high: 0, medium: 1, low: 1, info: 1 },
      total: 4,
      suppressed: 2,
      errors: 3,
      skipped: 2,
    });
  });

  it('gives zeros for an empty scan', () => {
    expect(summarize(emptyResult)).toEqual({
      counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      total: 0,
      suppressed: 0,
      errors: 0,
      skipped: 0,
    });
  });
});

describe('exceedsThreshold', () => {
  const medium = onlyFindings([findingOf({ severity: 'medium' })]);

  it('compares against the threshold inclusively', () => {
    expect(exceedsThreshold(medium, 'critical')).toBe(false);
    expect(exceedsThreshold(medium, 'high')).toBe(false);
    expect(exceedsThreshold(medium, 'medium')).toBe(true);
    expect(exceedsThreshold(medium, 'info')).toBe(true);
  });

  it('never fails on none, and ignores suppressed findings', () => {
    expect(exceedsThreshold(medium, 'none')).toBe(false);
    const suppressed = onlyFindings([
      findingOf({ suppression: { kind: 'config', justification: 'Accepted.' } }),
    ]);
    expect(exceedsThreshold(suppressed, 'info')).toBe(false);
  });

  it('gives the exit status, errors first', () => {
    expect(exitStatusOf(emptyResult, 'info')).toBe(0);
    expect(exitStatusOf(medium, 'medium')).toBe(1);
    expect(exitStatusOf(medium, 'none')).toBe(0);
    expect(exitStatusOf(mixedResult, 'none')).toBe(2);
  });
});

describe('ordering', () => {
  it('sorts findings by file, line, column and rule id whatever the input order', () => {
    const sorted = sortFindings(mixedResult.findings);
    expect(sorted.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'deploy/svc.yaml:7:3 network/service-node-port',
      'deploy/web.yaml:20:11 custom/unknown',
      'deploy/web.yaml:20:11 hardening/privileged',
      'deploy/web.yaml:30:9 hardening/run-as-non-root',
      'deploy/web.yaml:44:11 hardening/privileged',
      'rbac/role.yaml:2:1 hardening/run-as-non-root',
    ]);
    expect(sortFindings(reversed(mixedResult).findings)).toEqual(sorted);
  });

  it('sorts problems and skipped items, and leaves the input alone', () => {
    const before = structuredClone(mixedResult);
    expect(sortProblems(mixedResult.problems).map((p) => p.file)).toEqual([
      'broken.yaml',
      'deploy/web.yaml',
      'missing.yaml',
    ]);
    expect(sortSkipped(mixedResult.skipped).map((s) => s.file)).toEqual([
      'charts/values.yaml',
      'deploy/web.yaml',
    ]);
    expect(mixedResult).toEqual(before);
  });

  it('compares by code units, not by locale', () => {
    expect(['b', 'B', 'a', 'é', 'e'].sort(compareText)).toEqual(['B', 'a', 'b', 'e', 'é']);
  });

  it('finds the worst severity', () => {
    expect(worstSeverity(['low', 'critical', 'medium'])).toBe('critical');
    expect(worstSeverity([])).toBeUndefined();
  });
});
