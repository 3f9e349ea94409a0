import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { privileged } from './privileged.js';

const run = (spec: PodSpec, version = 'v1.0') => implementationAt(privileged, version)?.({}, spec);

describe('privileged', () => {
  it('is a baseline check from v1.0', () => {
    expect(privileged).toMatchObject({ id: 'privileged', level: 'baseline' });
    expect(privileged.versions.map((v) => v.minVersion)).toEqual(['v1.0']);
  });

  it('allows unset and false', () => {
    expect(run({ containers: [{ name: 'a' }, { name: 'b', securityContext: {} }] })).toEqual({
      allowed: true,
    });
    expect(run({ containers: [{ name: 'a', securityContext: { privileged: false } }] })).toEqual({
      allowed: true,
    });
  });

  it('names one container', () => {
    expect(run({ containers: [{ name: 'a', securityContext: { privileged: true } }] })).toEqual({
      allowed: false,
      reason: 'privileged',
      detail: 'container "a" must not set securityContext.privileged=true',
    });
  });

  it('names init, regular and ephemeral containers in visit order', () => {
    const spec: PodSpec = {
      ephemeralContainers: [{ name: 'e', securityContext: { privileged: true } }],
      containers: [
        { name: 'c', securityContext: { privileged: true } },
        { name: 'd', securityContext: { privileged: false } },
      ],
      initContainers: [{ name: 'i', securityContext: { privileged: true } }],
    };
    expect(run(spec, 'latest')).toMatchObject({
      detail: 'containers "i", "c", "e" must not set securityContext.privileged=true',
    });
  });
});
