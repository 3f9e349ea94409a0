/**
 * The Pod Security levels and their strictness order.
 */

import type { PssLevel } from './types.js';

export const PSS_LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted'];

/** Upstream's error text for a bad level (a label value or a configuration entry). */
export const INVALID_LEVEL_DETAIL = 'must be one of privileged, baseline, restricted';

/** Thrown by the evaluation entry points when they are given an unknown level. */
export class PssLevelError extends Error {
  readonly input: string;

  constructor(input: string) {
    super(`invalid Pod Security level ${JSON.stringify(input)}: ${INVALID_LEVEL_DETAIL}`);
    this.name = 'PssLevelError';
    this.input = input;
  }
}

/** True for `privileged`, `baseline` and `restricted`. */
export function isPssLevel(value: string): value is PssLevel {
  return (PSS_LEVELS as readonly string[]).includes(value);
}

/** -1, 0 or 1 as level `a` is less strict than, as strict as, or stricter than `b`. */
export function compareLevels(a: PssLevel, b: PssLevel): number {
  return Math.sign(PSS_LEVELS.indexOf(a) - PSS_LEVELS.indexOf(b));
}
