import { describe, expect, it } from 'vitest';

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { appArmorProfile } from './app-armor-profile.js';

const prefix = 'container.apparmor.security.beta.kubernetes.io/';
const run = (spec: PodSpec, metadata: ObjectMeta = {}, version = 'v1.0') =>
  implementationAt(appArmorProfile, version)?.(metadata, spec);

describe('appArmorProfile', () => {
  it('has one v1.0 implementation that covers the fields too', () => {
    expect(appArmorProfile.versions.map((v) => v.minVersion)).toEqual(['v1.0']);
  });

  it('allows runtime/default, localhost/* and empty annotations', () => {
    const annotations = {
      [`${prefix}a`]: 'runtime/default',
      [`${prefix}b`]: 'localhost/foo',
      [`${prefix}c`]: '',
      'other.example.com/x': 'unconfined',
    };
    expect(run({ containers: [{ name: 'a' }] }, { annotations })).toEqual({ allowed: true });
  });

  it('allows RuntimeDefault and Localhost profiles', () => {
    const spec: PodSpec = {
      securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'a',
          securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } },
        },
      ],
    };
    expect(run(spec)).toEqual({ allowed: true });
  });

  it('quotes annotation entries inside the quoted list', () => {
    const annotations = { [`${prefix}e`]: 'unconfined' };
    expect(run({}, { annotations })).toEqual({
      allowed: false,
      reason: 'forbidden AppArmor profile',
      detail:
        'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/e="unconfined""',
    });
  });

  it('checks any key with the prefix, even the bare prefix', () => {
    expect(run({}, { annotations: { [prefix]: 'bad' } })?.allowed).toBe(false);
  });

  it('lists pod, containers and annotations with a plural reason', () => {
    const spec: PodSpec = {
      securityContext: { appArmorProfile: { type: 'Unconfined' } },
      initContainers: [{ name: 'i', securityContext: { appArmorProfile: {} } }],
      containers: [{ name: 'a', securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
    };
    const annotations = { [`${prefix}z`]: 'unconfined', [`${prefix}a`]: 'foo' };
    expect(run(spec, { annotations }, 'latest')).toEqual({
      allowed: false,
      reason: 'forbidden AppArmor profiles',
      detail:
        'pod and containers "i", "a" and annotations must not set AppArmor profile type to "", "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="foo"", "container.apparmor.security.beta.kubernetes.io/z="unconfined""',
    });
  });
});
