/**
 * Runs rules over YAML text through the real pipeline (decoding, workload extraction, engine),
 * so rule tests see exactly what users see.
 */
import { expect } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../src/core/config.js';
import { Engine } from '../src/core/engine.js';
import type { Finding, Problem } from '../src/core/model.js';
import type { AnyRule } from '../src/core/rule.js';
import { DEFAULT_LIMITS } from '../src/sources/documents.js';
import { decodeText } from '../src/sources/files.js';

export interface RunOptions {
  options?: Record<string, unknown>;
  config?: Partial<Config>;
  lang?: 'en' | 'ja';
  today?: string;
}

export interface RunOutput {
  findings: Finding[];
  problems: Problem[];
}

/** Scans `yaml` (one or more documents) with the given rules only. */
export function runRules(rules: readonly AnyRule[], yaml: string, run: RunOptions = {}): RunOutput {
  const config: Config = { ...structuredClone(DEFAULT_CONFIG), ...run.config };
  if (run.options !== undefined) {
    for (const rule of rules) {
      config.rules[rule.meta.id] = { ...config.rules[rule.meta.id], options: run.options };
    }
  }
  const engine = new Engine(rules, {
    config,
    lang: run.lang ?? 'en',
    today: run.today ?? '2026-01-01',
  });
  const decoded = decodeText(yaml, 'test.yaml', false, DEFAULT_LIMITS);
  for (const resource of decoded.resources) {
    engine.scan(resource);
  }
  const output = engine.finish();
  return { findings: output.findings, problems: [...decoded.problems, ...output.problems] };
}

/** Scans with one rule and returns its findings; fails the test on any input problem. */
export function findingsOf(rule: AnyRule, yaml: string, run: RunOptions = {}): Finding[] {
  const output = runRules([rule], yaml, run);
  expect(output.problems).toEqual([]);
  return output.findings;
}

/** A Deployment named `web` with the given pod spec, written as YAML lines indented for a pod spec. */
export function deployment(podSpecYaml: string, podMetadataYaml = ''): string {
  const indent = (text: string, spaces: number): string =>
    text
      .trim()
      .split('\n')
      .map((line) => ' '.repeat(spaces) + line)
      .join('\n');
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    podMetadataYaml === '' ? '' : indent(podMetadataYaml, 6),
    '    spec:',
    indent(podSpecYaml, 6),
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The configuration that maps {@link cloneSet}'s kind to its pod template. */
export const CLONE_SETS = { workloadKinds: { CloneSet: '/spec/template' } };

/**
 * An OpenKruise CloneSet, a custom workload kind that is one only with {@link CLONE_SETS}: in
 * namespace `shop`, with pod template labels and a pod spec written as flow mappings.
 */
export function cloneSet(name: string, labels: string, podSpec: string): string {
  return `apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: ${name}, namespace: shop}
spec:
  template:
    metadata: {labels: ${labels}}
    spec: ${podSpec}
`;
}
