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
