import { describe, expect, it } from 'vitest';
import { RULES } from '../index.js';
import { CIS_SECTION5 } from './cis-section5.js';

describe('CIS section 5 tables', () => {
  const ids = new Set(RULES.map((rule) => rule.meta.id));

  it.each(Object.entries(CIS_SECTION5))('%s names only registered rules', (_name, table) => {
    expect(Object.keys(table).filter((id) => !ids.has(id))).toEqual([]);
    for (const numbers of Object.values(table)) {
      for (const number of numbers) {
        expect(number).toMatch(/^5\.\d+\.\d+$/);
      }
    }
  });

  it('is the only place CIS numbers live (rule metadata holds none)', () => {
    const inMeta = RULES.filter((rule) =>
      rule.meta.standards?.some((standard) => standard.framework === 'cis'),
    ).map((rule) => rule.meta.id);
    expect(inMeta).toEqual([]);
  });

  it('numbers hostPath and general policies as v1.12 does: 5.2.11 and 5.6', () => {
    expect(CIS_SECTION5['cis-1.12']['pss/host-path-volumes']).toEqual(['5.2.11']);
    expect(CIS_SECTION5['cis-1.12']['pss/host-ports']).toEqual(['5.2.12']);
    expect(CIS_SECTION5['cis-1.12']['workload/default-namespace']).toEqual(['5.6.4']);
  });

  it('moves numbers between versions: privileged containers are 5.2.1 in 1.6 and 5.2.2 in 1.12', () => {
    expect(CIS_SECTION5['cis-1.6']['hardening/privileged']).toEqual(['5.2.1']);
    expect(CIS_SECTION5['cis-1.12']['hardening/privileged']).toEqual(['5.2.2']);
  });
});
