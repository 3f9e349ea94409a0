import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '../types.js';
import { ALL_CHECKS } from './registry.js';

describe('check registry', () => {
  it('has unique ids of the form cloud/<provider>-<slug>', () => {
    const ids = ALL_CHECKS.map((meta) => meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of ALL_CHECKS) {
      const prefix = meta.provider === 'kubernetes' ? 'k8s' : meta.provider;
      expect(meta.id).toMatch(new RegExp(`^cloud/${prefix}-[a-z0-9-]+$`));
    }
  });

  it('describes each check in English and Japanese, with a group and references', () => {
    for (const meta of ALL_CHECKS) {
      expect(GROUPS).toContain(meta.group);
      for (const text of [meta.title.en, meta.title.ja, meta.remediation.en, meta.remediation.ja]) {
        expect(text.trim(), meta.id).not.toBe('');
      }
      expect(meta.remediation.ja, meta.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(meta.references.length, meta.id).toBeGreaterThan(0);
    }
  });

  it('covers the research catalogue ids once each', () => {
    const catalogue = ALL_CHECKS.flatMap((meta) =>
      meta.catalogueId === undefined ? [] : [meta.catalogueId],
    );
    expect(new Set(catalogue).size).toBe(catalogue.length);
    expect(catalogue.length).toBeGreaterThanOrEqual(80);
  });
});

describe('documentation', () => {
  it('lists every check in docs/cloud.md', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../docs/cloud.md'), 'utf8');
    const missing = ALL_CHECKS.filter((meta) => !text.includes(`\`${meta.id}\``)).map(
      (meta) => meta.id,
    );
    expect(missing).toEqual([]);
  });
});
