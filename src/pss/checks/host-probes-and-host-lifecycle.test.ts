import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { hostProbesAndHostLifecycle } from './host-probes-and-host-lifecycle.js';

const run = (spec: PodSpec, version = 'v1.34') =>
  implementationAt(hostProbesAndHostLifecycle, version)?.({}, spec);

describe('hostProbesAndHostLifecycle', () => {
  it('does not exist before v1.34', () => {
    expect(implementationAt(hostProbesAndHostLifecycle, 'v1.33')).toBeUndefined();
  });

  it('allows probes without a host', () => {
    const spec: PodSpec = {
      containers: [
        {
          name: 'a',
          livenessProbe: { httpGet: { path: '/', port: 80, host: '' } },
          readinessProbe: { tcpSocket: { port: 80 } },
          startupProbe: { exec: { command: ['true'] } },
          lifecycle: { preStop: { sleep: { seconds: 1 } } },
        },
      ],
    };
    expect(run(spec)).toEqual({ allowed: true });
  });

  it('forbids any host, localhost included', () => {
    const spec: PodSpec = {
      containers: [{ name: 'a', readinessProbe: { httpGet: { host: 'localhost', port: 80 } } }],
    };
    expect(run(spec)).toEqual({
      allowed: false,
      reason: 'probe or lifecycle host',
      detail: 'container "a" uses probe or lifecycle host "localhost"',
    });
  });

  it('covers every probe and lifecycle handler, as sorted distinct sets', () => {
    const spec: PodSpec = {
      initContainers: [{ name: 'z', startupProbe: { tcpSocket: { host: 'b.com', port: 1 } } }],
      containers: [
        {
          name: 'b',
          livenessProbe: { httpGet: { host: 'a.com' } },
          lifecycle: {
            postStart: { httpGet: { host: '127.0.0.1' } },
            preStop: { tcpSocket: { host: 'a.com' } },
          },
        },
      ],
      ephemeralContainers: [{ name: 'b', readinessProbe: { tcpSocket: { host: '::1' } } }],
    };
    expect(run(spec)).toMatchObject({
      detail:
        'containers "b", "z" use probe or lifecycle hosts "127.0.0.1", "::1", "a.com", "b.com"',
    });
  });
});
