import { describe, expect, it } from 'vitest';
import { fingerprintOf, hash128 } from './fingerprint.js';

describe('fingerprints', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };

  it('ignore the API version and the container index, not the identity or the field', () => {
    const pointer = '/spec/template/spec/containers/0/securityContext/privileged';
    const base = fingerprintOf('hardening/privileged', ref, 'app', pointer);
    expect(
      fingerprintOf('hardening/privileged', { ...ref, apiVersion: 'apps/v1beta2' }, 'app', pointer),
    ).toBe(base);
    expect(fingerprintOf('hardening/privileged', ref, 'app', pointer.replace('/0/', '/3/'))).toBe(
      base,
    );
    expect(fingerprintOf('hardening/privileged', { ...ref, name: 'api' }, 'app', pointer)).not.toBe(
      base,
    );
    expect(fingerprintOf('hardening/privileged', ref, 'sidecar', pointer)).not.toBe(base);
    expect(fingerprintOf('hardening/seccomp', ref, 'app', pointer)).not.toBe(base);
  });

  it('are the hash of the joined parts, the pointer without container indexes, as they always were', () => {
    // The definition of a fingerprint; code-scanning alerts depend on it staying the same.
    const reference = (
      ruleId: string,
      r: typeof ref,
      container: string | undefined,
      pointer: string,
    ): string =>
      hash128(
        [
          ruleId,
          r.apiVersion.includes('/') ? r.apiVersion.slice(0, r.apiVersion.indexOf('/')) : '',
          r.kind,
          r.namespace ?? '',
          r.name,
          container ?? '',
          pointer.replace(/\/(initContainers|containers|ephemeralContainers)\/\d+/g, '/$1'),
        ].join('\u0000'),
      );
    const pieces = ['spec', 'template', 'containers', 'initContainers', 'ephemeralContainers'];
    const more = ['0', '12', '3x', 'x3', '', 'containersX', '~1', 'é', 'volumes'];
    let state = 7;
    const pick = <T>(list: readonly T[]): T => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return list[state % list.length] as T;
    };
    for (let round = 0; round < 5_000; round++) {
      const length = 1 + (round % 7);
      const pointer = Array.from({ length }, () => `/${pick([...pieces, ...more])}`).join('');
      const r = {
        ...ref,
        apiVersion: pick(['v1', 'apps/v1', 'batch/v1']),
        ...(round % 3 === 0 ? { namespace: undefined } : {}),
      };
      const container = pick(['app', undefined, '']);
      expect(fingerprintOf('rule/x', r, container, pointer)).toBe(
        reference('rule/x', r, container, pointer),
      );
    }
    expect(fingerprintOf('hardening/privileged', ref, 'app', '/spec/containers/0')).toBe(
      '0dd798d3816f09450bca9961bc5520e8',
    );
  });

  it('hash to 32 hex digits without collisions over many similar keys', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 100_000; index++) {
      const value = hash128(`rule\u0000Deployment\u0000ns\u0000web-${index}`);
      expect(value).toMatch(/^[0-9a-f]{32}$/);
      seen.add(value);
    }
    expect(seen.size).toBe(100_000);
  });
});
