import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { capabilitiesRestricted } from './capabilities-restricted.js';

const run = (spec: PodSpec, version = 'v1.22') =>
  implementationAt(capabilitiesRestricted, version)?.({}, spec);

describe('capabilities_restricted', () => {
  it('starts at v1.22 and overrides capabilities_baseline', () => {
    expect(implementationAt(capabilitiesRestricted, 'v1.21')).toBeUndefined();
    expect(capabilitiesRestricted.overrides).toEqual(['capabilities_baseline']);
  });

  it('accepts drop ALL with NET_BIND_SERVICE added', () => {
    const spec: PodSpec = {
      containers: [
        {
          name: 'a',
          securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
        },
      ],
    };
    expect(run(spec)).toEqual({ allowed: true });
  });

  it('reports a missing security context as missing drop only', () => {
    expect(run({ containers: [{ name: 'a' }, { name: 'b', securityContext: {} }] })).toEqual({
      allowed: false,
      reason: 'unrestricted capabilities',
      detail: 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]',
    });
  });

  it('matches ALL case-sensitively', () => {
    const spec: PodSpec = {
      containers: [{ name: 'a', securityContext: { capabilities: { drop: ['all'] } } }],
    };
    expect(run(spec)).toMatchObject({
      detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]',
    });
  });

  it('joins both parts with "; "', () => {
    const spec: PodSpec = {
      containers: [
        { name: 'a', securityContext: { capabilities: { add: ['FOO'] } } },
        { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'], drop: ['all'] } } },
        {
          name: 'c',
          securityContext: {
            capabilities: { add: ['CHOWN', 'FOO', 'NET_BIND_SERVICE'], drop: ['ALL'] },
          },
        },
      ],
    };
    expect(run(spec)).toEqual({
      allowed: false,
      reason: 'unrestricted capabilities',
      detail:
        'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    });
  });

  it('exempts windows pods from v1.25 only', () => {
    const spec: PodSpec = { os: { name: 'windows' }, containers: [{ name: 'a' }] };
    expect(run(spec, 'v1.24')?.allowed).toBe(false);
    expect(run(spec, 'v1.25')).toEqual({ allowed: true });
  });
});
