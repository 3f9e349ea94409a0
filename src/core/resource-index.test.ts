import { describe, expect, it } from 'vitest';
import type { Resource } from './model.js';
import { ByKind, EMPTY_INDEX, GrowingIndex, perIndex } from './resource-index.js';

const resource = (kind: string, name: string): Resource =>
  ({ object: { apiVersion: 'v1', kind }, ref: { apiVersion: 'v1', kind, name } }) as Resource;

describe('GrowingIndex', () => {
  it('lists resources by kind and in all, in the order they came', () => {
    const index = new GrowingIndex();
    const [a, b, c] = [resource('Pod', 'a'), resource('Service', 'b'), resource('Pod', 'c')];
    [a, b, c].forEach((item) => index.add(item));
    expect(index.ofKind('Pod')).toEqual([a, c]);
    expect(index.ofKind('Secret')).toEqual([]);
    expect(index.all).toEqual([a, b, c]);
    expect([EMPTY_INDEX.all, EMPTY_INDEX.ofKind('Pod')]).toEqual([[], []]);
  });
});

describe('ByKind', () => {
  it('works an answer out once per kind, apart for workloads and other objects', () => {
    const cache = new ByKind<string>();
    let calls = 0;
    const work = (answer: string) => () => {
      calls++;
      return answer;
    };
    expect(cache.get('Pod', true, work('workload'))).toBe('workload');
    expect(cache.get('Pod', true, work('again'))).toBe('workload');
    expect(cache.get('Pod', false, work('object'))).toBe('object');
    expect(calls).toBe(2);
  });
});

describe('perIndex', () => {
  it('makes an answer once per index, and again when the index has grown', () => {
    let calls = 0;
    const pods = perIndex((index) => {
      calls++;
      return index.ofKind('Pod').length;
    });
    const index = new GrowingIndex();
    index.add(resource('Pod', 'a'));
    expect([pods(index), pods(index), calls]).toEqual([1, 1, 1]);
    index.add(resource('Pod', 'b'));
    expect([pods(index), calls]).toEqual([2, 2]);
    expect([pods(EMPTY_INDEX), calls]).toEqual([0, 3]);
  });
});
