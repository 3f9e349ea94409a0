// `npm run bench:cluster`: `mamori cluster` on a live API server holding 10,000 pods.
//
// Builds, starts its own envtest stack (scripts/envtest/start.sh: etcd, kube-apiserver and
// kube-controller-manager on loopback; no scheduler or kubelet, so the pods stay Pending), creates
// the pods with bounded concurrency in a few namespaces with a mix of compliant and non-compliant
// specs (plus Services, NetworkPolicies, ServiceAccounts and RBAC for the cross-object rules), then
// times whole processes, each run BENCH_RUNS times (median reported):
//   - `mamori cluster -A --format json --fail-on none` (lists 18 resource types, scans, reports);
//   - baseline 1: a Node process that only lists the same pods with the same client
//     (src/sources/cluster/client.ts, 500 per page) and prints their number: the listing alone;
//   - baseline 2: `kubectl get pods -A -o json` (v1.37.2 from the envtest assets; also pages of 500).
// Wall time and peak RSS come from GNU time. The stack is torn down at the end (start.sh).
// Tunables: BENCH_PODS (10000), BENCH_NAMESPACES (5), BENCH_CONCURRENCY (32), BENCH_RUNS (3).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const PODS = env('BENCH_PODS', 10_000);
const NAMESPACES = env('BENCH_NAMESPACES', 5);
const CONCURRENCY = env('BENCH_CONCURRENCY', 32);
const RUNS = env('BENCH_RUNS', 3);
const log = (line) => process.stderr.write(`bench:cluster: ${line}\n`);

if (process.env.MAMORI_BENCH_CLUSTER_INSIDE !== '1') {
  log('building…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  log('starting the envtest stack…');
  const result = spawnSync(join(root, 'scripts/envtest/start.sh'), ['--', process.execPath, self], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MAMORI_BENCH_CLUSTER_INSIDE: '1' },
  });
  process.exit(result.status ?? 1);
}

// --- inside the stack: KUBECONFIG points at it, its kubectl is first on PATH -------------------
const { KubeClient, mapLimit } = await import('../dist/src/sources/cluster/client.js');
const { loadConnection } = await import('../dist/src/sources/cluster/kubeconfig.js');
const client = new KubeClient(loadConnection({ env: process.env }));
const work = mkdtempSync(join(tmpdir(), 'mamori-bench-cluster-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const IMAGE = 'registry.example/shop/app:1.4.2';
const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } };
/** Compliant with restricted and with mamori's hardening rules. */
const hardened = (app) => ({
  automountServiceAccountToken: false,
  serviceAccountName: app,
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 10001,
    runAsGroup: 10001,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  containers: [
    {
      name: 'app',
      image: `${IMAGE.replace(':1.4.2', '')}@sha256:${'ab'.repeat(32)}`,
      ports: [{ containerPort: 8080 }],
      resources,
      readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
      livenessProbe: { httpGet: { path: '/live', port: 8080 } },
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        appArmorProfile: { type: 'RuntimeDefault' },
      },
    },
  ],
});
/** What most charts produce: no security context, a sidecar, env values. */
const typical = (app) => ({
  containers: [
    {
      name: 'app',
      image: IMAGE,
      ports: [{ containerPort: 8080 }],
      resources,
      env: [
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'DB_PASSWORD', value: 'hunter2-not-a-real-secret' },
      ],
    },
    { name: 'proxy', image: 'envoyproxy/envoy:v1.30.1', ports: [{ containerPort: 15001 }] },
  ],
  serviceAccountName: app,
});
/** Node agents and debugging leftovers: privileged, host namespaces, hostPath. */
const privileged = () => ({
  hostNetwork: true,
  hostPID: true,
  containers: [
    {
      name: 'agent',
      image: 'quay.io/example/node-agent:latest',
      ports: [{ containerPort: 9100, hostPort: 9100 }],
      securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN'] } },
      volumeMounts: [{ name: 'root', mountPath: '/host' }],
    },
  ],
  volumes: [{ name: 'root', hostPath: { path: '/' } }],
});
/** Baseline-compliant, not restricted. */
const baselineOnly = (app) => ({
  serviceAccountName: app,
  securityContext: { runAsNonRoot: true, runAsUser: 1000 },
  initContainers: [{ name: 'migrate', image: IMAGE, command: ['/migrate'], resources }],
  containers: [{ name: 'app', image: IMAGE, resources }],
});
const MIX = [
  [hardened, 40],
  [typical, 30],
  [baselineOnly, 20],
  [privileged, 10],
];
const specFor = (index, app) => {
  let slot = index % 100;
  for (const [make, share] of MIX) {
    if (slot < share) {
      return make(app);
    }
    slot -= share;
  }
  return hardened(app);
};

