import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../core/k8s.js';
import { applyApiServerDefaults } from './defaults.js';

describe('applyApiServerDefaults', () => {
  it('defaults a volume with no source to emptyDir, for pods and templates', () => {
    const spec: PodSpec = {
      volumes: [
        { name: 'a' },
        { name: 'b', secret: { secretName: 's' } },
        { name: 'c', emptyDir: null },
      ],
    };
    for (const target of ['pod', 'template'] as const) {
      expect(applyApiServerDefaults(spec, target).volumes).toEqual([
        { name: 'a', emptyDir: {} },
        { name: 'b', secret: { secretName: 's' } },
        { name: 'c', emptyDir: {} },
      ]);
    }
  });

  it('leaves image and other known sources alone', () => {
    const spec: PodSpec = {
      volumes: [
        { name: 'i', image: { reference: 'x' } },
        { name: 'n', nfs: {} },
      ],
    };
    expect(applyApiServerDefaults(spec, 'pod')).toEqual(spec);
  });

  it('copies containerPort to hostPort with hostNetwork, on pods only', () => {
    const spec: PodSpec = {
      hostNetwork: true,
      initContainers: [{ name: 'i', ports: [{ containerPort: 53 }] }],
      containers: [
        {
          name: 'a',
          ports: [
            { containerPort: 80, hostPort: 0 },
            { containerPort: 443, hostPort: 8443 },
            { name: 'x' },
          ],
        },
      ],
    };
    const pod = applyApiServerDefaults(spec, 'pod');
    expect(pod.initContainers?.[0]?.ports).toEqual([{ containerPort: 53, hostPort: 53 }]);
    expect(pod.containers?.[0]?.ports).toEqual([
      { containerPort: 80, hostPort: 80 },
      { containerPort: 443, hostPort: 8443 },
      { name: 'x' },
    ]);
    expect(applyApiServerDefaults(spec, 'template')).toEqual(spec);
    expect(applyApiServerDefaults({ ...spec, hostNetwork: false }, 'pod')).toEqual({
      ...spec,
      hostNetwork: false,
    });
  });

  it('does not mutate its input and is idempotent', () => {
    const spec: PodSpec = {
      hostNetwork: true,
      containers: [{ name: 'a', ports: [{ containerPort: 80 }] }],
      volumes: [{ name: 'v' }],
    };
    const copy = JSON.parse(JSON.stringify(spec)) as PodSpec;
    const once = applyApiServerDefaults(spec, 'pod');
    expect(spec).toEqual(copy);
    expect(applyApiServerDefaults(once, 'pod')).toEqual(once);
  });
});
