import { describe, expect, it } from 'vitest';
import { applyTest, describeTest, parseDuration, textOf, type ValueTest } from './values.js';

const cases: [ValueTest, string | undefined, boolean][] = [
  [{ op: 'eq', value: 'false' }, 'False', true],
  [{ op: 'eq', value: 'false' }, 'true', false],
  [{ op: 'eq', value: '0' }, '0', true],
  [{ op: 'ne', value: 'AlwaysAllow' }, 'Webhook', true],
  [{ op: 'ne', value: 'AlwaysAllow' }, 'AlwaysAllow', false],
  [{ op: 'set' }, '/a', true],
  [{ op: 'set' }, '', false],
  [{ op: 'set' }, undefined, false],
  [{ op: 'unset' }, undefined, true],
  [{ op: 'unset' }, 'x', false],
  [{ op: 'has', item: 'RBAC' }, 'Node,RBAC', true],
  [{ op: 'has', item: 'RBAC' }, 'Node,RBACX', false],
  [{ op: 'lacks', item: 'AlwaysAllow' }, 'Node,RBAC', true],
  [{ op: 'lacks', item: 'AlwaysAllow' }, 'RBAC,AlwaysAllow', false],
  [{ op: 'gte', value: 30 }, '30', true],
  [{ op: 'gte', value: 30 }, '7', false],
  [{ op: 'gte', value: 30 }, '30d', false],
  [{ op: 'gt', value: 0 }, '6443', true],
  [{ op: 'gt', value: 0 }, '0', false],
  [{ op: 'subset', allowed: ['A', 'B'] }, 'A,B', true],
  [{ op: 'subset', allowed: ['A', 'B'] }, 'A,C', false],
  [{ op: 'subset', allowed: ['A', 'B'] }, '', false],
  [{ op: 'duration-nonzero' }, '4h0m0s', true],
  [{ op: 'duration-nonzero' }, '0s', false],
  [{ op: 'duration-nonzero' }, '0', false],
  [{ op: 'duration-nonzero' }, 'soon', false],
  [{ op: 'loopback' }, '127.0.0.1', true],
  [{ op: 'loopback' }, '127.0.0.1:10249', true],
  [{ op: 'loopback' }, '[::1]:10249', true],
  [{ op: 'loopback' }, '0.0.0.0:10249', false],
  [{ op: 'gate-not-false', gate: 'G' }, 'G=true', true],
  [{ op: 'gate-not-false', gate: 'G' }, 'H=false', true],
  [{ op: 'gate-not-false', gate: 'G' }, 'G=false', false],
];

describe('applyTest', () => {
  it.each(cases)('%o on %s → %s', (test, value, expected) => {
    expect(applyTest(test, value)).toBe(expected);
    expect(describeTest(test)).not.toBe('');
  });
});

describe('parseDuration and textOf', () => {
  it('parses Go durations', () => {
    expect(parseDuration('4h0m0s')).toBe(4 * 3_600_000);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('300ms')).toBe(300);
    expect(parseDuration('5x')).toBeUndefined();
  });

  it('normalises configuration values', () => {
    expect(textOf(false)).toBe('false');
    expect(textOf(['a', 'b'])).toBe('a,b');
    expect(textOf({ A: true })).toBe('A=true');
    expect(textOf(undefined)).toBe('');
  });
});
