import { describe, expect, it } from 'vitest';

import type { PodSpec, SELinuxOptions } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { seLinuxOptions } from './se-linux-options.js';

const run = (spec: PodSpec, version = 'v1.0') =>
  implementationAt(seLinuxOptions, version)?.({}, spec);
const container = (name: string, options: SELinuxOptions) => ({
  name,
  securityContext: { seLinuxOptions: options },
});

describe('seLinuxOptions', () => {
  it('allows the container types, an empty type and any level', () => {
    const spec: PodSpec = {
      securityContext: { seLinuxOptions: { level: 's0:c123,c456' } },
      containers: [
        container('a', { type: 'container_t' }),
        container('b', { type: 'container_init_t' }),
        container('c', { type: 'container_kvm_t', level: 's0' }),
        container('d', { type: '' }),
      ],
    };
    expect(run(spec)).toEqual({ allowed: true });
  });

  it('allows container_engine_t from v1.31', () => {
    const spec: PodSpec = { containers: [container('a', { type: 'container_engine_t' })] };
    expect(run(spec, 'v1.30')).toEqual({
      allowed: false,
      reason: 'seLinuxOptions',
      detail:
        'container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t"',
    });
    expect(run(spec, 'v1.31')).toEqual({ allowed: true });
  });

  it('lists pod and containers, then types, user and role', () => {
    const spec: PodSpec = {
      securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
      containers: [
        container('a', { type: 'container_t' }),
        container('e', { type: 'bar' }),
        container('f', { user: 'bar' }),
        container('g', { role: 'baz' }),
      ],
    };
    expect(run(spec)).toMatchObject({
      detail:
        'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
    });
  });

  it('reports user and role even without a bad type', () => {
    const spec: PodSpec = { securityContext: { seLinuxOptions: { user: 'u', role: 'r' } } };
    expect(run(spec)).toMatchObject({
      detail:
        'pod set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set',
    });
  });
});
