import { describe, expect, it } from 'vitest';
import { BENCHMARKS, benchmarkById } from './benchmarks/index.js';
import { RECOMMENDATIONS, recommendation } from './recommendations/index.js';

const EXPECTED: Record<string, { total: number; automated: number }> = {
  'cis-1.12': { total: 131, automated: 65 },
  'cis-1.6': { total: 122, automated: 69 },
  'eks-1.8.0': { total: 50, automated: 27 },
  'aks-1.8': { total: 51, automated: 16 },
  'gke-1.9.0': { total: 57, automated: 42 },
};

describe('the recommendation registry', () => {
  it('has unique ids with titles and remediation', () => {
    const ids = RECOMMENDATIONS.map((rec) => rec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rec of RECOMMENDATIONS) {
      expect(rec.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rec.title.length).toBeGreaterThan(10);
      expect(rec.remediation.length).toBeGreaterThan(10);
      expect(rec.probe !== undefined || rec.needs !== undefined).toBe(true);
    }
  });

  it('is used: every recommendation appears in some benchmark', () => {
    const used = new Set(
      BENCHMARKS.flatMap((b) =>
        b.sections.flatMap((s) => s.groups.flatMap((g) => g.controls.map((c) => c.id))),
      ),
    );
    expect(RECOMMENDATIONS.filter((rec) => !used.has(rec.id)).map((rec) => rec.id)).toEqual([]);
  });
});

describe('the benchmark tables', () => {
  it.each(Object.entries(EXPECTED))('%s has its controls', (id, counts) => {
    const benchmark = benchmarkById(id)!;
    const controls = benchmark.sections.flatMap((s) => s.groups.flatMap((g) => g.controls));
    expect(controls).toHaveLength(counts.total);
    expect(controls.filter((c) => c.automated)).toHaveLength(counts.automated);
    expect(new Set(controls.map((c) => c.number)).size).toBe(controls.length);
    for (const section of benchmark.sections) {
      for (const group of section.groups) {
        for (const control of group.controls) {
          expect(recommendation(control.id), `${id} ${control.number}`).toBeDefined();
          expect(
            control.number.startsWith(`${group.id}.`) || group.id === control.number.split('.')[0],
          ).toBe(true);
        }
      }
    }
  });

  it('gives every automated node-level control a probe', () => {
    for (const benchmark of BENCHMARKS) {
      for (const control of benchmark.sections.flatMap((s) =>
        s.groups.flatMap((g) => g.controls),
      )) {
        const rec = recommendation(control.id)!;
        if (control.automated && rec.target !== 'cluster' && rec.target !== 'cloud') {
          expect(rec.probe, `${benchmark.id} ${control.number}`).toBeDefined();
        }
      }
    }
  });

  it('shares ids across versions where numbers moved', () => {
    const find = (id: string, number: string) =>
      benchmarkById(id)!
        .sections.flatMap((s) => s.groups.flatMap((g) => g.controls))
        .find((c) => c.number === number)?.id;
    expect(find('cis-1.6', '1.2.21')).toBe(find('cis-1.12', '1.2.15'));
    expect(find('eks-1.8.0', '3.2.1')).toBe(find('cis-1.12', '4.2.1'));
    expect(find('gke-1.9.0', '4.1.4')).toBe(find('cis-1.12', '5.1.5'));
  });

  it('resolves aliases', () => {
    expect(benchmarkById('EKS')?.id).toBe('eks-1.8.0');
    expect(benchmarkById('1.6')?.id).toBe('cis-1.6');
    expect(benchmarkById('cis-9.9')).toBeUndefined();
  });
});
