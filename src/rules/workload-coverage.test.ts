/**
 * Every workload rule must see pod specs wherever Kubernetes keeps them. The failing pod spec of
 * each rule (the "Insecure example" of its documentation page) is wrapped in every built-in
 * workload kind and in a custom kind mapped through `workloadKinds`; the rule must report the
 * same findings, at the same place inside the pod template, in each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { runRules } from '../../test/rule-tester.js';
import type { Config } from '../core/config.js';
import { BUILTIN_POD_TEMPLATE_PATHS, valueAt } from '../core/workload.js';
import { exampleOf, exampleOptionsOf } from './_doc-examples.js';
import { RULES } from './index.js';

const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules');

interface PodTemplate {
  metadata: Record<string, unknown>;
  spec: unknown;
  /** Further documents of the example (RoleBindings, say), scanned along with the workload. */
  rest?: string;
}

interface Wrapper {
  kind: string;
  /** Where the wrapper keeps the pod template. */
  templatePointer: string;
  config?: Partial<Config>;
  wrap(template: PodTemplate): Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LABELS = { app: 'coverage' };
const NAME = { name: 'coverage', namespace: 'coverage' };

function withLabels(template: PodTemplate): PodTemplate {
  return { ...template, metadata: { ...template.metadata, labels: LABELS } };
}

function appsKind(kind: string, extra: Record<string, unknown> = {}): Wrapper {
  return {
    kind,
    templatePointer: '/spec/template',
    wrap: (template) => ({
      apiVersion: 'apps/v1',
      kind,
      metadata: NAME,
      spec: { ...extra, selector: { matchLabels: LABELS }, template: withLabels(template) },
    }),
  };
}

const WRAPPERS: readonly Wrapper[] = [
  {
    kind: 'Pod',
    templatePointer: '',
    wrap: (template) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...template.metadata, ...NAME },
      spec: template.spec,
    }),
  },
  appsKind('Deployment'),
  appsKind('StatefulSet', { serviceName: 'coverage' }),
  appsKind('DaemonSet'),
  appsKind('ReplicaSet'),
  {
    kind: 'ReplicationController',
    templatePointer: '/spec/template',
    wrap: (template) => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: NAME,
      spec: { selector: LABELS, template: withLabels(template) },
    }),
  },
  {
    kind: 'Job',
    templatePointer: '/spec/template',
    wrap: (template) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: NAME,
      spec: { template },
    }),
  },
  {
    kind: 'CronJob',
    templatePointer: '/spec/jobTemplate/spec/template',
    wrap: (template) => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: NAME,
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template } } },
    }),
  },
  {
    kind: 'PodTemplate',
    templatePointer: '/template',
    wrap: (template) => ({ apiVersion: 'v1', kind: 'PodTemplate', metadata: NAME, template }),
  },
  {
    kind: 'Rollout (workloadKinds)',
    templatePointer: '/spec/template',
    config: { workloadKinds: { Rollout: '/spec/template' } },
    wrap: (template) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: NAME,
      spec: { selector: { matchLabels: LABELS }, template: withLabels(template) },
    }),
  },
];

/** The pod template of a documented insecure example, whatever kind the page used. */
function failingTemplate(ruleId: string): PodTemplate | string {
  const page = join(DOCS_DIR, ...ruleId.split('/')) + '.md';
  if (!existsSync(page)) {
    return `no documentation page for ${ruleId}`;
  }
  const example = exampleOf(readFileSync(page, 'utf8'), 'Insecure example');
  if (example === undefined) {
    return `no insecure example for ${ruleId}`;
  }
  const [first, ...others] = parseAllDocuments(example);
  const object: unknown = first?.toJS();
  const rest = others.map((document) => `---\n${document.toString()}`).join('');
  const kind = isRecord(object) ? object.kind : undefined;
  const pointer = typeof kind === 'string' ? BUILTIN_POD_TEMPLATE_PATHS[kind] : undefined;
  if (pointer === undefined) {
    return `the insecure example of ${ruleId} is not a built-in workload kind`;
  }
  const template = valueAt(object, pointer);
  if (!isRecord(template)) {
    return `the insecure example of ${ruleId} has no pod template`;
  }
  const metadata = isRecord(template.metadata) ? { ...template.metadata } : {};
  // For a Pod the template metadata is the object's: keep only what a template carries.
  delete metadata.name;
  delete metadata.namespace;
  return { metadata, spec: template.spec, ...(rest === '' ? {} : { rest }) };
}

/** The options of a page's "Example configuration", if it has one. */
function exampleOptions(ruleId: string): Record<string, unknown> | undefined {
  const page = join(DOCS_DIR, ...ruleId.split('/')) + '.md';
  return existsSync(page) ? exampleOptionsOf(readFileSync(page, 'utf8'), ruleId) : undefined;
}

/** What a rule reported, independent of where the pod template sits. */
function reported(ruleId: string, wrapper: Wrapper, template: PodTemplate) {
  const { rest, ...podTemplate } = template;
  const yaml = stringify(wrapper.wrap(podTemplate)) + (rest ?? '');
  const options = exampleOptions(ruleId);
  const output = runRules(
    RULES.filter((rule) => rule.meta.id === ruleId),
    yaml,
    {
      config: {
        ...wrapper.config,
        rules: { [ruleId]: { enabled: true, ...(options === undefined ? {} : { options }) } },
      },
    },
  );
  return {
    problems: output.problems,
    findings: output.findings
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => ({
        message: finding.message,
        container: finding.container,
        pointer: finding.pointer.startsWith(wrapper.templatePointer)
          ? `<template>${finding.pointer.slice(wrapper.templatePointer.length)}`
          : finding.pointer,
      })),
  };
}

const WORKLOAD_RULES = RULES.filter((rule) => rule.target === 'workload');

describe('workload coverage', () => {
  it('covers every built-in workload kind', () => {
    expect(
      WRAPPERS.map((wrapper) => wrapper.kind)
        .filter((kind) => kind in BUILTIN_POD_TEMPLATE_PATHS)
        .sort(),
    ).toEqual(Object.keys(BUILTIN_POD_TEMPLATE_PATHS).sort());
  });

  describe.each(WORKLOAD_RULES.map((rule) => [rule.meta.id] as const))('%s', (ruleId) => {
    const template = failingTemplate(ruleId);

    it('has a documented failing pod spec', () => {
      expect(typeof template === 'string' ? template : 'ok').toBe('ok');
    });
    if (typeof template === 'string') {
      return;
    }
    const expected = reported(ruleId, WRAPPERS[0] as Wrapper, template);

    it.each(WRAPPERS.map((wrapper) => [wrapper.kind, wrapper] as const))(
      'reports it in a %s',
      (_kind, wrapper) => {
        const actual = reported(ruleId, wrapper, template);
        expect(actual.problems).toEqual([]);
        expect(actual.findings.length).toBeGreaterThan(0);
        expect(actual.findings).toEqual(expected.findings);
      },
    );
  });
});
