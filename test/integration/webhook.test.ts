/**
 * The classic Pod Security scenario twice on a real kube-apiserver: once with the built-in Pod
 * Security Admission (namespace labels), once through mamori's webhook (cluster-wide defaults
 * from its configuration, namespace unlabelled). The warning and the denial must be identical.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/sources/cluster/client.js';
import { loadConnection } from '../../src/sources/cluster/kubeconfig.js';
import { parseWebhookConfig } from '../../src/webhook/config.js';
import { WEBHOOK_NAME } from '../../src/webhook/manifests.js';
import { NamespaceCache } from '../../src/webhook/namespaces.js';
import { startWebhookServer, type WebhookServer } from '../../src/webhook/server.js';
import { generateTestPki, type TestPki } from '../../src/webhook/testing.js';
import {
  apply,
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
  let server: WebhookServer | undefined;
  let client: KubeClient | undefined;
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

    pki = generateTestPki();
    const { policy, issues } = parseWebhookConfig(
      {
        defaults: { enforce: 'baseline', warn: 'restricted', audit: 'restricted' },
        exemptions: { namespaces: ['kube-system'], usernames: ['system:admin-exempt'] },
        namespaceCacheSeconds: 2,
      },
      new Set(),
    );
    expect(issues).toEqual([]);
    client = new KubeClient(loadConnection({ kubeconfig: c.kubeconfigPath, env: {} }));
    const cache = new NamespaceCache(client, policy.namespaceCacheSeconds);
    server = await startWebhookServer({
      certFile: pki.certFile,
      keyFile: pki.keyFile,
      port: 0,
      policy,
      namespaceLabels: (name) =>
        name === crashFailNs || name === crashIgnoreNs
          ? Promise.resolve(exploding)
          : cache.labels(name),
      log: (line) => logs.push(line),
    });
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
});
