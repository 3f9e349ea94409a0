import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';

const run = (spec: PodSpec, version: string) =>
  implementationAt(allowPrivilegeEscalation, version)?.({}, spec);

const bare: PodSpec = {
  initContainers: [{ name: 'init' }],
  containers: [
    { name: 'a', securityContext: {} },
    { name: 'b', securityContext: { allowPrivilegeEscalation: true } },
    { name: 'c', securityContext: { allowPrivilegeEscalation: false } },
  ],
};

describe('allowPrivilegeEscalation', () => {
  it('does not exist before v1.8', () => {
    expect(implementationAt(allowPrivilegeEscalation, 'v1.7')).toBeUndefined();
    expect(implementationAt(allowPrivilegeEscalation, 'v1.8')).toBeDefined();
  });

  it('requires an explicit false on every container', () => {
    expect(run(bare, 'v1.8')).toEqual({
      allowed: false,
      reason: 'allowPrivilegeEscalation != false',
      detail: 'containers "init", "a", "b" must set securityContext.allowPrivilegeEscalation=false',
    });
    expect(
      run(
        { containers: [{ name: 'c', securityContext: { allowPrivilegeEscalation: false } }] },
        'v1.8',
      ),
    ).toEqual({ allowed: true });
  });

  it('exempts windows pods from v1.25 only', () => {
    const windows: PodSpec = { ...bare, os: { name: 'windows' } };
    expect(run(windows, 'v1.24')?.allowed).toBe(false);
    expect(run(windows, 'v1.25')).toEqual({ allowed: true });
    expect(run({ ...bare, os: { name: 'linux' } }, 'v1.25')?.allowed).toBe(false);
  });
});
