import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { runAsUser } from './run-as-user.js';

const run = (spec: PodSpec, version = 'v1.23') => implementationAt(runAsUser, version)?.({}, spec);
const user = (name: string, uid: number) => ({ name, securityContext: { runAsUser: uid } });

describe('runAsUser', () => {
  it('starts at v1.23', () => {
    expect(implementationAt(runAsUser, 'v1.22')).toBeUndefined();
  });

  it('allows non-zero and unset', () => {
    expect(
      run({ securityContext: { runAsUser: 1000 }, containers: [user('a', 1), { name: 'b' }] }),
    ).toEqual({
      allowed: true,
    });
  });

  it('names the pod and containers that set 0', () => {
    const spec: PodSpec = {
      securityContext: { runAsUser: 0 },
      initContainers: [user('i', 0)],
      containers: [user('a', 1000), user('b', 0)],
    };
    expect(run(spec)).toEqual({
      allowed: false,
      reason: 'runAsUser=0',
      detail: 'pod and containers "i", "b" must not set runAsUser=0',
    });
    expect(run({ securityContext: { runAsUser: 0 } })).toMatchObject({
      detail: 'pod must not set runAsUser=0',
    });
  });

  it('relaxes for hostUsers=false from v1.35 only', () => {
    const spec: PodSpec = { hostUsers: false, containers: [user('a', 0)] };
    expect(run(spec, 'v1.34')?.allowed).toBe(false);
    expect(run(spec, 'v1.35')).toEqual({ allowed: true });
  });
});
