import { describe, expect, it } from 'vitest';
import { cidrContains, isWorld, parseCidr } from './cidr.js';

describe('CIDR arithmetic', () => {
  it('parses IPv4, IPv6 and bare addresses', () => {
    expect(parseCidr('10.0.0.0/8')).toMatchObject({ family: 4, prefix: 8 });
    expect(parseCidr('2001:db8::/32')).toMatchObject({ family: 6, prefix: 32 });
    expect(parseCidr('::ffff:169.254.169.254')).toMatchObject({ family: 6, prefix: 128 });
    expect(parseCidr('198.51.100.7')).toMatchObject({ family: 4, prefix: 32 });
    for (const bad of ['10.0.0.0/33', '256.0.0.1/32', '1.2.3/24', 'x', '::1::/64', '10.0.0.0/8a']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('tests containment exactly', () => {
    const cidr = (text: string) =>
      parseCidr(text) ??
      (() => {
        throw new Error(text);
      })();
    expect(cidrContains(cidr('169.254.0.0/16'), '169.254.169.254')).toBe(true);
    expect(cidrContains(cidr('169.254.169.254/32'), '169.254.169.254')).toBe(true);
    expect(cidrContains(cidr('169.254.170.0/24'), '169.254.169.254')).toBe(false);
    expect(cidrContains(cidr('10.10.0.0/0'), '169.254.169.254')).toBe(true);
    expect(cidrContains(cidr('::/0'), '169.254.169.254')).toBe(false);
  });

  it('knows the world', () => {
    expect(isWorld('0.0.0.0/0')).toBe(true);
    expect(isWorld('::/0')).toBe(true);
    expect(isWorld('0.0.0.0/32')).toBe(false);
  });
});
