/**
 * A throwaway Kubernetes control plane on loopback for integration tests: etcd, kube-apiserver and
 * kube-controller-manager (no scheduler, no kubelet: admitted Pods stay Pending).
 *
 * Binaries come from `scripts/envtest/build.sh` (KUBEBUILDER_ASSETS, else built from the Go modules
 * pinned in scripts/envtest/go and cached under ~/.cache/mamori/envtest). PKI and kubeconfigs come
 * from `scripts/envtest/pki.sh` (openssl at run time) in a fresh temp dir.
 *
 * `startCluster()` always cleans up after itself: when starting fails halfway the processes it
 * started are stopped and the temp dir is removed before the error is thrown; `stop()` does the same
 * for a running stack, and a process `exit` hook kills whatever is still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** scripts/envtest, resolved from this file. */
export const ENVTEST_SCRIPTS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scripts',
  'envtest',
);

/** Milliseconds spent in each phase of `startCluster()`. */
export interface StartTimings {
  /** build.sh: near zero when the binaries are cached, 11–13 min for a cold build. */
  assetsMs: number;
  pkiMs: number;
  /** From spawning etcd to a healthy /health. */
  etcdMs: number;
  /** From spawning kube-apiserver to /readyz OK. */
  apiserverMs: number;
  /** From spawning kube-controller-manager to the `default` ServiceAccount in `default`. */
  controllerManagerMs: number;
  /** The three processes, from spawning etcd to a usable stack (excludes assets). */
  stackMs: number;
}

/** Everything a test needs to talk to a running stack. Plain JSON: can cross process boundaries. */
export interface ClusterInfo {
  /** https://127.0.0.1:PORT */
  server: string;
  /** etcd's client URL, http://127.0.0.1:PORT (e.g. to compact its history in a test). */
  etcdUrl: string;
  /** Admin kubeconfig (client certificate in system:masters, CA embedded). */
  kubeconfigPath: string;
  caPem: string;
  adminClientCertPem: string;
  adminClientKeyPem: string;
  /** A static bearer token, also in system:masters. */
  adminToken: string;
  /** Directory holding kube-apiserver, etcd, kube-controller-manager and kubectl. */
  assetsDir: string;
  /** kubectl v1.37.2, matching the server. */
  kubectlPath: string;
  /** Temp dir of this stack: pki/, kubeconfigs, etcd data, logs/. */
  dir: string;
  logDir: string;
  /** Audit log (level Metadata for everything): shows pod-security.kubernetes.io annotations. */
  auditLogPath: string;
  timings: StartTimings;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** Exit status; -1 when the process was killed by a signal. */
  code: number;
}

export interface KubectlOptions {
  /** Written to kubectl's stdin (e.g. for `apply -f -`). */
  stdin?: string;
  /** Default 60 s; the promise rejects when exceeded. */
  timeoutMs?: number;
}

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Texts of the `Warning` response headers, in order, unquoted. */
  warnings: string[];
}

/** A connection to a stack (possibly started by another process, e.g. Vitest's globalSetup). */
export interface ClusterClient extends ClusterInfo {
  /** Runs the built kubectl against the stack. Never rejects on a non-zero exit status. */
  kubectl(args: readonly string[], options?: KubectlOptions): Promise<ExecResult>;
  /** One HTTPS request to the apiserver as admin. `body` is sent as JSON unless it is a string. */
  request(method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

export interface Cluster extends ClusterClient {
  /** Stops the processes (TERM, then KILL after 10 s) and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * kube-controller-manager's --controllers. Default: MAMORI_ENVTEST_CONTROLLERS, else the list in
   * scripts/envtest/controllers.txt (what Deployments, ReplicaSets, Jobs… need; about 1.5 s to
   * start). `['*']` runs the full default set (about 6 s).
   */
  controllers?: readonly string[];
  /** Progress lines (build output, readiness). Default: process.stderr. */
  log?: (line: string) => void;
  /** Keep the temp dir after stop (also when MAMORI_ENVTEST_KEEP=1). It holds private keys. */
  keepDir?: boolean;
  /** Extra kube-apiserver flags, after the standard ones (e.g. `--watch-cache-sizes=…`). */
  apiserverArgs?: readonly string[];
}

/** Starting failed; the message names the process and carries the tail of its log. */
export class EnvtestError extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'EnvtestError';
  }
}

const defaultLog = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

let assetsPromise: Promise<string> | undefined;

/**
 * Runs build.sh once per process and returns the asset directory. Build progress is forwarded to
 * `log` line by line, since a cold build is long.
 */
