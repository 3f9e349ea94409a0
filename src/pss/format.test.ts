import { describe, expect, it } from 'vitest';
import { goQuote } from './format.js';

describe('goQuote (Go strconv.Quote)', () => {
  it('leaves printable ASCII as it is and escapes quotes and backslashes', () => {
    for (let code = 0x20; code < 0x7f; code++) {
      const char = String.fromCharCode(code);
      const expected = char === '"' || char === '\\' ? `"\\${char}"` : `"${char}"`;
      expect(goQuote(char)).toBe(expected);
    }
    expect(goQuote('sysctl net.ipv4.ip_forward=1')).toBe('"sysctl net.ipv4.ip_forward=1"');
    expect(goQuote('')).toBe('""');
  });

  it('escapes control characters as Go does', () => {
    expect(goQuote('a\nb\tc\u0007\u0000\u007f')).toBe('"a\\nb\\tc\\a\\x00\\x7f"');
    expect(goQuote('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });

  it('keeps printable Unicode and escapes the rest by code point', () => {
    expect(goQuote('héllo 日本')).toBe('"héllo 日本"');
    expect(goQuote('\u00a0\u200b')).toBe('"\\u00a0\\u200b"');
    expect(goQuote('\u{e0001}')).toBe('"\\U000e0001"');
  });
});
