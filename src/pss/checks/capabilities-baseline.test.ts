import { describe, expect, it } from 'vitest';

import type { Container, PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { capabilitiesBaseline } from './capabilities-baseline.js';

const run = (spec: PodSpec) => implementationAt(capabilitiesBaseline, 'v1.0')?.({}, spec);
const adding = (name: string, add: string[]): Container => ({
  name,
  securityContext: { capabilities: { add } },
});

describe('capabilities_baseline', () => {
  it('allows the default capability set', () => {
    const defaults = [
      'AUDIT_WRITE',
      'CHOWN',
      'DAC_OVERRIDE',
      'FOWNER',
      'FSETID',
      'KILL',
      'MKNOD',
      'NET_BIND_SERVICE',
      'SETFCAP',
      'SETGID',
      'SETPCAP',
      'SETUID',
      'SYS_CHROOT',
    ];
    expect(run({ containers: [adding('a', defaults)] })).toEqual({ allowed: true });
    expect(run({ containers: [{ name: 'a', securityContext: { capabilities: {} } }] })).toEqual({
      allowed: true,
    });
  });

  it('matches exactly and case-sensitively', () => {
    expect(run({ containers: [adding('a', ['chown'])] })).toEqual({
      allowed: false,
      reason: 'non-default capabilities',
      detail: 'container "a" must not include "chown" in securityContext.capabilities.add',
    });
    expect(run({ containers: [adding('a', ['CAP_CHOWN'])] })?.allowed).toBe(false);
  });

  it('lists containers in order and capabilities sorted and distinct', () => {
    const spec: PodSpec = {
      initContainers: [adding('i', ['SYS_ADMIN', 'CHOWN'])],
      containers: [adding('a', ['NET_ADMIN', 'SYS_ADMIN']), adding('b', ['KILL'])],
      ephemeralContainers: [adding('e', ['BPF'])],
    };
    expect(run(spec)).toMatchObject({
      detail:
        'containers "i", "a", "e" must not include "BPF", "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add',
    });
  });
});
