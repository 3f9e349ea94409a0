/**
 * The classic Pod Security scenario twice on a real kube-apiserver: once with the built-in Pod
 * Security Admission (namespace labels), once through mamori's webhook (cluster-wide defaults
 * from its configuration, namespace unlabelled). The warning and the denial must be identical.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { get } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/sources/cluster/client.js';
import { loadConnection } from '../../src/sources/cluster/kubeconfig.js';
import { parseWebhookConfig } from '../../src/webhook/config.js';
import { WEBHOOK_NAME } from '../../src/webhook/manifests.js';
import { NamespaceInformer, type NamespaceClient } from '../../src/webhook/namespaces.js';
import { startWebhookServer, type WebhookServer } from '../../src/webhook/server.js';
import { generateTestPki, type TestPki } from '../../src/webhook/testing.js';
import {
  apply,
  countedPods,
  createNamespace,
  deleteNamespace,
  getJson,
  kubectlOk,
  uniqueName,
  waitFor,
  warningLines,
  type KubeEvent,
  type KubeList,
} from '../envtest/kube.js';
import { useCluster } from '../envtest/use-cluster.js';

const cluster = useCluster();

const PSA = 'pod-security.kubernetes.io';
const IMAGE = 'nginx:1.14.2';
const PRIVILEGED = 'privileged (container "nginx" must not set securityContext.privileged=true)';

/** Labels whose reading crashes, standing in for a bug in the evaluation. */
const exploding = new Proxy(
  {},
  {
    ownKeys: () => {
      throw new Error('simulated evaluation crash');
    },
  },
);

const privilegedSpec = {
  containers: [
    {
      name: 'nginx',
      image: IMAGE,
      ports: [{ containerPort: 80 }],
      securityContext: { privileged: true },
      resources: { requests: { cpu: '0.5' } },
    },
  ],
};
const restrictedSpec = {
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 101,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  containers: [
    {
      name: 'nginx',
      image: IMAGE,
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};

/** GET /readyz of the webhook: the HTTP status. */
function readyz(port: number, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/readyz', ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

function deployment(name: string, spec: object): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
    },
  };
}

interface AuditEvent {
  objectRef?: { namespace?: string; resource?: string; name?: string };
  annotations?: Record<string, string>;
}

interface Observed {
  warnings: string[];
  /** The FailedCreate event message with the pod's random suffix replaced by `XXXXX`. */
  failedCreate: string;
}

