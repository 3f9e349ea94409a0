/**
 * Value tests: the pass conditions that recommendations declare over a flag or setting, as data.
 * Values arrive as strings (flags) or JSON values (configuration files); both are normalised to
 * text before testing, so `false`, `"false"` and `False` compare equal.
 */
import { parseGates, splitList } from './flags.js';

export type ValueTest =
  /** Equal, case-insensitively for booleans. */
  | { op: 'eq'; value: string }
  | { op: 'ne'; value: string }
  /** Present with a non-empty value. */
  | { op: 'set' }
  /** Not present at all. */
  | { op: 'unset' }
  /** A comma-separated list that contains the item. */
  | { op: 'has'; item: string }
  /** A comma-separated list that does not contain the item. */
  | { op: 'lacks'; item: string }
  | { op: 'gte'; value: number }
  | { op: 'gt'; value: number }
  /** Every list element is one of the allowed ones. */
  | { op: 'subset'; allowed: readonly string[] }
  /** A Go duration (or plain number) other than zero. */
  | { op: 'duration-nonzero' }
  /** An address (optionally `host:port`) on the loopback interface. */
  | { op: 'loopback' }
  /** A feature-gate map that does not turn the gate off. */
  | { op: 'gate-not-false'; gate: string };

/** Normalises a configuration value to the text a flag would carry. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map((item) => textOf(item)).join(',');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}=${textOf(item)}`)
      .join(',');
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return '';
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration (`4h0m0s`, `5m`, `300ms`, `0`) into milliseconds; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(trimmed)) {
    return Number(trimmed);
  }
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(trimmed)) !== null) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? Number.NaN);
    consumed = pattern.lastIndex;
  }
  return consumed === trimmed.length && consumed > 0 && Number.isFinite(total) ? total : undefined;
}

const BOOLEAN = /^(true|false)$/i;

function equalValues(actual: string, expected: string): boolean {
  if (BOOLEAN.test(actual) && BOOLEAN.test(expected)) {
    return actual.toLowerCase() === expected.toLowerCase();
  }
  return actual === expected;
}

function isLoopback(address: string): boolean {
  let host = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) {
    host = bracketed[1] ?? '';
  } else if (/^[^:]+:\d+$/.test(host)) {
    host = host.slice(0, host.lastIndexOf(':'));
  }
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Applies a test to a value; `undefined` means "not present". Returns whether it passes. Tests
 * that need a value fail on an absent one; callers decide beforehand what absence means.
 */
export function applyTest(test: ValueTest, value: string | undefined): boolean {
  if (test.op === 'unset') {
    return value === undefined;
  }
  if (value === undefined) {
    return false;
  }
  switch (test.op) {
    case 'eq':
      return equalValues(value, test.value);
    case 'ne':
      return !equalValues(value, test.value);
    case 'set':
      return value.trim() !== '';
    case 'has':
      return splitList(value).includes(test.item);
    case 'lacks':
      return !splitList(value).includes(test.item);
    case 'gte':
    case 'gt': {
      const number = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(number)) {
        return false;
      }
      return test.op === 'gte' ? number >= test.value : number > test.value;
    }
    case 'subset': {
      const items = splitList(value);
      return items.length > 0 && items.every((item) => test.allowed.includes(item));
    }
    case 'duration-nonzero': {
      const millis = parseDuration(value);
      return millis !== undefined && millis !== 0;
    }
    case 'loopback':
      return isLoopback(value);
    case 'gate-not-false':
      return parseGates(value).get(test.gate) !== 'false';
  }
}

/** A short human description of a test, for expected-value evidence. */
export function describeTest(test: ValueTest): string {
  switch (test.op) {
    case 'eq':
      return `equal to ${test.value}`;
    case 'ne':
      return `not ${test.value}`;
    case 'set':
      return 'set';
    case 'unset':
      return 'not set';
    case 'has':
      return `includes ${test.item}`;
    case 'lacks':
      return `does not include ${test.item}`;
    case 'gte':
      return `at least ${test.value}`;
    case 'gt':
      return `greater than ${test.value}`;
    case 'subset':
      return `only strong values (${test.allowed.length} allowed)`;
    case 'duration-nonzero':
      return 'a non-zero duration';
    case 'loopback':
      return 'a loopback address';
    case 'gate-not-false':
      return `not ${test.gate}=false`;
  }
}
