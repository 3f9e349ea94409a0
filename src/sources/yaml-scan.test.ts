import { describe, expect, it } from 'vitest';
import { resolvePlainScalar } from './documents.js';
import { random } from './testing.js';
import { mayNotBeString } from './yaml-scan.js';

describe('mayNotBeString', () => {
  // Its promise is one-way: when it says a plain scalar is a string, js-yaml's resolvers agree.
  const expectSound = (scalar: string): void => {
    if (!mayNotBeString(scalar) && resolvePlainScalar(scalar) !== scalar) {
      throw new Error(`${JSON.stringify(scalar)} is not a string to js-yaml`);
    }
  };

  it('sends every typed scalar to the resolvers, and leaves flags and dotted names as strings', () => {
    for (const typed of [
      '-1',
      '-_1',
      '+.5',
      '-.inf',
      '.Inf',
      '.NaN',
      '._5',
      '.5',
      '~',
      'Null',
      'TRUE',
      'false',
      '0x1F',
      '',
    ]) {
      expect(mayNotBeString(typed), typed).toBe(true);
    }
    for (const text of [
      '--config',
      '-e',
      '+x',
      '.git',
      '.dockerconfigjson',
      '-',
      'nullable',
      'value',
    ]) {
      expect(mayNotBeString(text), text).toBe(false);
      expectSound(text);
    }
  });

  it('never calls a scalar a string when js-yaml types it (random scalars of number-like characters)', () => {
    const alphabet = '0123456789._-+eEiInNfFaAxXoObB:~<tTrRuUlLsS d';
    const next = random(20261207);
    let strings = 0;
    for (let round = 0; round < 200_000; round++) {
      const length = 1 + Math.floor(next() * 6);
      let scalar = '';
      for (let index = 0; index < length; index++) {
        scalar += alphabet[Math.floor(next() * alphabet.length)] ?? '';
      }
      expectSound(scalar);
      if (!mayNotBeString(scalar)) {
        strings++;
      }
    }
    // Both answers must come up often for the comparison to mean anything.
    expect(strings).toBeGreaterThan(50_000);
    expect(strings).toBeLessThan(190_000);
  });
});