export function ensureAssets(log: (line: string) => void = defaultLog): Promise<string> {
  assetsPromise ??= new Promise<string>((resolveAssets, reject) => {
    const child = spawn('bash', [join(ENVTEST_SCRIPTS, 'build.sh')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        log(line);
      }
      stderrTail = [...stderrTail, ...lines].slice(-40);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial !== '') {
        log(partial);
        stderrTail.push(partial);
      }
      const dir = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && dir !== '') {
        resolveAssets(dir);
      } else {
        reject(
          new EnvtestError(
            `scripts/envtest/build.sh failed (exit ${String(code)}):\n${stderrTail.join('\n')}`,
          ),
        );
      }
    });
  }).catch((error: unknown) => {
    assetsPromise = undefined;
    throw error;
  });
  return assetsPromise;
}

/** Starts etcd, kube-apiserver and kube-controller-manager and waits until the stack is usable. */
export async function startCluster(options: StartOptions = {}): Promise<Cluster> {
  const log = options.log ?? defaultLog;
  const t0 = performance.now();
  const assetsDir = await ensureAssets(log);
  const assetsMs = performance.now() - t0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(assetsDir, assetsMs, options, log);
    } catch (error) {
      // A port picked as free can be taken before our process binds it: try again with new ones.
      if (error instanceof EnvtestError && error.retryable && attempt < 3) {
        log(`[envtest] ${error.message.split('\n')[0] ?? ''}; retrying with other ports`);
        continue;
      }
      throw error;
    }
  }
}

/** A client for a stack described by `info` (no `stop`: the starter owns the processes). */
export function connectCluster(info: ClusterInfo): ClusterClient {
  const kubectl = (args: readonly string[], opts: KubectlOptions = {}): Promise<ExecResult> =>
    run(info.kubectlPath, args, {
      env: {
        ...process.env,
        KUBECONFIG: info.kubeconfigPath,
        KUBECACHEDIR: join(info.dir, 'kubectl-cache'),
        // No user preferences (~/.kube/kuberc) may change kubectl's behaviour or output.
        KUBERC: 'off',
      },
      stdin: opts.stdin,
      timeoutMs: opts.timeoutMs ?? 60_000,
    });
  const request = (method: string, path: string, body?: unknown): Promise<ApiResponse> =>
    apiRequest(info, method, path, body);
  return { ...info, kubectl, request };
}

/** The plain-JSON part of a cluster (e.g. for Vitest's `provide`), without its functions. */
export function clusterInfo(cluster: ClusterInfo): ClusterInfo {
  return {
    server: cluster.server,
    etcdUrl: cluster.etcdUrl,
    kubeconfigPath: cluster.kubeconfigPath,
    caPem: cluster.caPem,
    adminClientCertPem: cluster.adminClientCertPem,
    adminClientKeyPem: cluster.adminClientKeyPem,
    adminToken: cluster.adminToken,
    assetsDir: cluster.assetsDir,
    kubectlPath: cluster.kubectlPath,
    dir: cluster.dir,
    logDir: cluster.logDir,
    auditLogPath: cluster.auditLogPath,
    timings: { ...cluster.timings },
  };
}

// ---------------------------------------------------------------------------------------------

interface Proc {
  name: string;
  child: ChildProcess;
  logPath: string;
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  exited: Promise<void>;
}

const live = new Set<ChildProcess>();
/** Temp dirs of running stacks (they hold private keys), removed by the exit hook too. */
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  // Last resort when the test runner exits without calling stop(): synchronous work only.
  process.on('exit', () => {
    for (const child of live) {
      child.kill('SIGKILL');
    }
    for (const dir of liveDirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

function spawnLogged(name: string, file: string, args: readonly string[], logDir: string): Proc {
  const logPath = join(logDir, `${name}.log`);
  const fd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(file, args, { stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  installExitHook();
  live.add(child);
  const proc: Proc = {
    name,
    child,
    logPath,
    exited: new Promise<void>((resolveExit) => {
      child.on('exit', (code, signal) => {
        proc.exit = { code, signal };
        live.delete(child);
        resolveExit();
      });
      child.on('error', (error) => {
        proc.exit = { code: -1, signal: null };
        live.delete(child);
        void appendNote(logPath, `spawn failed: ${error.message}`);
        resolveExit();
      });
    }),
  };
  return proc;
}

async function appendNote(path: string, note: string): Promise<void> {
  await appendFile(path, `\n[envtest] ${note}\n`);
}

async function stopProcs(procs: readonly Proc[]): Promise<void> {
  for (const proc of [...procs].reverse()) {
    if (proc.exit !== undefined) {
      continue;
    }
    proc.child.kill('SIGTERM');
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
    await proc.exited;
    clearTimeout(timer);
  }
}

async function logTail(path: string, lines = 25): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
    const keep = process.env['MAMORI_ENVTEST_KEEP'] === '1';
    return keep ? tail : `${tail}\n(the directory is removed; MAMORI_ENVTEST_KEEP=1 keeps it)`;
  } catch {
    return '(no log)';
  }
}

async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolvePort, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => {
              resolvePort((server.address() as AddressInfo).port);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((done) => {
            if (server.listening) {
              server.close(() => {
                done();
              });
            } else {
              done();
            }
          }),
      ),
    );
  }
}

