/**
 * A minimal, read-mostly Kubernetes API client over `node:https`: JSON, keep-alive, a timeout,
 * typed errors, paginated lists, and the kubeconfig's authentication (client certificates,
 * bearer tokens, exec credential plugins).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { isAbsolute, join } from 'node:path';
import type { KubeObject } from '../../core/k8s.js';
import type { Connection, ExecConfig } from './kubeconfig.js';

/** An error status from the API server (or a transport failure, status 0). */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }

  /** 403: the identity may not do this; a coverage gap, not a failure. */
  get forbidden(): boolean {
    return this.status === 403;
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export interface ClientOptions {
  /** Per request, default 30 s. */
  timeoutMs?: number;
  /** Items per page of a list, default 500. */
  pageSize?: number;
  env?: Readonly<Record<string, string | undefined>>;
}

interface ExecCredential {
  token?: string;
  cert?: Buffer;
  key?: Buffer;
  expires?: number;
}

interface ListBody {
  items?: unknown[];
  metadata?: { continue?: string };
  kind?: string;
  apiVersion?: string;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function runPlugin(exec: ExecConfig, env: Readonly<Record<string, string | undefined>>) {
  const command =
    exec.command.includes('/') && !isAbsolute(exec.command)
      ? join(exec.baseDir, exec.command)
      : exec.command;
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) {
      childEnv[key] = value;
    }
  }
  for (const { name, value } of exec.env) {
    childEnv[name] = value;
  }
  childEnv.KUBERNETES_EXEC_INFO = JSON.stringify({
    apiVersion: exec.apiVersion,
    kind: 'ExecCredential',
    spec: { interactive: false },
  });
  return new Promise<ExecCredential>((resolvePromise, reject) => {
    execFile(
      command,
      exec.args,
      { env: childEnv, timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(
            new KubeApiError(
              0,
              '',
              `exec plugin ${exec.command} failed: ${stderr || error.message}`,
            ),
          );
          return;
        }
        try {
          const parsed: unknown = JSON.parse(stdout);
          const status = isDict(parsed) && isDict(parsed.status) ? parsed.status : {};
          const credential: ExecCredential = {};
          if (typeof status.token === 'string') {
            credential.token = status.token;
          }
          if (
            typeof status.clientCertificateData === 'string' &&
            typeof status.clientKeyData === 'string'
          ) {
            credential.cert = Buffer.from(status.clientCertificateData);
            credential.key = Buffer.from(status.clientKeyData);
          }
          if (typeof status.expirationTimestamp === 'string') {
            credential.expires = Date.parse(status.expirationTimestamp);
          }
          resolvePromise(credential);
        } catch (parseError) {
          reject(
            new KubeApiError(
              0,
              '',
              `exec plugin ${exec.command} printed no ExecCredential: ${String(parseError)}`,
            ),
          );
        }
      },
    );
  });
}

function statusMessage(status: number, path: string, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isDict(parsed) && typeof parsed.message === 'string') {
      return parsed.message;
    }
  } catch {
    // not a Status object
  }
  return `HTTP ${status} for ${path}`;
}

export class KubeClient {
  readonly connection: Connection;
  private readonly timeoutMs: number;
  private readonly pageSize: number;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private agent: Agent | undefined;
  private credential: ExecCredential | undefined;
  private pending: Promise<ExecCredential> | undefined;

  constructor(connection: Connection, options: ClientOptions = {}) {
    this.connection = connection;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.pageSize = options.pageSize ?? 500;
    this.env = options.env ?? process.env;
  }

