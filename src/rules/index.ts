/**
 * The explicit registry of every rule, sorted by id. A rule that is not listed here does not run;
 * the catalogue test fails when a rule module is missing from this list.
 */
import type { AnyRule } from '../core/rule.js';
import privileged from './hardening/privileged.js';

export const RULES: readonly AnyRule[] = [privileged];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