const sleep = (ms: number): Promise<void> =>
  new Promise((done) => {
    setTimeout(done, ms);
  });

async function waitReady(
  proc: Proc,
  timeoutMs: number,
  check: () => Promise<boolean>,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (proc.exit !== undefined) {
      const tail = await logTail(proc.logPath);
      throw new EnvtestError(
        `${proc.name} exited during startup (code ${String(proc.exit.code)}, signal ${String(proc.exit.signal)}); last lines of ${proc.logPath}:\n${tail}`,
        /address already in use/i.test(tail),
      );
    }
    if (await check().catch(() => false)) {
      return;
    }
    if (performance.now() > deadline) {
      throw new EnvtestError(
        `${proc.name}: ${what} not reached after ${timeoutMs / 1000} s; last lines of ${proc.logPath}:\n${await logTail(proc.logPath)}`,
      );
    }
    await sleep(200);
  }
}

function runScript(script: string, args: readonly string[]): Promise<void> {
  return run('bash', [join(ENVTEST_SCRIPTS, script), ...args], { timeoutMs: 60_000 }).then(
    (result) => {
      if (result.code !== 0) {
        throw new EnvtestError(`scripts/envtest/${script} failed:\n${result.stderr}`);
      }
    },
  );
}

async function startOnce(
  assetsDir: string,
  assetsMs: number,
  options: StartOptions,
  log: (line: string) => void,
): Promise<Cluster> {
  const dir = await mkdtemp(join(tmpdir(), 'mamori-envtest-'));
  const logDir = join(dir, 'logs');
  const pki = join(dir, 'pki');
  const procs: Proc[] = [];
  const keep = options.keepDir === true || process.env['MAMORI_ENVTEST_KEEP'] === '1';
  installExitHook();
  if (!keep) {
    liveDirs.add(dir);
  }
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      await stopProcs(procs);
      if (keep) {
        log(`[envtest] kept ${dir}`);
      } else {
        await rm(dir, { recursive: true, force: true });
        liveDirs.delete(dir);
      }
    })();
    return stopped;
  };

  try {
    await mkdir(logDir);
    const [etcdPort, peerPort, apiPort, kcmPort] = (await freePorts(4)) as [
      number,
      number,
      number,
      number,
    ];
    const server = `https://127.0.0.1:${apiPort}`;
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;

    let t = performance.now();
    await runScript('pki.sh', [dir, server]);
    const pkiMs = performance.now() - t;
    const [caPem, adminClientCertPem, adminClientKeyPem, adminToken] = await Promise.all(
      ['ca.crt', 'admin.crt', 'admin.key', 'admin.token'].map((f) =>
        readFile(join(pki, f), 'utf8'),
      ),
    );
    const info: ClusterInfo = {
      server,
      etcdUrl,
      kubeconfigPath: join(dir, 'admin.kubeconfig'),
      caPem: caPem!,
      adminClientCertPem: adminClientCertPem!,
      adminClientKeyPem: adminClientKeyPem!,
      adminToken: adminToken!,
      assetsDir,
      kubectlPath: join(assetsDir, 'kubectl'),
      dir,
      logDir,
      auditLogPath: join(logDir, 'audit.log'),
      timings: {
        assetsMs,
        pkiMs,
        etcdMs: 0,
        apiserverMs: 0,
        controllerManagerMs: 0,
        stackMs: 0,
      },
    };

    const stackStart = performance.now();
    t = stackStart;
    const etcd = spawnLogged(
      'etcd',
      join(assetsDir, 'etcd'),
      [
        '--name=default',
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        '--unsafe-no-fsync=true',
        '--log-level=warn',
      ],
      logDir,
    );
    procs.push(etcd);
    await waitReady(
      etcd,
      30_000,
      async () => {
        const res = await plainGet(`${etcdUrl}/health`);
        return res.status === 200 && res.body.includes('"health":"true"');
      },
      'healthy /health',
    );
    info.timings.etcdMs = performance.now() - t;

    t = performance.now();
    const apiserver = spawnLogged(
      'kube-apiserver',
      join(assetsDir, 'kube-apiserver'),
      [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--tls-cert-file=${join(pki, 'apiserver.crt')}`,
        `--tls-private-key-file=${join(pki, 'apiserver.key')}`,
        `--client-ca-file=${join(pki, 'ca.crt')}`,
        `--token-auth-file=${join(pki, 'tokens.csv')}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${join(pki, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(pki, 'sa.key')}`,
        '--service-cluster-ip-range=10.0.0.0/24',
        '--authorization-mode=RBAC',
        // v1.37 refuses a loopback advertise address unless the endpoint reconciler is off.
        '--endpoint-reconciler-type=none',
        // Otherwise privileged pods fail validation before Pod Security Admission sees them.
        '--allow-privileged=true',
        `--audit-policy-file=${join(dir, 'audit-policy.yaml')}`,
        `--audit-log-path=${info.auditLogPath}`,
        ...(options.apiserverArgs ?? []),
      ],
      logDir,
    );
    procs.push(apiserver);
    await waitReady(
      apiserver,
      90_000,
      async () => (await apiRequest(info, 'GET', '/readyz')).status === 200,
      '/readyz OK',
    );
    info.timings.apiserverMs = performance.now() - t;

    t = performance.now();
    const kcmKubeconfig = join(dir, 'kube-controller-manager.kubeconfig');
    const kcm = spawnLogged(
      'kube-controller-manager',
      join(assetsDir, 'kube-controller-manager'),
      [
        `--kubeconfig=${kcmKubeconfig}`,
        `--authentication-kubeconfig=${kcmKubeconfig}`,
        `--authorization-kubeconfig=${kcmKubeconfig}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${kcmPort}`,
        '--leader-elect=false',
        '--use-service-account-credentials=true',
        `--service-account-private-key-file=${join(pki, 'sa.key')}`,
        `--root-ca-file=${join(pki, 'ca.crt')}`,
        `--cluster-signing-cert-file=${join(pki, 'ca.crt')}`,
        `--cluster-signing-key-file=${join(pki, 'ca.key')}`,
        `--controllers=${await controllerList(options)}`,
      ],
      logDir,
    );
    procs.push(kcm);
    await waitReady(
      kcm,
      90_000,
      async () =>
        (await apiRequest(info, 'GET', '/api/v1/namespaces/default/serviceaccounts/default'))
          .status === 200,
      'the default ServiceAccount in namespace default',
    );
    info.timings.controllerManagerMs = performance.now() - t;
    info.timings.stackMs = performance.now() - stackStart;
    log(
      `[envtest] stack usable in ${(info.timings.stackMs / 1000).toFixed(1)} s at ${server} (etcd ${fmt(info.timings.etcdMs)}, kube-apiserver ${fmt(info.timings.apiserverMs)}, kube-controller-manager ${fmt(info.timings.controllerManagerMs)})`,
    );
    return { ...connectCluster(info), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function controllerList(options: StartOptions): Promise<string> {
  if (options.controllers !== undefined) {
    return options.controllers.join(',');
  }
  const fromEnv = process.env['MAMORI_ENVTEST_CONTROLLERS'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv;
  }
  const text = await readFile(join(ENVTEST_SCRIPTS, 'controllers.txt'), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join(',');
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function plainGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const req = httpRequest(url, { timeout: 2_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolveGet({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: GET ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

function apiRequest(
  info: ClusterInfo,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse> {
  const payload =
    body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolveRequest, reject) => {
    const req = httpsRequest(
      new URL(path, info.server),
      {
        method,
        ca: info.caPem,
        cert: info.adminClientCertPem,
        key: info.adminClientKeyPem,
        agent: false,
        timeout: 10_000,
        headers: {
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : {
                'content-type':
                  method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
              }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const warnings: string[] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
            if (res.rawHeaders[i]!.toLowerCase() === 'warning') {
              warnings.push(parseWarningHeader(res.rawHeaders[i + 1]!));
            }
          }
          resolveRequest({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            warnings,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** `299 - "text"` → `text` (RFC 7234 quoted-string). Anything else is returned as is. */
export function parseWarningHeader(value: string): string {
  const match = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(value);
  return match === null ? value : match[1]!.replace(/\\(.)/g, '$1');
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string | undefined;
  timeoutMs: number;
}

/** Runs a program to completion, capturing its output. Rejects only on spawn errors and timeouts. */
export function run(
  file: string,
  args: readonly string[],
  options: RunOptions = { timeoutMs: 60_000 },
): Promise<ExecResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(file, args, {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new Error(`${file} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${stderr}`),
        );
      } else {
        resolveRun({ stdout, stderr, code: code ?? -1 });
      }
    });
    child.stdin.on('error', () => {
      // The program may exit without reading its input; its exit status tells what happened.
    });
    child.stdin.end(options.stdin ?? '');
  });
}
