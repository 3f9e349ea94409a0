/**
 * The webhook's HTTPS server: AdmissionReview v1 on `/` and `/validate`, `/healthz`, `/readyz`
 * and Prometheus `/metrics`. Bad input is answered, never dropped: 413 over 3 MiB, 400 for a
 * wrong content type, bad JSON, a wrong kind or a review without `request`, 500 when the
 * evaluation itself crashes (the API server then applies the webhook's failurePolicy). The
 * certificate and key are re-read when either file changes, without a restart.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { decide, type ReviewContext } from './admission.js';
import type { WebhookPolicy } from './config.js';
import { WebhookMetrics } from './metrics.js';
import { MAX_BODY_BYTES, parseGoDuration, parseReview, reviewOf } from './review.js';

export interface WebhookServerOptions {
  certFile: string;
  keyFile: string;
  /** Default 127.0.0.1; 0.0.0.0 in a cluster. */
  bindAddress?: string;
  /** Default 8443; 0 picks a free port. */
  port?: number;
  policy: WebhookPolicy;
  namespaceLabels: ReviewContext['namespaceLabels'];
  /** Lists a namespace's pods when a Namespace update raises its enforce level. */
  listPods?: ReviewContext['listPods'];
  /** Whether to report ready on `/readyz` (default: always), e.g. once the namespace informer synced. */
  ready?: () => boolean;
  /** One line per event (audit results, errors, reloads). */
  log?: (line: string) => void;
  /** How often the certificate files are checked for changes, in ms (default 2000). */
  certPollMs?: number;
  maxBodyBytes?: number;
}

export interface WebhookServer {
  server: Server;
  metrics: WebhookMetrics;
  port: number;
  close(): Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string): void {
  const body = `${text}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function isJson(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase();
  return media === 'application/json';
}

/** Reads the body up to `limit` bytes; resolves undefined when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve(undefined);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) {
        return;
      }
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) {
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', reject);
  });
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const log = options.log ?? (() => undefined);
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const metrics = new WebhookMetrics();
  const context: ReviewContext = {
    policy: options.policy,
    namespaceLabels: options.namespaceLabels,
    ...(options.listPods === undefined ? {} : { listPods: options.listPods }),
  };
  const loadCredentials = () => ({
    cert: readFileSync(options.certFile),
    key: readFileSync(options.keyFile),
  });

  async function admission(
    req: IncomingMessage,
    res: ServerResponse,
    receivedAt: number,
  ): Promise<number> {
    if (req.method !== 'POST') {
      plain(res, 405, 'only POST is accepted');
      return 405;
    }
    if (!isJson(req.headers['content-type'])) {
      req.resume();
      plain(res, 400, 'unsupported content type: expected application/json');
      return 400;
    }
    const body = await readBody(req, limit);
    if (body === undefined) {
      if (req.headers['content-length'] === undefined) {
        // A chunked body of unknown length: do not read the rest.
        res.setHeader('Connection', 'close');
      }
      plain(res, 413, `request entity too large: limit is ${limit} bytes`);
      return 413;
    }
    const parsed = parseReview(body.toString('utf8'));
    if (!parsed.ok) {
      plain(res, parsed.status, parsed.message);
      return parsed.status;
    }
    const { request } = parsed;
    // kube-apiserver calls webhooks with `?timeout=10s`: how long it waits for the answer.
    const timeout = parseGoDuration(
      new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('timeout') ?? '',
    );
    let outcome;
    try {
      outcome = await decide(
        request,
        timeout === undefined ? context : { ...context, deadline: receivedAt + timeout },
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      log(`error: evaluating ${request.kind.kind} uid=${request.uid} failed: ${detail}`);
      metrics.decisions.inc({ kind: request.kind.kind, decision: 'error' });
      plain(res, 500, `internal error: ${detail}`);
      return 500;
    }
    metrics.decisions.inc({ kind: request.kind.kind, decision: outcome.decision });
    for (const line of outcome.log) {
      log(line);
    }
    const text = JSON.stringify(reviewOf(outcome.response));
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
    return 200;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const receivedAt = performance.now();
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    let status: number;
    if (path === '/readyz' && options.ready?.() === false) {
      req.resume();
      plain(res, 503, 'not ready: the namespace informer has not listed the namespaces yet');
      status = 503;
    } else if (path === '/healthz' || path === '/readyz') {
      req.resume();
      plain(res, 200, 'ok');
      status = 200;
    } else if (path === '/metrics') {
      req.resume();
      const text = metrics.render();
      res.writeHead(200, {
        'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
      status = 200;
    } else if (path === '/' || path === '/validate') {
      try {
        status = await admission(req, res, receivedAt);
      } catch (error) {
        status = 500;
        if (!res.headersSent) {
          plain(
            res,
            500,
            `internal error: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      metrics.latency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    } else {
      req.resume();
      plain(res, 404, 'not found');
      status = 404;
    }
    metrics.requests.inc({ path: path.length > 32 ? 'other' : path, code: String(status) });
  }

  const server = createServer(
    { ...loadCredentials(), minVersion: 'TLSv1.2' },
    (req, res) => void handle(req, res),
  );
  server.keepAliveTimeout = 65_000;
  // Slow clients cannot hold a connection without sending a whole request.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', (_error, socket) => {
    socket.destroy();
  });

  let lastPair = '';
  const reload = (): void => {
    try {
      const pair = loadCredentials();
      const fingerprint = `${pair.cert.toString('base64')}|${pair.key.toString('base64')}`;
      if (fingerprint === lastPair) {
        return;
      }
      createSecureContext(pair); // throws when the key does not match: keep the old context
      server.setSecureContext({ ...pair, minVersion: 'TLSv1.2' });
      lastPair = fingerprint;
      metrics.certReloads.inc({ result: 'success' });
      log('reloaded the serving certificate');
    } catch (error) {
      metrics.certReloads.inc({ result: 'failure' });
      log(
        `certificate reload failed (keeping the old one): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  {
    const pair = loadCredentials();
    lastPair = `${pair.cert.toString('base64')}|${pair.key.toString('base64')}`;
  }
  const interval = options.certPollMs ?? 2000;
  for (const file of [options.certFile, options.keyFile]) {
    watchFile(file, { interval, persistent: false }, reload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8443, options.bindAddress ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    metrics,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const file of [options.certFile, options.keyFile]) {
          unwatchFile(file, reload);
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
