import { describe, expect, it } from 'vitest';
import {
  contextOf,
  deepFreeze,
  emptyResult,
  hostileResult,
  mixedResult,
} from '../../test/reporters/fixtures.js';
import { FORMATS, isFormat, REPORTERS } from './index.js';

describe('REPORTERS', () => {
  it('has a reporter for every format', () => {
    expect(Object.keys(REPORTERS)).toEqual([...FORMATS]);
    expect(FORMATS).toEqual(['table', 'json', 'sarif', 'junit']);
  });

  it('recognises format names', () => {
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('SARIF')).toBe(false);
    expect(isFormat('toString')).toBe(false);
    expect(isFormat('')).toBe(false);
  });

  it('every reporter is pure and deterministic, ending in a newline', () => {
    for (const result of [emptyResult, mixedResult, hostileResult]) {
      const frozen = deepFreeze(structuredClone(result));
      for (const format of FORMATS) {
        for (const lang of ['en', 'ja'] as const) {
          const context = deepFreeze(contextOf({ lang }));
          const first = REPORTERS[format](frozen, context);
          expect(REPORTERS[format](frozen, context)).toBe(first);
          expect(first.endsWith('\n')).toBe(true);
        }
      }
    }
  });
});
