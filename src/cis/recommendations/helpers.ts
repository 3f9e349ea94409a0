/**
 * Small constructors that keep the recommendation tables readable.
 */
import type { Component } from '../facts.js';
import type { FileSetId, Probe, Recommendation, Target } from '../types.js';
import type { ValueTest } from '../values.js';

export const eq = (value: string): ValueTest => ({ op: 'eq', value });
export const ne = (value: string): ValueTest => ({ op: 'ne', value });
export const isSet: ValueTest = { op: 'set' };
export const unset: ValueTest = { op: 'unset' };
export const has = (item: string): ValueTest => ({ op: 'has', item });
export const lacks = (item: string): ValueTest => ({ op: 'lacks', item });
export const gte = (value: number): ValueTest => ({ op: 'gte', value });
export const gt = (value: number): ValueTest => ({ op: 'gt', value });

/** A component flag probe. */
export function flag(
  component: Component,
  name: string,
  test: ValueTest,
  absent: Extract<Probe, { kind: 'flag' }>['absent'] = 'fail',
): Probe {
  return { kind: 'flag', component, flag: name, test, absent };
}

/** Every probe must pass. */
export function allOf(...probes: Probe[]): Probe {
  return { kind: 'all', probes };
}

/** One probe must pass. */
export function anyOf(...probes: Probe[]): Probe {
  return { kind: 'any', probes };
}

export function maxMode(
  files: FileSetId,
  mode: number,
  missing: 'fail' | 'not-applicable' = 'not-applicable',
): Probe {
  return { kind: 'file', files, test: { maxMode: mode }, missing };
}

export function owner(
  files: FileSetId,
  user = 'root:root',
  missing: 'fail' | 'not-applicable' = 'not-applicable',
): Probe {
  return { kind: 'file', files, test: { owner: user }, missing };
}

export function kubelet(key: string, test: ValueTest, absent?: 'pass'): Probe {
  return absent === undefined
    ? { kind: 'kubelet', key, test }
    : { kind: 'kubelet', key, test, absent };
}

/** A recommendation with a probe. */
export function check(
  id: string,
  target: Target,
  title: string,
  probe: Probe,
  remediation: string,
): Recommendation {
  return { id, target, title, probe, remediation };
}

/** A recommendation no node can evaluate: cluster objects or the cloud provider's API. */
export function judgement(
  id: string,
  target: Target,
  title: string,
  remediation: string,
  needs?: string,
): Recommendation {
  const why =
    needs ??
    (target === 'cloud'
      ? "the cloud provider's API or console"
      : target === 'cluster'
        ? 'the cluster API objects and human judgement'
        : 'human judgement');
  return { id, target, title, remediation, needs: why };
}
