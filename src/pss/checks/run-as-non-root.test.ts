import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { runAsNonRoot } from './run-as-non-root.js';

const run = (spec: PodSpec, version = 'v1.0') =>
  implementationAt(runAsNonRoot, version)?.({}, spec);
const nonRoot = (name: string, value: boolean) => ({
  name,
  securityContext: { runAsNonRoot: value },
});

describe('runAsNonRoot', () => {
  it('lets pod-level true cover unset containers', () => {
    expect(run({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] })).toEqual({
      allowed: true,
    });
    expect(run({ containers: [nonRoot('a', true)] })).toEqual({ allowed: true });
  });

  it('requires it on the pod or on every container', () => {
    expect(
      run({ initContainers: [{ name: 'i' }], containers: [nonRoot('a', true), { name: 'b' }] }),
    ).toEqual({
      allowed: false,
      reason: 'runAsNonRoot != true',
      detail: 'pod or containers "i", "b" must set securityContext.runAsNonRoot=true',
    });
  });

  it('reports explicit false first, the pod before containers', () => {
    const spec: PodSpec = {
      securityContext: { runAsNonRoot: false },
      containers: [nonRoot('a', false), { name: 'b' }],
    };
    expect(run(spec)).toMatchObject({
      detail: 'pod and container "a" must not set securityContext.runAsNonRoot=false',
    });
    const containerOnly: PodSpec = {
      securityContext: { runAsNonRoot: true },
      containers: [nonRoot('a', false), nonRoot('b', false)],
    };
    expect(run(containerOnly)).toMatchObject({
      detail: 'containers "a", "b" must not set securityContext.runAsNonRoot=false',
    });
  });

  it('is not exempt for windows pods', () => {
    expect(run({ os: { name: 'windows' }, containers: [{ name: 'a' }] }, 'latest')?.allowed).toBe(
      false,
    );
  });

  it('relaxes for hostUsers=false from v1.35 only', () => {
    const spec: PodSpec = { hostUsers: false, containers: [nonRoot('a', false)] };
    expect(run(spec, 'v1.34')?.allowed).toBe(false);
    expect(run(spec, 'v1.35')).toEqual({ allowed: true });
    expect(run({ ...spec, hostUsers: true }, 'v1.35')?.allowed).toBe(false);
  });
});
