import { describe, expect, it } from 'vitest';

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { seccompProfileBaseline } from './seccomp-profile-baseline.js';

const run = (version: string, spec: PodSpec, metadata: ObjectMeta = {}) =>
  implementationAt(seccompProfileBaseline, version)?.(metadata, spec);
const spec: PodSpec = { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] };
const podKey = 'seccomp.security.alpha.kubernetes.io/pod';
const containerKey = (name: string) => `container.seccomp.security.alpha.kubernetes.io/${name}`;

describe('seccompProfile_baseline v1.0 (annotations)', () => {
  it('allows runtime/default, docker/default and localhost/*', () => {
    const annotations = {
      [podKey]: 'runtime/default',
      [containerKey('i')]: 'docker/default',
      [containerKey('a')]: 'localhost/profile.json',
    };
    expect(run('v1.0', spec, { annotations })).toEqual({ allowed: true });
  });

  it('forbids other values, the empty one included', () => {
    expect(run('v1.18', spec, { annotations: { [podKey]: 'unconfined' } })).toEqual({
      allowed: false,
      reason: 'seccompProfile',
      detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    });
    const annotations = {
      [podKey]: 'unconfined',
      [containerKey('a')]: '',
      [containerKey('i')]: 'x"y',
    };
    expect(run('v1.0', spec, { annotations })).toMatchObject({
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="", container.seccomp.security.alpha.kubernetes.io/i="x\\"y", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    });
  });

  it('ignores annotations of absent containers and the fields', () => {
    const metadata = { annotations: { [containerKey('nope')]: 'unconfined' } };
    const fields: PodSpec = {
      ...spec,
      securityContext: { seccompProfile: { type: 'Unconfined' } },
    };
    expect(run('v1.0', fields, metadata)).toEqual({ allowed: true });
  });
});

describe('seccompProfile_baseline v1.19 (fields)', () => {
  it('ignores the annotations', () => {
    expect(run('v1.19', spec, { annotations: { [podKey]: 'unconfined' } })).toEqual({
      allowed: true,
    });
  });

  it('allows RuntimeDefault, Localhost and unset', () => {
    const ok: PodSpec = {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'a',
          securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p' } },
        },
      ],
    };
    expect(run('v1.19', ok)).toEqual({ allowed: true });
  });

  it('names pod and containers with the sorted bad types', () => {
    const bad: PodSpec = {
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      initContainers: [{ name: 'i', securityContext: { seccompProfile: {} } }],
      containers: [{ name: 'a', securityContext: { seccompProfile: { type: 'Unconfined' } } }],
    };
    expect(run('latest', bad)).toEqual({
      allowed: false,
      reason: 'seccompProfile',
      detail:
        'pod and containers "i", "a" must not set securityContext.seccompProfile.type to "", "Unconfined"',
    });
  });
});