  private async credentials(): Promise<ExecCredential> {
    const { exec } = this.connection;
    if (exec === undefined) {
      return {};
    }
    const current = this.credential;
    if (current !== undefined && (current.expires === undefined || current.expires > Date.now())) {
      return current;
    }
    // Concurrent requests share one run of the plugin.
    this.pending ??= runPlugin(exec, this.env).finally(() => {
      this.pending = undefined;
    });
    const fresh = await this.pending;
    if (this.credential !== fresh) {
      const certChanged = fresh.cert !== undefined && fresh.cert !== this.credential?.cert;
      this.credential = fresh;
      if (certChanged) {
        // A new client certificate needs new TLS connections; idle ones are dropped.
        this.agent?.destroy();
        this.agent = undefined;
      }
    }
    return fresh;
  }

  private agentFor(credential: ExecCredential): Agent {
    if (this.agent === undefined) {
      const { ca, clientCert, clientKey, insecureSkipTlsVerify, tlsServerName } = this.connection;
      this.agent = new Agent({
        keepAlive: true,
        maxSockets: 8,
        rejectUnauthorized: !insecureSkipTlsVerify,
        ...(ca === undefined ? {} : { ca }),
        ...(tlsServerName === undefined ? {} : { servername: tlsServerName }),
        ...(credential.cert !== undefined && credential.key !== undefined
          ? { cert: credential.cert, key: credential.key }
          : clientCert !== undefined && clientKey !== undefined
            ? { cert: clientCert, key: clientKey }
            : {}),
      });
    }
    return this.agent;
  }

  private bearer(credential: ExecCredential): string | undefined {
    if (credential.token !== undefined) {
      return credential.token;
    }
    if (this.connection.token !== undefined) {
      return this.connection.token;
    }
    if (this.connection.tokenFile !== undefined) {
      return readFileSync(this.connection.tokenFile, 'utf8').trim();
    }
    return undefined;
  }

  /** One request; resolves with the parsed JSON body, rejects with KubeApiError. */
  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const credential = await this.credentials();
    const url = new URL(this.connection.server + path);
    const token = this.bearer(credential);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== undefined) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const agent = this.agentFor(credential);
    return new Promise((resolvePromise, reject) => {
      const req = httpsRequest(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(new KubeApiError(0, path, error.message)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new KubeApiError(status, path, statusMessage(status, path, text)));
            return;
          }
          try {
            resolvePromise(JSON.parse(text) as unknown);
          } catch {
            reject(new KubeApiError(status, path, `the response to ${path} is not JSON`));
          }
        });
      });
      req.setTimeout(this.timeoutMs, () => {
        req.destroy(new Error(`timed out after ${this.timeoutMs} ms`));
      });
      req.on('error', (error) =>
        reject(new KubeApiError(0, path, `${method} ${url.href}: ${error.message}`)),
      );
      req.end(payload);
    });
  }

  /**
   * All items of a collection, page by page (`limit` + `continue`). Each item's
   * `metadata.managedFields` (server-side apply bookkeeping, about 40 % of a Pod's JSON, read by
   * nothing in mamori) is dropped as its page arrives, so that it is not held for the whole list.
   */
  async list(path: string): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let token: string | undefined;
    do {
      const params = new URLSearchParams({ limit: String(this.pageSize) });
      if (token !== undefined) {
        params.set('continue', token);
      }
      const separator = path.includes('?') ? '&' : '?';
      const page = (await this.request(
        'GET',
        `${path}${separator}${params.toString()}`,
      )) as ListBody;
      const itemKind = page.kind?.replace(/List$/, '');
      for (const item of page.items ?? []) {
        if (isDict(item)) {
          if (isDict(item.metadata)) {
            delete item.metadata.managedFields;
          }
          // List items carry no apiVersion and kind: the list names them.
          const object = { ...item } as KubeObject;
          object.apiVersion =
            typeof item.apiVersion === 'string' ? item.apiVersion : (page.apiVersion ?? 'v1');
          object.kind = typeof item.kind === 'string' ? item.kind : (itemKind ?? '');
          items.push(object);
        }
      }
      const next = page.metadata?.continue;
      token = next === undefined || next === '' ? undefined : next;
    } while (token !== undefined);
    return items;
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

/** Runs `work` over `items` with at most `limit` at a time; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) {
        return;
      }
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
