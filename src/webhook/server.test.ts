import { copyFileSync, rmSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_POLICY } from './config.js';
import { startWebhookServer, type WebhookServer } from './server.js';
import { generateTestPki, issueServingCert, type TestPki } from './testing.js';

interface Reply {
  status: number;
  body: string;
  contentType: string;
  serial: string;
}

let pki: TestPki;
let server: WebhookServer;
const logs: string[] = [];
let isReady = true;
/** The time budgets the Namespace check was given for listing pods. */
const listBudgets: number[] = [];

const PSA = 'pod-security.kubernetes.io';
/** Labels whose reading crashes, as an evaluation bug would. */
const exploding = new Proxy(
  {},
  {
    ownKeys: () => {
      throw new Error('boom');
    },
  },
);

beforeAll(async () => {
  pki = generateTestPki();
  server = await startWebhookServer({
    certFile: pki.certFile,
    keyFile: pki.keyFile,
    port: 0,
    policy: DEFAULT_WEBHOOK_POLICY,
    certPollMs: 50,
    log: (line) => logs.push(line),
    namespaceLabels: (name) =>
      name === 'crash'
        ? Promise.resolve(exploding)
        : Promise.resolve({ [`${PSA}/enforce`]: 'baseline' }),
    listPods: (_namespace, timeoutMs) => {
      listBudgets.push(timeoutMs);
      return Promise.resolve([]);
    },
    ready: () => isReady,
  });
});

afterAll(async () => {
  await server.close();
  rmSync(pki.dir, { recursive: true, force: true });
});

function send(
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  method = 'POST',
): Promise<Reply> {
  const options: RequestOptions = {
    host: '127.0.0.1',
    port: server.port,
    path,
    method,
    ca: pki.caPem,
    headers,
    agent: false,
  };
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          contentType: String(res.headers['content-type']),
          serial:
            res.socket instanceof TLSSocket ? res.socket.getPeerCertificate().serialNumber : '',
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function review(request: unknown): string {
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request });
}

const podRequest = (namespace: string) => ({
  uid: 'uid-1',
  kind: { group: '', version: 'v1', kind: 'Pod' },
  resource: { group: '', version: 'v1', resource: 'pods' },
  name: 'p',
  namespace,
  operation: 'CREATE',
  userInfo: { username: 'alice' },
  object: {
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'x', securityContext: { privileged: true } }] },
  },
});

describe('webhook server', () => {
  it('answers health checks', async () => {
    expect((await send('/healthz', undefined, {}, 'GET')).status).toBe(200);
    expect((await send('/readyz', undefined, {}, 'GET')).status).toBe(200);
    expect((await send('/nope', undefined, {}, 'GET')).status).toBe(404);
  });

  it('is not ready until told so, and healthy throughout', async () => {
    isReady = false;
    try {
      const reply = await send('/readyz', undefined, {}, 'GET');
      expect(reply.status).toBe(503);
      expect(reply.body).toBe(
        'not ready: the namespace informer has not listed the namespaces yet\n',
      );
      expect((await send('/healthz', undefined, {}, 'GET')).status).toBe(200);
    } finally {
      isReady = true;
    }
    expect((await send('/readyz', undefined, {}, 'GET')).status).toBe(200);
  });

  it('gives the existing-pods check at most half of the ?timeout= of the call, and 1 s', async () => {
    const raise = review({
      uid: 'uid-ns',
      kind: { group: '', version: 'v1', kind: 'Namespace' },
      resource: { group: '', version: 'v1', resource: 'namespaces' },
      name: 'shop',
      operation: 'UPDATE',
      userInfo: { username: 'alice' },
      object: { metadata: { name: 'shop', labels: { [`${PSA}/enforce`]: 'restricted' } } },
      oldObject: { metadata: { name: 'shop' } },
    });
    listBudgets.length = 0;
    for (const path of ['/validate', '/validate?timeout=10s', '/validate?timeout=1s']) {
      const reply = await send(path, raise);
      expect(JSON.parse(reply.body)).toMatchObject({ response: { uid: 'uid-ns', allowed: true } });
    }
    const [none, ten, one] = listBudgets;
    expect(none).toBe(1000);
    expect(ten).toBe(1000);
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThanOrEqual(500);
  });

  it('answers an AdmissionReview with the decision and the uid', async () => {
    const reply = await send('/validate', review(podRequest('app')));
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('application/json');
    const parsed = JSON.parse(reply.body) as { response: Record<string, unknown> };
    expect(parsed).toMatchObject({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: {
        uid: 'uid-1',
        allowed: false,
        status: {
          code: 403,
          message:
            'pods "p" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)',
        },
      },
    });
  });

  it.each([
    ['a wrong content type', review(podRequest('app')), { 'Content-Type': 'text/plain' }, 400],
    ['invalid JSON', '{"apiVersion":', undefined, 400],
    ['a wrong kind', JSON.stringify({ apiVersion: 'v1', kind: 'Pod' }), undefined, 400],
    ['a review without request', review(undefined), undefined, 400],
    ['an empty body', '', undefined, 400],
  ])('answers %s with %s… as plain text', async (_what, body, headers, status) => {
    const reply = await send('/', body, headers);
    expect(reply.status).toBe(status);
    expect(reply.contentType).toMatch(/^text\/plain/);
  });

  it('answers bodies over 3 MiB with 413', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024 + 1, 0x20);
    const reply = await send('/', body);
    expect(reply.status).toBe(413);
    const chunked = await send('/', body, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    expect(chunked.status).toBe(413);
  });

  it('answers 500 when the evaluation crashes (failurePolicy then applies)', async () => {
    const reply = await send('/', review(podRequest('crash')));
    expect(reply.status).toBe(500);
    expect(reply.body).toContain('boom');
    expect(logs.some((line) => line.includes('boom'))).toBe(true);
  });

  it('exposes Prometheus metrics', async () => {
    const reply = await send('/metrics', undefined, {}, 'GET');
    expect(reply.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(reply.body).toContain('# TYPE mamori_webhook_requests_total counter');
    expect(reply.body).toContain('# TYPE mamori_webhook_namespace_lists_total counter');
    expect(reply.body).toMatch(/mamori_webhook_requests_total\{path="\/validate",code="200"\} \d+/);
    expect(reply.body).toContain('mamori_webhook_decisions_total{kind="Pod",decision="deny"} 1');
    expect(reply.body).toMatch(/mamori_webhook_request_duration_seconds_bucket\{le="\+Inf"\} \d+/);
  });

  it('reloads the certificate when the files change', async () => {
    const before = (await send('/healthz', undefined, {}, 'GET')).serial;
    const next = issueServingCert(pki.dir, 'next');
    copyFileSync(next.keyFile, pki.keyFile);
    copyFileSync(next.certFile, pki.certFile);
    let after = before;
    for (let attempt = 0; attempt < 100 && after === before; attempt++) {
      await new Promise((done) => setTimeout(done, 50));
      after = (await send('/healthz', undefined, {}, 'GET')).serial;
    }
    expect(after).not.toBe(before);
  });
});
