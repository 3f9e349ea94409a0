/**
 * A minimal, read-mostly Kubernetes API client over `node:https`: JSON, keep-alive, a timeout,
 * typed errors, paginated lists, and the kubeconfig's authentication (client certificates,
 * bearer tokens, exec credential plugins).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage } from 'node:http';
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

export interface RequestOptions {
  /** A limit on the whole request (for `list`, on all its pages together), in ms. */
  timeoutMs?: number;
}

export interface ListResult {
  items: KubeObject[];
  /** The list's resourceVersion: a watch from it sees every later change. */
  resourceVersion: string | undefined;
}

/** One event of a watch: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR (object is a Status). */
export interface WatchEvent {
  type: string;
  object: Record<string, unknown>;
}

export interface Watch {
  /** Resolves when the stream ends or is stopped; rejects with KubeApiError on errors. */
  done: Promise<void>;
  stop(): void;
}

interface ListBody {
  items?: unknown[];
  metadata?: { continue?: string; resourceVersion?: string };
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

  /**
   * Starts a request and hands its response to `onResponse`. `timeoutMs` limits the whole
   * exchange (the client's timeout is a limit on inactivity); `idleMs` overrides the latter.
   */
  private async open(
    method: string,
    path: string,
    body: unknown,
    limits: { timeoutMs?: number; idleMs?: number },
    onResponse: (res: IncomingMessage, fail: (error: Error) => void) => void,
    started?: (req: ClientRequest) => void,
  ): Promise<void> {
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
    const idleMs = limits.idleMs ?? this.timeoutMs;
    await new Promise<void>((resolvePromise, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error instanceof KubeApiError ? error : new KubeApiError(0, path, error.message));
      };
      const req = httpsRequest(url, { method, headers, agent }, (res) => {
        // The handler's own 'end' listeners go first: they may still fail the request.
        onResponse(res, fail);
        res.on('error', (error) => fail(error));
        res.on('end', () => {
          clearTimeout(timer);
          resolvePromise();
        });
        res.on('close', () => {
          if (!res.complete) {
            fail(new Error('the connection closed before the response was complete'));
          }
        });
      });
      req.setTimeout(idleMs, () => {
        req.destroy(new Error(`timed out after ${idleMs} ms`));
      });
      if (limits.timeoutMs !== undefined) {
        const total = Math.max(0, limits.timeoutMs);
        timer = setTimeout(() => req.destroy(new Error(`timed out after ${total} ms`)), total);
      }
      req.on('error', (error) =>
        fail(new KubeApiError(0, path, `${method} ${url.href}: ${error.message}`)),
      );
      started?.(req);
      req.end(payload);
    });
  }

  /**
   * One request; resolves with the parsed JSON body, rejects with KubeApiError. `timeoutMs`
   * limits the whole request.
   */
  async request(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<unknown> {
    let result: unknown;
    await this.open(method, path, body, options, (res, fail) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          fail(new KubeApiError(status, path, statusMessage(status, path, text)));
          return;
        }
        try {
          result = JSON.parse(text) as unknown;
        } catch {
          fail(new KubeApiError(status, path, `the response to ${path} is not JSON`));
        }
      });
    });
    return result;
  }

  /**
   * All items of a collection, page by page (`limit` + `continue`). Each item's
   * `metadata.managedFields` (server-side apply bookkeeping, about 40 % of a Pod's JSON, read by
   * nothing in mamori) is dropped as its page arrives, so that it is not held for the whole list.
   */
  async list(path: string, options: RequestOptions = {}): Promise<KubeObject[]> {
    return (await this.listWithVersion(path, options)).items;
  }

  /**
   * `list`, with the list's `resourceVersion` (where a watch can start). `timeoutMs` limits all
   * pages together.
   */
  async listWithVersion(path: string, options: RequestOptions = {}): Promise<ListResult> {
    const items: KubeObject[] = [];
    const deadline =
      options.timeoutMs === undefined ? undefined : performance.now() + options.timeoutMs;
    let token: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const params = new URLSearchParams({ limit: String(this.pageSize) });
      if (token !== undefined) {
        params.set('continue', token);
      }
      const separator = path.includes('?') ? '&' : '?';
      const page = (await this.request(
        'GET',
        `${path}${separator}${params.toString()}`,
        undefined,
        deadline === undefined ? {} : { timeoutMs: deadline - performance.now() },
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
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      const next = page.metadata?.continue;
      token = next === undefined || next === '' ? undefined : next;
    } while (token !== undefined);
    return { items, resourceVersion };
  }

  /**
   * Watches a collection from `resourceVersion` (with bookmarks), calling `onEvent` for each
   * event as it arrives. The server ends the stream after `timeoutSeconds`; `done` then
   * resolves. It rejects with a KubeApiError on an HTTP error status (410 when the version is
   * too old) or a broken connection. `stop()` ends the watch; `done` then resolves.
   */
  watch(
    path: string,
    resourceVersion: string,
    onEvent: (event: WatchEvent) => void,
    { timeoutSeconds = 300 }: { timeoutSeconds?: number } = {},
  ): Watch {
    const params = new URLSearchParams({
      watch: '1',
      resourceVersion,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(timeoutSeconds),
    });
    const separator = path.includes('?') ? '&' : '?';
    const target = `${path}${separator}${params.toString()}`;
    let request: ClientRequest | undefined;
    let stopped = false;
    const done = this.open(
      'GET',
      target,
      undefined,
      // The server closes the stream at timeoutSeconds; silence well beyond it is a dead link.
      { idleMs: (timeoutSeconds + 30) * 1000 },
      (res, fail) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            fail(new KubeApiError(status, path, statusMessage(status, path, text)));
          });
          return;
        }
        res.setEncoding('utf8');
        let pending = '';
        res.on('data', (chunk: string) => {
          pending += chunk;
          let newline = pending.indexOf('\n');
          while (newline >= 0 && !stopped) {
            const line = pending.slice(0, newline).trim();
            pending = pending.slice(newline + 1);
            newline = pending.indexOf('\n');
            if (line === '') {
              continue;
            }
            let parsed: unknown;
            try {
              parsed = JSON.parse(line);
            } catch {
              res.destroy(new Error(`a watch event of ${path} is not JSON`));
              return;
            }
            if (isDict(parsed) && typeof parsed.type === 'string' && isDict(parsed.object)) {
              onEvent({ type: parsed.type, object: parsed.object });
            }
          }
        });
      },
      (req) => {
        request = req;
        if (stopped) {
          req.destroy();
        }
      },
    ).catch((error: unknown) => {
      if (!stopped) {
        throw error;
      }
    });
    return {
      done,
      stop: () => {
        stopped = true;
        request?.destroy();
      },
    };
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
