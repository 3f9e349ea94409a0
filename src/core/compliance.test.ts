import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { DEFAULT_LIMITS } from '../sources/documents.js';
import { decodeText } from '../sources/files.js';
import { complianceOf, controlsOf } from './compliance.js';
import { DEFAULT_CONFIG } from './config.js';
import { Engine } from './engine.js';
import type { ScanResult } from './model.js';

const pod = (name: string, privileged: boolean): string => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop}
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {privileged: ${privileged}}
`;

function scan(yaml: string): ScanResult {
  const engine = new Engine(RULES, {
    config: DEFAULT_CONFIG,
    lang: 'en',
    today: '2026-01-01',
    trackCoverage: true,
  });
  for (const resource of decodeText(yaml, 'pods.yaml', false, DEFAULT_LIMITS).resources) {
    engine.scan(resource);
  }
  const output = engine.finish();
  const result: ScanResult = {
    findings: output.findings,
    problems: output.problems,
    skipped: [],
    stats: { files: 1, documents: 3, resources: 3, bytes: 0 },
  };
  if (output.coverage !== undefined) {
    result.coverage = output.coverage;
  }
  return result;
}

describe('complianceOf', () => {
  const result = scan([pod('a', true), pod('b', false), pod('c', false)].join('---\n'));

  it('counts the objects that pass every rule behind a control', () => {
    const report = complianceOf('cis', RULES, result);
    expect(report.controls.find((control) => control.control === '5.2.2')).toEqual({
      control: '5.2.2',
      rules: ['hardening/privileged', 'pss/privileged'],
      objects: 3,
      passing: 2,
      percent: 66.7,
    });
    // A control that nothing in the input exercises is not counted as met.
    expect(report.controls.find((control) => control.control === '5.1.1')?.percent).toBeNull();
  });

  it('uses the numbering of the benchmark version asked for', () => {
    expect(
      complianceOf('cis-1.6', RULES, result).controls.find((control) => control.control === '5.2.1')
        ?.passing,
    ).toBe(2);
  });

  it('builds PSS frameworks from the pss rule family, restricted including baseline', () => {
    const baseline = [...controlsOf('pss-baseline', RULES).keys()];
    const restricted = [...controlsOf('pss-restricted', RULES).keys()];
    expect(baseline).toContain('pss/privileged');
    expect(baseline).not.toContain('pss/run-as-non-root');
    expect(restricted).toEqual(expect.arrayContaining([...baseline, 'pss/run-as-non-root']));
  });
});
