import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/k8s.js';
import { enforceChangeChecksPods, existingPodsWarnings } from './existing-pods.js';
import type { LevelVersion } from './namespace.js';
import { toPolicyVersion } from './version.js';

function lv(text: string): LevelVersion {
  const [level = '', version = 'latest'] = text.split(':');
  return { level: level as LevelVersion['level'], version: toPolicyVersion(version) };
}

function pod(name: string, privileged: boolean, controller?: string): KubeObject {
  const metadata: Record<string, unknown> = { name };
  if (controller !== undefined) {
    metadata.ownerReferences = [
      { kind: 'ReplicaSet', name: controller, uid: controller, controller: true },
    ];
  }
  const container = privileged
    ? { name: 'c', securityContext: { privileged: true } }
    : { name: 'c' };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container] } };
}

describe('enforceChangeChecksPods', () => {
  it('is true only for a changed, non-privileged level that is not a relaxation at one version', () => {
    const cases: [string, string, boolean][] = [
      ['privileged:latest', 'baseline:latest', true],
      ['baseline:latest', 'restricted:latest', true],
      ['baseline:latest', 'baseline:latest', false],
      ['baseline:latest', 'baseline:v1.30', true],
      ['restricted:latest', 'baseline:latest', false],
      ['restricted:v1.30', 'baseline:latest', true],
      ['baseline:latest', 'privileged:latest', false],
      ['baseline:v1.30', 'privileged:latest', false],
    ];
    for (const [from, to, expected] of cases) {
      expect(enforceChangeChecksPods(lv(from), lv(to)), `${from} → ${to}`).toBe(expected);
    }
  });
});

describe('existingPodsWarnings', () => {
  it('checks the first pod of each controller first when the pod limit cuts the list', () => {
    // Three replicas of "web" come first in the list, then two plain privileged pods.
    const pods = [
      pod('web-1', true, 'web'),
      pod('web-2', true, 'web'),
      pod('web-3', true, 'web'),
      pod('solo-a', true),
      pod('solo-b', false),
    ];
    const warnings = existingPodsWarnings({
      namespace: 'ns',
      pods,
      enforce: lv('baseline:latest'),
      maxPods: 3,
    });
    expect(warnings).toEqual([
      'new PodSecurity enforce level only checked against the first 3 of 5 existing pods',
      'existing pods in namespace "ns" violate the new PodSecurity enforce level "baseline:latest"',
      'solo-a (and 1 other pod): privileged',
    ]);
  });

  it('counts "and N other pods" and stops when asked to', () => {
    const pods = Array.from({ length: 5 }, (_, i) => pod(`p-${4 - i}`, true));
    const all = existingPodsWarnings({ namespace: 'ns', pods, enforce: lv('baseline:latest') });
    expect(all.at(-1)).toBe('p-0 (and 4 other pods): privileged');
    let asked = 0;
    const stopped = existingPodsWarnings({
      namespace: 'ns',
      pods,
      enforce: lv('baseline:latest'),
      stop: () => ++asked >= 2,
    });
    expect(stopped).toEqual([
      'new PodSecurity enforce level only checked against the first 2 of 5 existing pods',
      'existing pods in namespace "ns" violate the new PodSecurity enforce level "baseline:latest"',
      'p-3 (and 1 other pod): privileged',
    ]);
    expect(
      existingPodsWarnings({ namespace: 'ns', pods: [], enforce: lv('restricted:latest') }),
    ).toEqual([]);
  });
});
