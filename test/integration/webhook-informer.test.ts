/**
 * The webhook's namespace informer on a real kube-apiserver that does not cache namespaces
 * (`--watch-cache-sizes=namespaces#0`): watches go to etcd, so a watch from a resourceVersion
 * that etcd has compacted away gets a real 410 Gone. This file starts its own stack for that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/sources/cluster/client.js';
import { loadConnection } from '../../src/sources/cluster/kubeconfig.js';
import { NamespaceInformer, type NamespaceClient } from '../../src/webhook/namespaces.js';
import { startCluster, type Cluster } from '../envtest/cluster.js';
import { createNamespace, kubectlOk, uniqueName, waitFor } from '../envtest/kube.js';

let cluster: Cluster | undefined;

beforeAll(async () => {
  cluster = await startCluster({ apiserverArgs: ['--watch-cache-sizes=namespaces#0'] });
}, 40 * 60_000);

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

function started(): Cluster {
  if (cluster === undefined) {
    throw new Error('the envtest stack did not start');
  }
  return cluster;
}

/** etcd's JSON gateway: one call. */
async function etcd(path: string, body: object): Promise<{ header: { revision: string } }> {
  const res = await fetch(`${started().etcdUrl}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { header: { revision: string } };
}

/** Compacts etcd's history up to its current revision: older resourceVersions are gone. */
async function compactEtcd(): Promise<string> {
  const { header } = await etcd('/v3/kv/range', { key: Buffer.from('probe').toString('base64') });
  await etcd('/v3/kv/compaction', { revision: header.revision, physical: true });
  return header.revision;
}

describe('NamespaceInformer against kube-apiserver and etcd', () => {
  it('lists again on 410 Gone and then follows changes through its new watch', async () => {
    const c = started();
    const kube = new KubeClient(loadConnection({ kubeconfig: c.kubeconfigPath, env: {} }));
    const first = uniqueName('first');
    let watches = 0;
    // Between the first list and its watch, a namespace changes and etcd compacts its history:
    // the watch then starts from a resourceVersion that no longer exists.
    const client: NamespaceClient = {
      listWithVersion: (path, options) => kube.listWithVersion(path, options),
      request: (method, path, body, options) => kube.request(method, path, body, options),
      watch: (path, version, onEvent, options) => {
        if (watches++ > 0) {
          return kube.watch(path, version, onEvent, options);
        }
        let stopped = false;
        let inner: ReturnType<KubeClient['watch']> | undefined;
        const done = (async () => {
          await createNamespace(c, first, { stage: 'one' });
          const revision = await compactEtcd();
          expect(Number(revision)).toBeGreaterThan(Number(version));
          if (!stopped) {
            inner = kube.watch(path, version, onEvent, options);
            await inner.done;
          }
        })();
        return {
          done,
          stop: () => {
            stopped = true;
            inner?.stop();
          },
        };
      },
    };
    const log: string[] = [];
    const informer = new NamespaceInformer(client, { log: (line) => log.push(line) });
    informer.start();
    const second = uniqueName('second');
    try {
      await informer.whenSynced();
      expect(informer.has('default')).toBe(true);
      expect(informer.has(first)).toBe(false);
      await waitFor('a second list', () => Promise.resolve(informer.lists >= 2 ? true : undefined));
      expect(log).toContain('namespace informer: the watch is too old (410 Gone); listing again');
      // The second list has the namespace created while the first watch was not running.
      expect(informer.has(first)).toBe(true);
      // The second watch follows changes: no lookup is needed for a new namespace or a label.
      await createNamespace(c, second, { stage: 'one' });
      await waitFor('the new namespace in the store', () =>
        Promise.resolve(informer.has(second) ? true : undefined),
      );
      await kubectlOk(c, ['label', '--overwrite', 'ns', first, 'stage=two']);
      await waitFor('the label change in the store', async () =>
        (await informer.labels(first))?.stage === 'two' ? true : undefined,
      );
      await kubectlOk(c, ['delete', 'ns', second, '--wait=true']);
      await waitFor('the deletion in the store', () =>
        Promise.resolve(informer.has(second) ? undefined : true),
      );
      expect(watches).toBe(2);
      expect(informer.lists).toBe(2);
    } finally {
      await informer.stop();
      kube.close();
    }
  }, 120_000);
});
