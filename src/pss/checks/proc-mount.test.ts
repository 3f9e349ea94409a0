import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { procMountRestricted } from './proc-mount-restricted.js';
import { procMount } from './proc-mount.js';

const unmasked: PodSpec = {
  initContainers: [{ name: 'i', securityContext: { procMount: 'foo' } }],
  containers: [
    { name: 'a', securityContext: { procMount: 'Unmasked' } },
    { name: 'b', securityContext: { procMount: 'Default' } },
  ],
};
const detail = 'containers "i", "a" must not set securityContext.procMount to "Unmasked", "foo"';

describe('procMount', () => {
  const run = (spec: PodSpec, version: string) => implementationAt(procMount, version)?.({}, spec);

  it('allows Default and unset', () => {
    const spec: PodSpec = {
      containers: [{ name: 'a', securityContext: { procMount: 'Default' } }, { name: 'b' }],
    };
    expect(run(spec, 'v1.0')).toEqual({ allowed: true });
  });

  it('forbids other values', () => {
    expect(run(unmasked, 'v1.0')).toEqual({ allowed: false, reason: 'procMount', detail });
  });

  it('ignores hostUsers=false before v1.35', () => {
    expect(run({ ...unmasked, hostUsers: false }, 'v1.34')?.allowed).toBe(false);
  });

  it('allows any value with hostUsers=false from v1.35', () => {
    expect(run({ ...unmasked, hostUsers: false }, 'v1.35')).toEqual({ allowed: true });
    expect(run({ ...unmasked, hostUsers: true }, 'v1.35')).toMatchObject({ detail });
    expect(run(unmasked, 'v1.35')?.allowed).toBe(false);
  });
});

describe('procMount_restricted', () => {
  const run = (spec: PodSpec, version: string) =>
    implementationAt(procMountRestricted, version)?.({}, spec);

  it('exists from v1.35 and overrides procMount', () => {
    expect(implementationAt(procMountRestricted, 'v1.34')).toBeUndefined();
    expect(procMountRestricted.overrides).toEqual(['procMount']);
  });

  it('never relaxes for user namespaces', () => {
    expect(run({ ...unmasked, hostUsers: false }, 'v1.35')).toEqual({
      allowed: false,
      reason: 'procMount',
      detail,
    });
  });
});
