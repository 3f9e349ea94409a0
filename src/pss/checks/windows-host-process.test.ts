import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { windowsHostProcess } from './windows-host-process.js';

const run = (spec: PodSpec) => implementationAt(windowsHostProcess, 'v1.0')?.({}, spec);
const hostProcess = (name: string, value: boolean) => ({
  name,
  securityContext: { windowsOptions: { hostProcess: value } },
});

describe('windowsHostProcess', () => {
  it('allows false and unset', () => {
    expect(
      run({
        containers: [
          hostProcess('a', false),
          { name: 'b', securityContext: { windowsOptions: {} } },
        ],
      }),
    ).toEqual({
      allowed: true,
    });
  });

  it('names the pod and the containers', () => {
    const spec: PodSpec = {
      securityContext: { windowsOptions: { hostProcess: true } },
      initContainers: [hostProcess('a', true)],
      containers: [hostProcess('b', true), hostProcess('c', false)],
    };
    expect(run(spec)).toEqual({
      allowed: false,
      reason: 'hostProcess',
      detail:
        'pod and containers "a", "b" must not set securityContext.windowsOptions.hostProcess=true',
    });
    expect(run({ securityContext: { windowsOptions: { hostProcess: true } } })).toMatchObject({
      detail: 'pod must not set securityContext.windowsOptions.hostProcess=true',
    });
  });
});
