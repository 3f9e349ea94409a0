import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/k8s.js';
import { KubeApiError, type ListResult, type WatchEvent } from '../sources/cluster/client.js';
import { NamespaceInformer, staticNamespaces, type NamespaceClient } from './namespaces.js';

function ns(name: string, labels: Record<string, string>, resourceVersion = '1'): KubeObject {
  const metadata: Record<string, unknown> = { name, labels, resourceVersion };
  return { apiVersion: 'v1', kind: 'Namespace', metadata };
}

interface FakeWatch {
  resourceVersion: string;
  emit(type: string, object: Record<string, unknown>): void;
  end(): void;
  fail(error: Error): void;
  stopped: boolean;
}

/** A scripted API server: lists come from a queue, watches are driven by the test. */
class FakeServer implements NamespaceClient {
  lists: (ListResult | Error)[] = [];
  watches: FakeWatch[] = [];
  gets: string[] = [];
  objects = new Map<string, KubeObject>();
  #waiting: ((value: ListResult | Error) => void)[] = [];

  listWithVersion(): Promise<ListResult> {
    const next = this.lists.shift();
    const settle = (value: ListResult | Error): Promise<ListResult> =>
      value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
    if (next !== undefined) {
      return settle(next);
    }
    // Nothing scripted: the list hangs until the test releases it.
    return new Promise<ListResult | Error>((resolve) => this.#waiting.push(resolve)).then(settle);
  }

  release(value: ListResult | Error): void {
    this.#waiting.shift()?.(value);
  }

  watch(
    _path: string,
    resourceVersion: string,
    onEvent: (event: WatchEvent) => void,
  ): { done: Promise<void>; stop(): void } {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const watch: FakeWatch = {
      resourceVersion,
      stopped: false,
      emit: (type, object) => onEvent({ type, object }),
      end: () => resolve(),
      fail: (error) => reject(error),
    };
    this.watches.push(watch);
    return {
      done,
      stop: () => {
        watch.stopped = true;
        resolve();
      },
    };
  }

  request(_method: string, path: string): Promise<unknown> {
    this.gets.push(path);
    const name = decodeURIComponent(path.split('/').pop() ?? '');
    const object = this.objects.get(name);
    return object === undefined
      ? Promise.reject(new KubeApiError(404, path, `namespaces "${name}" not found`))
      : Promise.resolve(object);
  }
}

/** Lets pending promise callbacks run (no timers involved). */
async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function informer(server: FakeServer, sleeps: number[] = [], now = () => 0) {
  const log: string[] = [];
  const causes: string[] = [];
  const subject = new NamespaceInformer(server, {
    log: (line) => log.push(line),
    onList: (cause) => causes.push(cause),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    now,
    backoff: { initialMs: 500, maxMs: 4000 },
    watchTimeoutSeconds: () => 300,
  });
  return { subject, log, sleeps, causes };
}

describe('NamespaceInformer', () => {
  it('lists, then watches from the list resourceVersion, and keeps labels current', async () => {
    const server = new FakeServer();
    server.lists.push({ items: [ns('app', { team: 'a' }), ns('web', {})], resourceVersion: '10' });
    const { subject, log } = informer(server);
    expect(subject.synced).toBe(false);
    subject.start();
    await subject.whenSynced();
    expect(subject.synced).toBe(true);
    await settle();
    expect(server.watches.map((w) => w.resourceVersion)).toEqual(['10']);
    await expect(subject.labels('app')).resolves.toEqual({ team: 'a' });
    expect(log).toEqual(['namespace informer synced: 2 namespaces']);

    const watch = server.watches[0];
    watch?.emit(
      'MODIFIED',
      ns('app', { team: 'b', 'pod-security.kubernetes.io/enforce': 'baseline' }, '11'),
    );
    watch?.emit('ADDED', ns('new', { x: 'y' }, '12'));
    watch?.emit('DELETED', ns('web', {}, '13'));
    watch?.emit('BOOKMARK', { metadata: { resourceVersion: '20' } });
    await expect(subject.labels('app')).resolves.toEqual({
      team: 'b',
      'pod-security.kubernetes.io/enforce': 'baseline',
    });
    await expect(subject.labels('new')).resolves.toEqual({ x: 'y' });
    expect(server.gets).toEqual([]);
    expect(subject.resourceVersion).toBe('20');
    // A deleted namespace is asked for: the API server says it does not exist.
    await expect(subject.labels('web')).rejects.toThrow('namespaces "web" not found');
    expect(server.gets).toEqual(['/api/v1/namespaces/web']);

    // The server closes the watch at its timeout: watched again from the bookmark, no new list.
    watch?.end();
    await settle();
    expect(server.watches.map((w) => w.resourceVersion)).toEqual(['10', '20']);
    expect(subject.lists).toBe(1);
    await subject.stop();
    expect(server.watches[1]?.stopped).toBe(true);
  });

  it('lists again on 410 Gone, as an ERROR event or as the HTTP status', async () => {
    const server = new FakeServer();
    server.lists.push(
      { items: [ns('old', { a: '1' })], resourceVersion: '5' },
      { items: [ns('fresh', { b: '2' })], resourceVersion: '50' },
      { items: [ns('fresher', { c: '3' })], resourceVersion: '60' },
    );
    const { subject, log, sleeps, causes } = informer(server);
    subject.start();
    await settle();
    server.watches[0]?.emit('ERROR', {
      kind: 'Status',
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 5 (40)',
    });
    await settle();
    expect(server.watches[0]?.stopped).toBe(true);
    expect(subject.lists).toBe(2);
    expect(server.watches.map((w) => w.resourceVersion)).toEqual(['5', '50']);
    // The new list replaces the store: "old" is gone from it.
    await expect(subject.labels('fresh')).resolves.toEqual({ b: '2' });
    await expect(subject.labels('old')).rejects.toThrow('not found');

    server.watches[1]?.fail(new KubeApiError(410, '/api/v1/namespaces', 'Gone'));
    await settle();
    expect(subject.lists).toBe(3);
    expect(server.watches.map((w) => w.resourceVersion)).toEqual(['5', '50', '60']);
    expect(log.filter((line) => line.includes('410 Gone'))).toHaveLength(2);
    expect(sleeps).toEqual([500, 1000]);
    expect(causes).toEqual(['start', 'gone', 'gone']);
    await subject.stop();
  });

  it('backs off exponentially while listing fails, and starts over after a healthy watch', async () => {
    const server = new FakeServer();
    const down = new KubeApiError(0, '/api/v1/namespaces', 'connect ECONNREFUSED 127.0.0.1:6443');
    server.lists.push(down, down, down, down, down);
    let clock = 0;
    const { subject, log, sleeps, causes } = informer(server, [], () => clock);
    subject.start();
    await settle();
    expect(subject.synced).toBe(false);
    expect(sleeps).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(causes).toEqual(['start', 'error', 'error', 'error', 'error', 'error']);
    expect(log[0]).toBe(
      'namespace informer: connect ECONNREFUSED 127.0.0.1:6443; listing again in 500 ms',
    );
    server.release({ items: [ns('app', {})], resourceVersion: '7' });
    await subject.whenSynced();
    await settle();
    // A watch that breaks is followed by a new list after the (reset) backoff.
    clock = 60_000;
    server.lists.push({ items: [ns('app', {})], resourceVersion: '8' });
    server.watches[0]?.fail(new KubeApiError(0, '/api/v1/namespaces', 'socket hang up'));
    await settle();
    expect(sleeps.slice(5)).toEqual([4000]);
    expect(subject.lists).toBe(2);
    server.watches[1]?.emit('ADDED', ns('b', {}, '9'));
    server.watches[1]?.end();
    await settle();
    server.lists.push({ items: [], resourceVersion: '10' });
    server.watches[2]?.fail(new Error('reset'));
    await settle();
    expect(sleeps.slice(6)).toEqual([500]);
    await subject.stop();
  });

  it('treats a watch that ends at once without events as a failure', async () => {
    const server = new FakeServer();
    server.lists.push({ items: [], resourceVersion: '1' }, { items: [], resourceVersion: '2' });
    const { subject, log, sleeps } = informer(server);
    subject.start();
    await settle();
    server.watches[0]?.end();
    await settle();
    expect(log).toContain(
      'namespace informer: the watch ended at once without an event; listing again in 500 ms',
    );
    expect(sleeps).toEqual([500]);
    expect(subject.lists).toBe(2);
    await subject.stop();
  });

  it('asks the API server before the first list, sharing concurrent lookups', async () => {
    const server = new FakeServer();
    server.objects.set('app', ns('app', { a: 'b' }));
    const { subject } = informer(server);
    subject.start();
    await settle();
    expect(subject.synced).toBe(false);
    const [first, second] = await Promise.all([subject.labels('app'), subject.labels('app')]);
    expect(first).toEqual({ a: 'b' });
    expect(second).toEqual({ a: 'b' });
    expect(server.gets).toEqual(['/api/v1/namespaces/app']);
    server.release({ items: [ns('app', { a: 'c' })], resourceVersion: '3' });
    await subject.whenSynced();
    await expect(subject.labels('app')).resolves.toEqual({ a: 'c' });
    expect(server.gets).toHaveLength(1);
    await subject.stop();
  });

  it('reports a watch ERROR other than 410 and lists again', async () => {
    const server = new FakeServer();
    server.lists.push({ items: [], resourceVersion: '1' }, { items: [], resourceVersion: '2' });
    const { subject, log } = informer(server);
    subject.start();
    await settle();
    server.watches[0]?.emit('ERROR', { kind: 'Status', code: 500, message: 'etcd timeout' });
    await settle();
    expect(log).toContain(
      'namespace informer: the watch reported an error (500): etcd timeout; listing again in 500 ms',
    );
    expect(subject.lists).toBe(2);
    await subject.stop();
  });
});

describe('staticNamespaces', () => {
  it('serves a static map offline', async () => {
    const lookup = staticNamespaces({ app: { a: 'b' } });
    await expect(lookup('app')).resolves.toEqual({ a: 'b' });
    await expect(lookup('other')).rejects.toThrow('not found');
  });
});
