// `npm run bench:webhook`: drives `mamori webhook serve` (a child process) over loopback TLS.
//   1. closed loop at a fixed concurrency: throughput and latency;
//   2. open loop at a constant rate (default 1,000 requests/s): p50/p99/p99.9 (target p99 < 5 ms);
//   3. a sustained phase with malformed, oversized, wrong-kind and request-less reviews mixed in:
//      every request must be answered with the expected status, the server must not crash, and
//      its RSS must stay flat.
// Bounded in count and time; loopback only. Tunables: BENCH_CONCURRENCY, BENCH_REQUESTS,
// BENCH_RATE, BENCH_SECONDS, BENCH_SUSTAIN_SECONDS.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const CONCURRENCY = env('BENCH_CONCURRENCY', 16);
const REQUESTS = env('BENCH_REQUESTS', 20_000);
const RATE = env('BENCH_RATE', 1000);
const SECONDS = env('BENCH_SECONDS', 15);
const SUSTAIN_SECONDS = env('BENCH_SUSTAIN_SECONDS', 20);

process.stderr.write('bench:webhook: building…\n');
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const { generateTestPki } = await import('../dist/src/webhook/testing.js');

const pki = generateTestPki();
const PSA = 'pod-security.kubernetes.io';
writeFileSync(
  join(pki.dir, 'namespaces.json'),
  JSON.stringify({
    app: {
      [`${PSA}/enforce`]: 'baseline',
      [`${PSA}/warn`]: 'restricted',
      [`${PSA}/audit`]: 'restricted',
    },
  }),
);
writeFileSync(
  join(pki.dir, 'mamori.yaml'),
  'webhook:\n  exemptions: { namespaces: [kube-system] }\n',
);

const server = spawn(
  process.execPath,
  [
    join(root, 'dist/bin/mamori.js'),
    'webhook',
    'serve',
    `--tls-cert-file=${pki.certFile}`,
    `--tls-private-key-file=${pki.keyFile}`,
    '--port=0',
    `--config=${join(pki.dir, 'mamori.yaml')}`,
    `--namespaces-file=${join(pki.dir, 'namespaces.json')}`,
  ],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);
