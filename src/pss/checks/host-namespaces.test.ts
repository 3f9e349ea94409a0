import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { hostNamespaces } from './host-namespaces.js';

const run = (spec: PodSpec) => implementationAt(hostNamespaces, 'v1.0')?.({}, spec);

describe('hostNamespaces', () => {
  it('allows false and unset', () => {
    expect(run({ hostNetwork: false, hostPID: false })).toEqual({ allowed: true });
    expect(run({})).toEqual({ allowed: true });
  });

  it('lists the set flags in fixed order', () => {
    expect(run({ hostIPC: true, hostPID: true, hostNetwork: true })).toEqual({
      allowed: false,
      reason: 'host namespaces',
      detail: 'hostNetwork=true, hostPID=true, hostIPC=true',
    });
    expect(run({ hostIPC: true })).toMatchObject({ detail: 'hostIPC=true' });
  });
});
