import { describe, expect, it } from 'vitest';
import { NamespaceCache, staticNamespaces } from './namespaces.js';

describe('NamespaceCache', () => {
  it('caches labels for the TTL and shares concurrent lookups', async () => {
    let now = 0;
    const calls: string[] = [];
    const client = {
      request: (_method: string, path: string) => {
        calls.push(path);
        return Promise.resolve({ metadata: { name: 'app', labels: { a: 'b', n: 1 } } });
      },
    };
    const cache = new NamespaceCache(client, 5, () => now);
    const [first, second] = await Promise.all([cache.labels('app'), cache.labels('app')]);
    expect(first).toEqual({ a: 'b' });
    expect(second).toBe(first);
    now = 4_999;
    await cache.labels('app');
    expect(calls).toEqual(['/api/v1/namespaces/app']);
    now = 5_000;
    await cache.labels('app');
    expect(calls).toHaveLength(2);
  });

  it('propagates lookup errors without caching them', async () => {
    let fail = true;
    const client = {
      request: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve({ metadata: {} })),
    };
    const cache = new NamespaceCache(client, 5);
    await expect(cache.labels('x')).rejects.toThrow('down');
    fail = false;
    await expect(cache.labels('x')).resolves.toBeUndefined();
  });

  it('serves a static map offline', async () => {
    const lookup = staticNamespaces({ app: { a: 'b' } });
    await expect(lookup('app')).resolves.toEqual({ a: 'b' });
    await expect(lookup('other')).rejects.toThrow('not found');
  });
});