let serverExited = false;
server.on('exit', () => (serverExited = true));
let stderrTail = '';
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`server did not start: ${stderrTail}`)), 20_000);
  server.stderr.on('data', (chunk) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
    const match = /listening on https:\/\/127\.0\.0\.1:(\d+)/.exec(stderrTail);
    if (match) {
      clearTimeout(timer);
      resolve(Number(match[1]));
    }
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderrTail}`)));
});

const cleanup = () => {
  if (!serverExited) {
    server.kill('SIGTERM');
  }
  rmSync(pki.dir, { recursive: true, force: true });
};
process.on('exit', cleanup);

// --- requests -------------------------------------------------------------------------------
const restricted = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'app',
      image: 'registry.example/app:1.2.3',
      ports: [{ containerPort: 8080 }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};
const privileged = {
  containers: [
    { name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: true } },
    { name: 'sidecar', image: 'envoy:1.30', ports: [{ containerPort: 15001 }] },
  ],
  volumes: [{ name: 'data', emptyDir: {} }],
};
let uid = 0;
function review(spec, kind = 'AdmissionReview') {
  uid += 1;
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind,
    request: {
      uid: `bench-${uid}`,
      kind: { group: '', version: 'v1', kind: 'Pod' },
      resource: { group: '', version: 'v1', resource: 'pods' },
      requestKind: { group: '', version: 'v1', kind: 'Pod' },
      name: `pod-${uid}`,
      namespace: 'app',
      operation: 'CREATE',
      userInfo: { username: 'system:serviceaccount:kube-system:replicaset-controller' },
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `pod-${uid}`, namespace: 'app', labels: { app: 'bench' } },
        spec,
      },
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    },
  });
}
const OVERSIZED = Buffer.alloc(3 * 1024 * 1024 + 1, 0x20);
const NO_REQUEST = JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' });

const agent = new Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, 64), ca: pki.caPem });

function send(body, contentType = 'application/json') {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/validate',
        method: 'POST',
        agent,
        headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString(), ms });
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: String(error), ms: 0 }));
    req.end(body);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function summary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const f = (ms) => `${ms.toFixed(2)} ms`;
  return `p50 ${f(percentile(sorted, 50))}, p99 ${f(percentile(sorted, 99))}, p99.9 ${f(percentile(sorted, 99.9))}, max ${f(sorted.at(-1) ?? NaN)}`;
}
function rssMiB() {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
function cpuSeconds() {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const valid = () => review(uid % 2 === 0 ? restricted : privileged);
function check(reply, expected, failures) {
  if (reply.status !== expected) {
    failures.push(`expected ${expected}, got ${reply.status}: ${reply.body.slice(0, 120)}`);
  }
}

// Warm-up.
for (let i = 0; i < 500; i++) {
  await send(valid());
}

// --- 1. closed loop -----------------------------------------------------------------------------
{
  const latencies = [];
  const failures = [];
  let issued = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = performance.now();
  const cpu0 = cpuSeconds();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued < REQUESTS && Date.now() < deadline) {
        issued += 1;
        const reply = await send(valid());
        check(reply, 200, failures);
        latencies.push(reply.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `closed loop, concurrency ${CONCURRENCY}: ${latencies.length} requests in ${seconds.toFixed(1)} s = ` +
      `${Math.round(latencies.length / seconds)} requests/s; ${summary(latencies)}; ` +
      `server CPU ${(((cpuSeconds() - cpu0) / seconds) * 100).toFixed(0)} % of a core; errors ${failures.length}`,
  );
}

// --- 2 and 3. open loop at a fixed rate -------------------------------------------------------
async function openLoop(rate, seconds, pick) {
  const latencies = [];
  const failures = [];
  const pending = [];
  const rss = [];
  const started = performance.now();
  const cpu0 = cpuSeconds();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const { body, contentType, expected } = pick(sent);
      pending.push(
        send(body, contentType).then((reply) => {
          check(reply, expected, failures);
          if (expected === 200) {
            latencies.push(reply.ms);
          }
        }),
      );
    }
    if (sent % rate < 2 && rss.length < Math.floor((performance.now() - started) / 1000) + 1) {
      rss.push(rssMiB());
    }
    await new Promise((done) => setTimeout(done, 1));
  }
  await Promise.all(pending);
  rss.push(rssMiB());
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, failures, sent, rss, cpu: ((cpuSeconds() - cpu0) / elapsed) * 100 };
}

/** The server's own latency histogram (cumulative bucket counts by upper bound). */
function serverBuckets() {
  return new Promise((resolve) => {
    request({ host: '127.0.0.1', port, path: '/metrics', agent }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const buckets = new Map();
        for (const m of text.matchAll(/_duration_seconds_bucket\{le="([^"]+)"\} (\d+)/g)) {
          buckets.set(m[1], Number(m[2]));
        }
        resolve(buckets);
      });
    }).end();
  });
}

{
  const before = await serverBuckets();
  const result = await openLoop(RATE, SECONDS, () => ({ body: valid(), expected: 200 }));
  const after = await serverBuckets();
  const total = after.get('+Inf') - before.get('+Inf');
  const within = (le) => (((after.get(le) - before.get(le)) / total) * 100).toFixed(2);
  console.log(
    `  server-side (its histogram): ${within('0.001')} % within 1 ms, ${within('0.0025')} % within 2.5 ms, ` +
      `${within('0.005')} % within 5 ms`,
  );
  const p99 = percentile(Float64Array.from(result.latencies).sort(), 99);
  console.log(
    `open loop, ${RATE} requests/s for ${SECONDS} s: ${result.sent} sent, ${result.latencies.length} answered; ` +
      `${summary(result.latencies)}; server CPU ${result.cpu.toFixed(0)} % of a core; errors ${result.failures.length}; ` +
      `p99 < 5 ms: ${p99 < 5 ? 'yes' : 'NO'}`,
  );
}

{
  const mix = (n) => {
    const slot = n % 100;
    if (slot < 6) return { body: '{"apiVersion": "admission.k8s.io/v1", ', expected: 400 };
    if (slot < 12) return { body: review(restricted, 'Pod'), expected: 400 };
    if (slot < 18) return { body: NO_REQUEST, expected: 400 };
    if (slot < 22) return { body: valid(), contentType: 'text/plain', expected: 400 };
    if (slot === 50) return { body: OVERSIZED, expected: 413 };
    return { body: valid(), expected: 200 };
  };
  const result = await openLoop(Math.round(RATE / 2), SUSTAIN_SECONDS, mix);
  const first = result.rss[1] ?? result.rss[0];
  const last = result.rss.at(-1);
  console.log(
    `sustained mixed load, ${Math.round(RATE / 2)} requests/s for ${SUSTAIN_SECONDS} s (22 % bad, 1 % over 3 MiB): ` +
      `${result.sent} sent, all answered as expected: ${result.failures.length === 0 ? 'yes' : `NO (${result.failures.length}: ${result.failures[0]})`}; ` +
      `valid ${summary(result.latencies)}; server alive: ${serverExited ? 'NO' : 'yes'}; ` +
      `RSS ${first.toFixed(0)} → ${last.toFixed(0)} MiB (max ${Math.max(...result.rss).toFixed(0)})`,
  );
  if (result.failures.length > 0 || serverExited) {
    process.exitCode = 1;
  }
}

agent.destroy();
cleanup();
