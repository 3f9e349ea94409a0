import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../sources/cloud/load.js';
import { buildReport, checksFor } from '../evaluate.js';
import { buildFacts } from '../facts/index.js';
import { assertBilingual, bundle, testContext } from '../testing.js';
import type { CheckProvider, ClusterBundle } from '../types.js';
import { joinClauses, listTextJa } from './define.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/cloud');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The fixture clusters, plus an empty bundle per provider (every check's "not given" branch). */
function allBundles(): ClusterBundle[] {
  const fixtures = readdirSync(FIXTURES).flatMap(
    (name) => loadInputs([join(FIXTURES, name)]).bundles,
  );
  const providers: CheckProvider[] = ['eks', 'aks', 'gke', 'kubernetes'];
  return [
    ...fixtures,
    ...providers.map((provider) => bundle(provider, [], [], `empty-${provider}`)),
  ];
}

describe('check messages', () => {
  it('exist in English and Japanese for every check on every fixture', () => {
    let count = 0;
    for (const input of allBundles()) {
      for (const check of checksFor(buildFacts(input))) {
        expect(() => assertBilingual(check.meta.id, check.run(testContext()))).not.toThrow();
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  it('are chosen by the report language', () => {
    const bundles = allBundles();
    const ja = buildReport({
      bundles,
      context: testContext(),
      lang: 'ja',
      skipped: [],
      problems: [],
    });
    const en = buildReport({
      bundles,
      context: testContext(),
      lang: 'en',
      skipped: [],
      problems: [],
    });
    expect(ja.checks.length).toBe(en.checks.length);
    for (const result of ja.checks) {
      expect(result.message, result.id).toMatch(JAPANESE);
    }
    for (const result of en.checks) {
      expect(result.message, result.id).not.toMatch(JAPANESE);
    }
  });
});

describe('message helpers', () => {
  it('list names in Japanese', () => {
    expect(listTextJa([])).toBe('');
    expect(listTextJa(['a'])).toBe('a');
    expect(listTextJa(['a', 'b', 'c'])).toBe('a、b、c');
    expect(listTextJa(['a', 'b', 'c', 'd'], 2)).toBe('a、b ほか 2 件');
  });

  it('join clauses into sentences in both languages', () => {
    const clauses = [
      { en: 'x is off', ja: 'x が無効になっている' },
      { en: 'y is on', ja: 'y が有効になっている' },
    ];
    expect(joinClauses(clauses)).toEqual({
      en: 'X is off; y is on.',
      ja: 'x が無効になっている。y が有効になっている。',
    });
    expect(joinClauses(clauses, ' and ', false).en).toBe('x is off and y is on.');
  });
});
