import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeconfigError, kubeconfigPaths, loadConnection } from './kubeconfig.js';
import { mapLimit } from './client.js';

let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mamori-kubeconfig-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: object | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const first = {
  'current-context': 'a',
  clusters: [
    {
      name: 'one',
      cluster: { server: 'https://one.example:6443/', 'certificate-authority': 'ca.pem' },
    },
  ],
  users: [{ name: 'alice', user: { token: 'first-token' } }],
  contexts: [{ name: 'a', context: { cluster: 'one', user: 'alice', namespace: 'apps' } }],
};
const second = {
  'current-context': 'b',
  clusters: [
    { name: 'one', cluster: { server: 'https://ignored.example' } },
    { name: 'two', cluster: { server: 'https://two.example', 'insecure-skip-tls-verify': true } },
  ],
  users: [
    { name: 'alice', user: { token: 'ignored' } },
    {
      name: 'bob',
      user: {
        'client-certificate-data': Buffer.from('CERT').toString('base64'),
        'client-key': 'key.pem',
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          command: './plugin',
          args: ['x'],
        },
      },
    },
  ],
  contexts: [{ name: 'b', context: { cluster: 'two', user: 'bob' } }],
};

describe('loadConnection', () => {
  it('merges KUBECONFIG files: the first to define a name or current-context wins', () => {
    write('ca.pem', 'CA');
    write('key.pem', 'KEY');
    const env = {
      KUBECONFIG: `${write('1', first)}:${join(dir, 'missing')}:${write('2', second)}`,
    };
    const a = loadConnection({ env });
    expect(a).toMatchObject({
      server: 'https://one.example:6443',
      context: 'a',
      namespace: 'apps',
      token: 'first-token',
      insecureSkipTlsVerify: false,
    });
    expect(a.ca?.toString()).toBe('CA');
    const b = loadConnection({ env, context: 'b' });
    expect(b).toMatchObject({ server: 'https://two.example', namespace: 'default' });
    expect(b.insecureSkipTlsVerify).toBe(true);
    expect(b.clientCert?.toString()).toBe('CERT');
    expect(b.clientKey?.toString()).toBe('KEY');
    expect(b.exec).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: './plugin',
      args: ['x'],
      env: [],
      baseDir: dir,
    });
  });

  it('prefers --kubeconfig, then KUBECONFIG, then ~/.kube/config', () => {
    mkdirSync(join(dir, '.kube'));
    const home = write('.kube/config', first);
    expect(kubeconfigPaths({ env: { HOME: dir } })).toEqual([home]);
    expect(kubeconfigPaths({ env: { HOME: dir, KUBECONFIG: home } })).toEqual([home]);
    expect(kubeconfigPaths({ kubeconfig: 'x', env: { HOME: dir } })).toEqual(['x']);
  });

  it('falls back to the in-cluster configuration', () => {
    mkdirSync(join(dir, 'sa'));
    write('sa/token', 'tok\n');
    write('sa/namespace', 'mamori');
    write('sa/ca.crt', 'CA');
    const connection = loadConnection({
      env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443', HOME: dir },
      serviceAccountDir: join(dir, 'sa'),
    });
    expect(connection).toMatchObject({
      server: 'https://10.0.0.1:443',
      context: 'in-cluster',
      namespace: 'mamori',
      tokenFile: join(dir, 'sa', 'token'),
    });
  });

  it('explains an unknown context and a missing configuration', () => {
    const path = write('1', first);
    expect(() => loadConnection({ kubeconfig: path, context: 'nope', env: {} })).toThrow(
      'context "nope" is not in the kubeconfig',
    );
    expect(() => loadConnection({ env: { HOME: dir } })).toThrow(KubeconfigError);
  });
});

describe('mapLimit', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((done) => setTimeout(done, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
