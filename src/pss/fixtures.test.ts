import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

import type { ObjectMeta, PodSpec } from '../core/k8s.js';
import { psaResourceOf } from './admission.js';
import { enforceDenialMessage, evaluatePod } from './evaluate.js';
import { ALL_CHECKS } from './registry.js';
import type { PssLevel } from './types.js';

interface ManifestEntry {
  file: string;
  level: PssLevel;
  version: string;
  expect: 'pass' | 'fail';
  check: string;
  expectSubstring?: string;
}

interface Template {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

interface FixtureObject {
  kind: string;
  metadata?: ObjectMeta;
  spec?: PodSpec & { template?: Template; jobTemplate?: { spec?: { template?: Template } } };
  template?: Template;
}

const root = new URL('../../../shared/fixtures/pss/', import.meta.url);
const manifest = JSON.parse(
  readFileSync(new URL('manifest.json', root), 'utf8'),
) as ManifestEntry[];

/** The pod metadata and spec of a Pod or of a pod controller's template. */
function extractPod(object: FixtureObject): { metadata: ObjectMeta; spec: PodSpec } {
  let template: Template | undefined;
  if (object.kind === 'Pod') {
    template = { metadata: object.metadata ?? {}, spec: object.spec ?? {} };
  } else if (object.kind === 'CronJob') {
    template = object.spec?.jobTemplate?.spec?.template;
  } else if (object.kind === 'PodTemplate') {
    template = object.template;
  } else {
    template = object.spec?.template;
  }
  if (template?.spec === undefined) {
    throw new Error(`no pod spec in ${object.kind}`);
  }
  return { metadata: template.metadata ?? {}, spec: template.spec };
}

describe('upstream PSA fixtures', () => {
  it('lists fixtures', () => {
    expect(manifest.length).toBeGreaterThan(0);
  });

  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const path = fileURLToPath(new URL(entry.file, root));
    const object = load(readFileSync(path, 'utf8')) as FixtureObject;
    const resource = psaResourceOf(object.kind);
    expect(resource).toBeDefined();
    const pod = extractPod(object);
    const result = evaluatePod(pod, entry.level, entry.version, {
      defaulting: resource === 'pod' ? 'pod' : 'template',
    });
    if (entry.expect === 'pass') {
      expect(result.violations).toEqual([]);
      expect(result.allowed).toBe(true);
    } else {
      expect(result.allowed).toBe(false);
      const message = enforceDenialMessage(result, { name: object.metadata?.name ?? '' });
      expect(message).toContain(entry.expectSubstring ?? entry.check);
      expect(message).not.toContain('unknown forbidden reason');
      // At restricted, a baseline fixture may be caught by the restricted check overriding it.
      const overriding = ALL_CHECKS.filter((c) => c.overrides?.includes(entry.check));
      const accepted = [entry.check, ...overriding.map((c) => c.id)];
      expect(result.violations.some((v) => accepted.includes(v.check))).toBe(true);
    }
  });
});
