import { describe, expect, it } from 'vitest';

import { effectiveMinor, parsePolicyVersion, PssVersionError, toPolicyVersion } from './version.js';

describe('parsePolicyVersion', () => {
  it.each([
    ['latest', { latest: true, text: 'latest' }],
    ['v1.0', { latest: false, minor: 0, text: 'v1.0' }],
    ['v1.25', { latest: false, minor: 25, text: 'v1.25' }],
    ['v1.10000', { latest: false, minor: 10000, text: 'v1.10000' }],
  ])('accepts %s', (text, version) => {
    expect(parsePolicyVersion(text)).toEqual({ ok: true, version });
  });

  it.each([
    '',
    'Latest',
    'v1.01',
    '1.25',
    'v1.25.0',
    'v2.0',
    'v1',
    'v1.',
    'v1.-1',
    ' v1.2',
    'v1.99999999999999999999',
  ])('rejects %j, falling back to latest', (text) => {
    expect(parsePolicyVersion(text)).toEqual({
      ok: false,
      error: 'must be "latest" or "v1.x"',
      version: { latest: true, text: 'latest' },
    });
  });

  it('throws a typed error from toPolicyVersion', () => {
    expect(() => toPolicyVersion('v2.0')).toThrow(PssVersionError);
    try {
      toPolicyVersion('bogus');
    } catch (error) {
      expect(error).toBeInstanceOf(PssVersionError);
      expect((error as PssVersionError).input).toBe('bogus');
      expect((error as PssVersionError).message).toBe(
        'invalid Pod Security policy version "bogus": must be "latest" or "v1.x"',
      );
    }
  });

  it('caps latest and newer versions at the newest known minor', () => {
    expect(effectiveMinor(toPolicyVersion('latest'), 37)).toBe(37);
    expect(effectiveMinor(toPolicyVersion('v1.99'), 37)).toBe(37);
    expect(effectiveMinor(toPolicyVersion('v1.20'), 37)).toBe(20);
  });
});
