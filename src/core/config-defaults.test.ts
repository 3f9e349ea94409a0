import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from './config.js';
import { activeRules } from './engine.js';
import { defineResourceRule } from './rule.js';

/** A rule that takes its settings from the shared `strict` flag of the configuration. */
const rule = defineResourceRule<'found', { limit: number; mode: string }>({
  meta: {
    id: 'test/derived',
    title: { en: 'Derived', ja: '派生' },
    description: { en: 'Takes its settings from the configuration.', ja: '設定から派生します。' },
    remediation: { en: 'None.', ja: 'なし。' },
    severity: 'low',
    category: 'test',
    references: [],
    messages: { found: { en: 'Found.', ja: '見つかりました。' } },
    defaultOptions: { limit: 1, mode: 'default' },
    configDefaults: (config) =>
      config.strict
        ? { severity: 'high', options: { mode: 'strict' } }
        : { enabled: false, options: { mode: 'lenient' } },
  },
  kinds: ['Pod'],
  check() {},
});

function config(over: Partial<Config>): Config {
  return { ...structuredClone(DEFAULT_CONFIG), ...over };
}

describe('configDefaults', () => {
  it('derives enabled, severity and options from the configuration', () => {
    expect(activeRules([rule], config({ strict: false })).active).toEqual([]);
    const [entry] = activeRules([rule], config({ strict: true })).active;
    expect(entry?.severity).toBe('high');
    expect(entry?.options).toEqual({ limit: 1, mode: 'strict' });
  });

  it('gives way to the rule entry of the configuration, key by key', () => {
    const [entry] = activeRules(
      [rule],
      config({
        rules: { 'test/derived': { enabled: true, severity: 'medium', options: { limit: 3 } } },
      }),
    ).active;
    expect(entry?.severity).toBe('medium');
    expect(entry?.options).toEqual({ limit: 3, mode: 'lenient' });
  });
});
