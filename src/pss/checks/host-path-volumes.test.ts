import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { hostPathVolumes } from './host-path-volumes.js';

const run = (spec: PodSpec) => implementationAt(hostPathVolumes, 'v1.0')?.({}, spec);

describe('hostPathVolumes', () => {
  it('allows other volume types', () => {
    expect(run({ volumes: [{ name: 'a', emptyDir: {} }] })).toEqual({ allowed: true });
  });

  it('names hostPath volumes in spec order', () => {
    expect(run({ volumes: [{ name: 'a', hostPath: { path: '/' } }] })).toEqual({
      allowed: false,
      reason: 'hostPath volumes',
      detail: 'volume "a"',
    });
    const spec: PodSpec = {
      volumes: [
        { name: 'z', hostPath: {} },
        { name: 'b', secret: {} },
        { name: 'a', hostPath: { path: '/var' } },
      ],
    };
    expect(run(spec)).toMatchObject({ detail: 'volumes "z", "a"' });
  });
});