/** Applies the privileged Deployment, waits for FailedCreate, and checks that no Pod exists. */
async function privilegedScenario(ns: string): Promise<Observed> {
  const c = cluster();
  const result = await apply(c, ns, deployment('nginx-privileged', privilegedSpec));
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('deployment.apps/nginx-privileged created\n');
  const events = await waitFor(
    `FailedCreate events in ${ns}`,
    async () => {
      const list = await getJson<KubeList<KubeEvent>>(c, [
        'events',
        '-n',
        ns,
        '--field-selector',
        'involvedObject.kind=ReplicaSet,reason=FailedCreate',
      ]);
      return list.items.length > 0 ? list.items : undefined;
    },
    { timeoutMs: 60_000 },
  );
  const pods = await getJson<KubeList>(c, ['pods', '-n', ns, '-l', 'app=nginx-privileged']);
  expect(pods.items).toEqual([]);
  const message = events[0]?.message ?? '';
  return {
    warnings: warningLines(result.stderr),
    failedCreate: message.replace(/(nginx-privileged-[a-z0-9]+-)[a-z0-9]{5}"/g, '$1XXXXX"'),
  };
}

async function compliantScenario(ns: string): Promise<void> {
  const c = cluster();
  const result = await apply(c, ns, deployment('nginx-compliant', restrictedSpec));
  expect(result.code).toBe(0);
  expect(warningLines(result.stderr)).toEqual([]);
  const created = await waitFor(
    `a Pod of nginx-compliant in ${ns}`,
    async () => {
      const list = await getJson<KubeList>(c, ['pods', '-n', ns, '-l', 'app=nginx-compliant']);
      return list.items[0];
    },
    { timeoutMs: 60_000 },
  );
  expect(created.metadata.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
}

describe('mamori webhook against upstream Pod Security Admission', () => {
  const upstreamNs = uniqueName('psa-upstream');
  const mamoriNs = uniqueName('psa-mamori');
  /** Namespaces where the evaluation crashes (500), under failurePolicy Fail and Ignore. */
  const crashFailNs = uniqueName('crash-fail');
  const crashIgnoreNs = uniqueName('crash-ignore');
  const configName = uniqueName('mamori-webhook-test');
  let pki: TestPki | undefined;
  /** Namespaces for the existing-pods warnings: one only the API server's PSA sees, one ours. */
  const twinRefNs = uniqueName('twin-ref');
  const twinOursNs = uniqueName('twin-ours');
  /** A namespace whose labels change under the informer. */
  const liveNs = uniqueName('live');
  let server: WebhookServer | undefined;
  let client: KubeClient | undefined;
  let informer: NamespaceInformer | undefined;
  /** Paths the webhook's namespace lookups asked the API server for (misses of the informer). */
  const lookups: string[] = [];
  /** /readyz before the informer started, and once it had synced. */
  const readiness: number[] = [];
  const logs: string[] = [];
  let upstream: Observed | undefined;

  beforeAll(async () => {
    const c = cluster();
    await createNamespace(c, upstreamNs, {
      [`${PSA}/enforce`]: 'baseline',
      [`${PSA}/warn`]: 'restricted',
      [`${PSA}/audit`]: 'restricted',
    });
    // No Pod Security labels: mamori's defaults apply. The selector label keeps the webhook
    // away from the namespaces of other tests sharing this apiserver.
    await createNamespace(c, mamoriNs, { 'mamori.dev/webhook-test': configName });
    await createNamespace(c, crashFailNs, { 'mamori.dev/webhook-test': configName });
    await createNamespace(c, crashIgnoreNs, { 'mamori.dev/webhook-test': `${configName}-ignore` });
    await createNamespace(c, twinRefNs);
    await createNamespace(c, twinOursNs, { 'mamori.dev/webhook-test': configName });
    await createNamespace(c, liveNs, {
      'mamori.dev/webhook-test': configName,
      [`${PSA}/enforce`]: 'privileged',
    });

    pki = generateTestPki();
    const { policy, issues } = parseWebhookConfig(
      {
        defaults: { enforce: 'baseline', warn: 'restricted', audit: 'restricted' },
        exemptions: { namespaces: ['kube-system'], usernames: ['system:admin-exempt'] },
      },
      new Set(),
    );
    expect(issues).toEqual([]);
    const kube = new KubeClient(loadConnection({ kubeconfig: c.kubeconfigPath, env: {} }));
    client = kube;
    const counting: NamespaceClient = {
      listWithVersion: (path, options) => kube.listWithVersion(path, options),
      watch: (path, version, onEvent, options) => kube.watch(path, version, onEvent, options),
      request: (method, path, body, options) => {
        lookups.push(path);
        return kube.request(method, path, body, options);
      },
    };
    const namespaces = new NamespaceInformer(counting, { log: (line) => logs.push(line) });
    informer = namespaces;
    server = await startWebhookServer({
      certFile: pki.certFile,
      keyFile: pki.keyFile,
      port: 0,
      policy,
      namespaceLabels: (name) =>
        name === crashFailNs || name === crashIgnoreNs
          ? Promise.resolve(exploding)
          : namespaces.labels(name),
      listPods: (namespace, timeoutMs) =>
        kube.list(`/api/v1/namespaces/${namespace}/pods`, { timeoutMs }),
      ready: () => namespaces.synced,
      log: (line) => logs.push(line),
    });
    readiness.push(await readyz(server.port, pki.caPem));
    namespaces.start();
    await namespaces.whenSynced();
    readiness.push(await readyz(server.port, pki.caPem));
    const ops = ['CREATE', 'UPDATE'];
    const webhook = {
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      timeoutSeconds: 10,
      clientConfig: {
        url: `https://127.0.0.1:${server.port}/validate`,
        caBundle: Buffer.from(pki.caPem).toString('base64'),
      },
    };
    const configuration = {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: configName },
      webhooks: [
        {
          ...webhook,
          name: 'ignore.webhook.mamori.dev',
          failurePolicy: 'Ignore',
          namespaceSelector: { matchLabels: { 'mamori.dev/webhook-test': `${configName}-ignore` } },
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ops, resources: ['pods'] }],
        },
        {
          name: WEBHOOK_NAME,
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          failurePolicy: 'Fail',
          timeoutSeconds: 10,
          clientConfig: {
            url: `https://127.0.0.1:${server.port}/validate`,
            caBundle: Buffer.from(pki.caPem).toString('base64'),
          },
          namespaceSelector: { matchLabels: { 'mamori.dev/webhook-test': configName } },
          rules: [
            { apiGroups: [''], apiVersions: ['v1'], operations: ops, resources: ['pods'] },
            {
              apiGroups: ['apps'],
              apiVersions: ['v1'],
              operations: ops,
              resources: ['deployments', 'replicasets'],
            },
            { apiGroups: [''], apiVersions: ['v1'], operations: ops, resources: ['namespaces'] },
          ],
        },
      ],
    };
    await kubectlOk(c, ['create', '-f', '-'], { stdin: JSON.stringify(configuration) });
  }, 120_000);

  afterAll(async () => {
    const c = cluster();
    await c.kubectl(['delete', 'validatingwebhookconfiguration', configName, '--ignore-not-found']);
    await deleteNamespace(c, upstreamNs);
    await deleteNamespace(c, mamoriNs);
    await deleteNamespace(c, crashFailNs);
    await deleteNamespace(c, crashIgnoreNs);
    await deleteNamespace(c, twinRefNs);
    await deleteNamespace(c, twinOursNs);
    await deleteNamespace(c, liveNs);
    await informer?.stop();
    await server?.close();
    client?.close();
    if (pki !== undefined) {
      rmSync(pki.dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('upstream: a privileged Deployment is created with the restricted warning, but no Pod', async () => {
    upstream = await privilegedScenario(upstreamNs);
    expect(upstream.warnings).toHaveLength(1);
    expect(upstream.warnings[0]).toMatch(
      /^would violate PodSecurity "restricted:latest": privileged/,
    );
    expect(upstream.failedCreate).toMatch(
      /^Error creating: pods "nginx-privileged-[a-z0-9]+-XXXXX" is forbidden: violates PodSecurity "baseline:latest": privileged \(container "nginx" must not set securityContext\.privileged=true\)$/,
    );
  }, 90_000);

  it('upstream: a compliant Deployment gets a Pod', async () => {
    await compliantScenario(upstreamNs);
  }, 90_000);

  it("mamori: the same warning, and a denial message identical to upstream's", async () => {
    expect(upstream).toBeDefined();
    const ours = await privilegedScenario(mamoriNs);
    expect(ours.warnings).toEqual(upstream?.warnings);
    const prefix = `Error creating: admission webhook "${WEBHOOK_NAME}" denied the request: `;
    expect(ours.failedCreate.startsWith(prefix)).toBe(true);
    const denial = ours.failedCreate.slice(prefix.length);
    const upstreamDenial = (upstream?.failedCreate ?? '').slice('Error creating: '.length);
    // The ReplicaSet names differ only by their pod-template hash.
    const normalize = (text: string) => text.replace(/nginx-privileged-[a-z0-9]+-XXXXX/, 'POD');
    expect(normalize(denial)).toBe(normalize(upstreamDenial));
    expect(
      logs.some((line) => line.startsWith(`audit Deployment ${mamoriNs}/nginx-privileged`)),
    ).toBe(true);
    // The API server records the webhook's audit annotations under the webhook's name.
    const key = `${WEBHOOK_NAME}/audit-violations`;
    const audited = await waitFor('the webhook audit annotation on the Deployment', async () => {
      const lines = (await readFile(cluster().auditLogPath, 'utf8')).split('\n').filter(Boolean);
      return lines
        .map((line) => JSON.parse(line) as AuditEvent)
        .find(
          (e) =>
            e.objectRef?.namespace === mamoriNs &&
            e.objectRef.resource === 'deployments' &&
            e.annotations?.[key] !== undefined,
        );
    });
    expect(audited.annotations?.[key]).toMatch(
      /^would violate PodSecurity "restricted:latest": privileged/,
    );
  }, 90_000);

  it('mamori: a compliant Deployment gets a Pod', async () => {
    await compliantScenario(mamoriNs);
    const metrics = server?.metrics.render() ?? '';
    expect(metrics).toMatch(/mamori_webhook_decisions_total\{kind="Pod",decision="deny"\} [1-9]/);
    expect(metrics).toMatch(/mamori_webhook_decisions_total\{kind="Pod",decision="allow"\} [1-9]/);
  }, 90_000);

  it('a crash answers 500: failurePolicy Fail rejects the Pod, Ignore admits it', async () => {
    const c = cluster();
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'compliant' },
      spec: restrictedSpec,
    };
    const failed = await apply(c, crashFailNs, pod);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(`failed calling webhook "${WEBHOOK_NAME}"`);
    expect(failed.stderr).toContain('simulated evaluation crash');
    const ignored = await apply(c, crashIgnoreNs, pod);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toBe('pod/compliant created\n');
    expect(logs.some((line) => line.includes('simulated evaluation crash'))).toBe(true);
  }, 60_000);

  it('reports ready only once the namespace informer has listed the namespaces', () => {
    expect(readiness).toEqual([503, 200]);
  });

  it('raising enforce: the existing-pods warnings of the API server, byte for byte', async () => {
    const c = cluster();
    const hostPathSpec = {
      containers: [{ name: 'app', image: IMAGE }],
      volumes: [{ name: 'root', hostPath: { path: '/' } }],
    };
    const pods = [
      ['priv-b', privilegedSpec],
      ['priv-a', privilegedSpec],
      ['host-net', { hostNetwork: true, containers: [{ name: 'app', image: IMAGE }] }],
      ['hp-2', hostPathSpec],
      ['hp-1', hostPathSpec],
      ['hp-3', hostPathSpec],
      ['tight', restrictedSpec],
    ].map(([name, spec]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec }));
    // Ours admits these pods while the namespace is explicitly privileged.
    await kubectlOk(c, ['label', 'ns', twinOursNs, `${PSA}/enforce=privileged`]);
    for (const ns of [twinRefNs, twinOursNs]) {
      const result = await apply(c, ns, ...pods);
      expect(result.code, result.stderr).toBe(0);
    }
    // The reference: the API server's own PSA raising enforce to baseline:v1.30 (the webhook
    // does not select this namespace).
    const raise = [`${PSA}/enforce=baseline`, `${PSA}/enforce-version=v1.30`];
    const reference = await waitFor('the API server to see all 6 violating pods', async () => {
      const result = await kubectlOk(c, [
        'label',
        '--dry-run=server',
        '--overwrite',
        'ns',
        twinRefNs,
        ...raise,
      ]);
      const warnings = warningLines(result.stderr);
      return countedPods(warnings) === 6 ? warnings : undefined;
    });
    expect(reference[0]).toBe(
      `existing pods in namespace "${twinRefNs}" violate the new PodSecurity enforce level "baseline:v1.30"`,
    );
    // Ours: dropping the enforce label and pinning the version. For the API server's PSA that is
    // privileged (nothing to check); with the webhook's default (enforce: baseline) it raises the
    // namespace to baseline:v1.30, so only the webhook speaks.
    const change = [`${PSA}/enforce-`, `${PSA}/enforce-version=v1.30`];
    const dryRun = await kubectlOk(c, [
      'label',
      '--dry-run=server',
      '--overwrite',
      'ns',
      twinOursNs,
      ...change,
    ]);
    const ours = warningLines(dryRun.stderr).map((line) => line.replaceAll(twinOursNs, twinRefNs));
    expect(ours).toEqual(reference);
    // The update itself is allowed, with the same warnings.
    const applied = await kubectlOk(c, ['label', '--overwrite', 'ns', twinOursNs, ...change]);
    expect(warningLines(applied.stderr)).toEqual(warningLines(dryRun.stderr));
    const labels = (await getJson(c, ['ns', twinOursNs])).metadata.labels ?? {};
    expect(labels[`${PSA}/enforce-version`]).toBe('v1.30');
    expect(labels[`${PSA}/enforce`]).toBeUndefined();
  }, 90_000);

  it('sees a label change through its watch: no lookups, the next pod is decided by it', async () => {
    const c = cluster();
    const pod = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: privilegedSpec,
    });
    expect(informer?.has(liveNs)).toBe(true);
    const before = await apply(c, liveNs, pod('before'));
    expect(before.code, before.stderr).toBe(0);
    // Without the label the webhook's default (enforce: baseline) applies; the API server's PSA
    // stays privileged. So the warnings on the update, and the next denial, are the webhook's.
    const unlabel = await kubectlOk(c, ['label', 'ns', liveNs, `${PSA}/enforce-`]);
    expect(warningLines(unlabel.stderr)).toEqual([
      `existing pods in namespace "${liveNs}" violate the new PodSecurity enforce level "baseline:latest"`,
      'before: privileged',
    ]);
    await waitFor('the informer to see the label removed', async () =>
      (await informer?.labels(liveNs))?.[`${PSA}/enforce`] === undefined ? true : undefined,
    );
    const after = await apply(c, liveNs, pod('after'));
    expect(after.code).not.toBe(0);
    expect(after.stderr).toContain(
      `admission webhook "${WEBHOOK_NAME}" denied the request: pods "after" is forbidden: violates PodSecurity "baseline:latest": ${PRIVILEGED}`,
    );
    expect(lookups.filter((path) => path.endsWith(`/${liveNs}`))).toEqual([]);
  }, 60_000);
});
