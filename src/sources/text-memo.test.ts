import { describe, expect, it } from 'vitest';
import { TextMemo } from './text-memo.js';

describe('TextMemo', () => {
  it('remembers answers by text and drops the oldest beyond its budget', () => {
    const memo = new TextMemo<number>(10);
    memo.set('aaaa', 1);
    memo.set('bbbb', 2);
    expect(memo.get('aaaa')).toBe(1);
    memo.set('cccc', 3);
    // 12 characters held: the oldest goes.
    expect(memo.has('aaaa')).toBe(false);
    expect([memo.get('bbbb'), memo.get('cccc')]).toEqual([2, 3]);
    // An answer already held is kept, not counted twice.
    memo.set('bbbb', 4);
    expect(memo.get('bbbb')).toBe(2);
    expect(memo.has('cccc')).toBe(true);
  });

  it('remembers undefined answers too', () => {
    const memo = new TextMemo<string | undefined>(100);
    memo.set('text', undefined);
    expect(memo.has('text')).toBe(true);
    expect(memo.get('text')).toBeUndefined();
  });
});
