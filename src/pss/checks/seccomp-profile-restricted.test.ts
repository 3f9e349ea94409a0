import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { seccompProfileRestricted } from './seccomp-profile-restricted.js';

const run = (spec: PodSpec, version = 'v1.19') =>
  implementationAt(seccompProfileRestricted, version)?.({}, spec);

describe('seccompProfile_restricted', () => {
  it('starts at v1.19 and overrides seccompProfile_baseline', () => {
    expect(implementationAt(seccompProfileRestricted, 'v1.18')).toBeUndefined();
    expect(seccompProfileRestricted.overrides).toEqual(['seccompProfile_baseline']);
  });

  it('lets a valid pod-level profile cover unset containers', () => {
    const spec: PodSpec = {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: { seccompProfile: { type: 'Localhost' } } },
      ],
    };
    expect(run(spec)).toEqual({ allowed: true });
  });

  it('requires a profile somewhere', () => {
    expect(run({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] })).toEqual({
      allowed: false,
      reason: 'seccompProfile',
      detail:
        'pod or containers "i", "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    });
  });

  it('reports explicit bad values before missing ones', () => {
    const spec: PodSpec = {
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: { seccompProfile: { type: 'Unconfined' } } },
      ],
    };
    expect(run(spec)).toMatchObject({
      detail: 'container "b" must not set securityContext.seccompProfile.type to "Unconfined"',
    });
    const podBad: PodSpec = {
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [{ name: 'a' }],
    };
    expect(run(podBad)).toMatchObject({
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
    });
  });

  it('exempts windows pods from v1.25 only', () => {
    const spec: PodSpec = { os: { name: 'windows' }, containers: [{ name: 'a' }] };
    expect(run(spec, 'v1.24')?.allowed).toBe(false);
    expect(run(spec, 'v1.25')).toEqual({ allowed: true });
  });
});