const namespaces = Array.from({ length: NAMESPACES }, (_, i) => `bench-${i}`);
const APPS = 50;
const post = (path, object) => client.request('POST', path, object);
const started = performance.now();
for (const ns of namespaces) {
  await post('/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: { team: ns } },
  });
}
log(`waiting for the default ServiceAccounts in ${NAMESPACES} namespaces…`);
for (const ns of namespaces) {
  for (;;) {
    try {
      await client.request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`);
      break;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}
// Per namespace: one ServiceAccount, Service and NetworkPolicy per app, and RBAC.
const extras = [];
for (const ns of namespaces) {
  for (let a = 0; a < APPS; a++) {
    const app = `app-${a}`;
    extras.push([`/api/v1/namespaces/${ns}/serviceaccounts`, { metadata: { name: app } }]);
    extras.push([
      `/api/v1/namespaces/${ns}/services`,
      {
        metadata: { name: app },
        spec: { selector: { app }, ports: [{ port: 80, targetPort: 8080 }] },
      },
    ]);
    if (a % 2 === 0) {
      extras.push([
        `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`,
        {
          metadata: { name: app },
          spec: {
            podSelector: { matchLabels: { app } },
            policyTypes: ['Ingress', 'Egress'],
            ingress: [{ from: [{ podSelector: { matchLabels: { app: `app-${a + 1}` } } }] }],
          },
        },
      ]);
    }
  }
  extras.push([
    `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/roles`,
    {
      metadata: { name: 'deployer' },
      rules: [{ apiGroups: ['', 'apps'], resources: ['*'], verbs: ['*'] }],
    },
  ]);
  extras.push([
    `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
    {
      metadata: { name: 'deployer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'deployer' },
      subjects: [{ kind: 'ServiceAccount', name: 'app-0', namespace: ns }],
    },
  ]);
}
await mapLimit(extras, CONCURRENCY, ([path, object]) => post(path, object));
log(`created ${extras.length} other objects; creating ${PODS} pods (concurrency ${CONCURRENCY})…`);
const podsStarted = performance.now();
const indexes = Array.from({ length: PODS }, (_, i) => i);
let created = 0;
await mapLimit(indexes, CONCURRENCY, async (i) => {
  const ns = namespaces[i % NAMESPACES];
  const app = `app-${Math.floor(i / NAMESPACES) % APPS}`;
  await post(`/api/v1/namespaces/${ns}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-${String(i).padStart(5, '0')}`,
      labels: { app, tier: i % 3 === 0 ? 'frontend' : 'backend' },
      annotations: { 'example.com/owner': `team-${ns}` },
    },
    spec: specFor(i, app),
  });
  created++;
  if (created % 2000 === 0) {
    log(`  ${created} pods`);
  }
});
const createSeconds = (performance.now() - podsStarted) / 1000;
log(
  `created ${PODS} pods in ${createSeconds.toFixed(1)} s (${Math.round(PODS / createSeconds)} pods/s); setup ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
client.close();

// --- measurements --------------------------------------------------------------------------------
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Runs a whole process; wall seconds, peak RSS (MiB, with GNU time) and the stdout file size. */
function measure(label, command, args) {
  const out = join(work, `${label}.out`);
  const times = join(work, `${label}.time`);
  const fd = openSync(out, 'w');
  const t0 = performance.now();
  const result = timeBin
    ? spawnSync(timeBin, ['-f', '%e %M', '-o', times, command, ...args], {
        stdio: ['ignore', fd, 'pipe'],
      })
    : spawnSync(command, args, { stdio: ['ignore', fd, 'pipe'] });
  const wall = (performance.now() - t0) / 1000;
  closeSync(fd);
  if (result.status !== 0) {
    throw new Error(`${label} exited ${result.status}: ${result.stderr.toString().slice(-2000)}`);
  }
  const [, rssKb] = timeBin ? readFileSync(times, 'utf8').trim().split(/\s+/).map(Number) : [];
  return { wall, rssMiB: rssKb === undefined ? NaN : rssKb / 1024, out };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function series(label, command, args, check) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = measure(label, command, args);
    check(run.out);
    runs.push(run);
    log(`  ${label} run ${i + 1}: ${run.wall.toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB`);
  }
  return {
    label,
    wall: median(runs.map((r) => r.wall)),
    min: Math.min(...runs.map((r) => r.wall)),
    max: Math.max(...runs.map((r) => r.wall)),
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    bytes: statSync(runs[0].out).size,
  };
}

const countItems = (file) => {
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  return parsed.count ?? parsed.items.length;
};
const expectPods = (file) => {
  const count = countItems(file);
  if (count < PODS) {
    throw new Error(`expected at least ${PODS} pods, the list had ${count}`);
  }
};
let findings = 0;
const checkReport = (file) => {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats.resources < PODS) {
    throw new Error(`mamori scanned ${report.stats.resources} resources, expected ≥ ${PODS}`);
  }
  findings = report.findings.length;
};

log(`timing (${RUNS} runs each)…`);
const listScript = join(work, 'list.mjs');
writeFileSync(
  listScript,
  [
    `import { KubeClient } from '${join(root, 'dist/src/sources/cluster/client.js')}';`,
    `import { loadConnection } from '${join(root, 'dist/src/sources/cluster/kubeconfig.js')}';`,
    'const client = new KubeClient(loadConnection({ env: process.env }));',
    "const items = await client.list('/api/v1/pods');",
    'client.close();',
    'process.stdout.write(JSON.stringify({ count: items.length }));',
    '',
  ].join('\n'),
);
const results = [
  series(
    'mamori',
    process.execPath,
    [join(root, 'dist/bin/mamori.js'), 'cluster', '-A', '--format', 'json', '--fail-on', 'none'],
    checkReport,
  ),
  series('client-list', process.execPath, [listScript], expectPods),
  series('kubectl', 'kubectl', ['get', 'pods', '-A', '-o', 'json'], expectPods),
];

const [mamori, list, kubectl] = results;
const row = (r, what) =>
  `| ${what} | ${r.wall.toFixed(2)} s (${r.min.toFixed(2)}–${r.max.toFixed(2)}) | ${Math.round(PODS / r.wall).toLocaleString('en-US')} | ${r.rssMiB.toFixed(0)} MiB | ${(r.bytes / 1048576).toFixed(1)} MiB |`;
process.stdout.write(
  [
    '',
    `${PODS.toLocaleString('en-US')} pods in ${NAMESPACES} namespaces (${extras.length} other objects); pods created in ${createSeconds.toFixed(1)} s at concurrency ${CONCURRENCY}`,
    `mamori reported ${findings.toLocaleString('en-US')} findings`,
    '',
    '| whole process | wall, median (min–max) | pods/s | peak RSS | stdout |',
    '|---|---|---|---|---|',
    row(mamori, '`mamori cluster -A --format json` (list 18 types + scan + report)'),
    row(list, 'baseline: list the pods with the same client'),
    row(kubectl, 'baseline: `kubectl get pods -A -o json`'),
    '',
    `mamori / client list: ${(mamori.wall / list.wall).toFixed(2)}×; mamori / kubectl: ${(mamori.wall / kubectl.wall).toFixed(2)}×`,
    '',
  ].join('\n'),
);
