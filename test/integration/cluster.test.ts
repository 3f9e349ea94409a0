/**
 * `mamori cluster` against a real kube-apiserver: findings on live Deployments, the diagnosis of
 * Pod Security denials, and coverage gaps for an identity that may not list everything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { execute } from '../../src/cli/execute.js';
import type { JsonReport } from '../../src/reporters/index.js';
import { fakeIO } from '../cli/fake-io.js';
import {
  apply,
  createNamespace,
  deleteNamespace,
  getJson,
  kubectlOk,
  uniqueName,
  waitFor,
  type KubeList,
} from '../envtest/kube.js';
import { useCluster } from '../envtest/use-cluster.js';

const cluster = useCluster();

const IMAGE = 'nginx:1.14.2';
type Spec = Record<string, unknown>;

const privileged: Spec = {
  containers: [{ name: 'nginx', image: IMAGE, securityContext: { privileged: true } }],
};
const restricted: Spec = {
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

function deployment(name: string, spec: Spec): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
    },
  };
}

let dir = '';

async function runCluster(
  args: string[],
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const io = fakeIO({ env: { HOME: '/nonexistent' } });
  const code = await execute(['cluster', '--format', 'json', '--fail-on', 'high', ...args], io);
  expect(io.out(), io.err()).not.toBe('');
  return { code, report: JSON.parse(io.out()) as JsonReport, stderr: io.err() };
}

async function serviceAccountToken(namespace: string, name: string): Promise<string> {
  const res = await cluster().request(
    'POST',
    `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 3600 },
    },
  );
  expect(res.status, res.body).toBe(201);
  return (JSON.parse(res.body) as { status: { token: string } }).status.token;
}

/** A kubeconfig for `user` (a kubeconfig `users[].user` entry) against the envtest server. */
function kubeconfigFor(name: string, user: object, namespace: string): string {
  const c = cluster();
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': name,
    clusters: [
      {
        name: 'envtest',
        cluster: {
          server: c.server,
          'certificate-authority-data': Buffer.from(c.caPem).toString('base64'),
        },
      },
    ],
    users: [{ name, user }],
    contexts: [{ name, context: { cluster: 'envtest', user: name, namespace } }],
  };
  const path = join(dir, `${name}.kubeconfig`);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('mamori cluster', () => {
  const good = uniqueName('cluster-good');
  const bad = uniqueName('cluster-bad');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-cluster-'));
    const c = cluster();
    await Promise.all([
      createNamespace(c, good, { 'pod-security.kubernetes.io/enforce': 'restricted' }),
      createNamespace(c, bad, { 'pod-security.kubernetes.io/enforce': 'baseline' }),
    ]);
    const results = await Promise.all([
      apply(c, good, deployment('tight', restricted)),
      apply(c, bad, deployment('priv', privileged), {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'once' },
        spec: { backoffLimit: 0, template: { spec: { ...privileged, restartPolicy: 'Never' } } },
      }),
    ]);
    for (const result of results) {
      expect(result.code, result.stderr).toBe(0);
    }
    await waitFor('the pods of the compliant Deployment', async () => {
      const pods = await getJson<KubeList>(c, ['pods', '-n', good]);
      return pods.items.length === 2 ? true : undefined;
    });
    await waitFor('the FailedCreate condition of the privileged ReplicaSet', async () => {
      const sets = await getJson<KubeList>(c, ['replicasets', '-n', bad]);
      return sets.items.some((set) =>
        set.status?.conditions?.some((condition) => condition.type === 'ReplicaFailure'),
      )
        ? true
        : undefined;
    });
  }, 120_000);

  it('diagnoses a Job from its FailedCreate events', async () => {
    await waitFor('a FailedCreate event of the Job', async () => {
      const events = await getJson<KubeList>(cluster(), [
        'events',
        '-n',
        bad,
        '--field-selector',
        'reason=FailedCreate,involvedObject.kind=Job',
      ]);
      return events.items.length > 0 ? true : undefined;
    });
    const { stderr } = await runCluster(['--kubeconfig', cluster().kubeconfigPath, '-n', bad]);
    expect(stderr).toMatch(
      new RegExp(
        `pods of Job ${bad}/once are refused by Pod Security Admission: pods "once-[a-z0-9]+" is forbidden: violates PodSecurity "baseline:latest": privileged`,
      ),
    );
  });

  afterAll(async () => {
    await Promise.all([good, bad].map((ns) => deleteNamespace(cluster(), ns)));
    await cluster().kubectl([
      'delete',
      '--wait=false',
      '--ignore-not-found',
      'namespace/mamori',
      'clusterrole/mamori-reader',
      'clusterrolebinding/mamori-reader',
      '-n',
      'kube-system',
      'role/mamori-aws-auth-reader',
      'rolebinding/mamori-aws-auth-reader',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same JSON report to a file, and SARIF beside it', async () => {
    const jsonFile = join(dir, 'report.json');
    const sarifFile = join(dir, 'report.sarif');
    const kubeconfig = cluster().kubeconfigPath;
    const stdout = fakeIO({ env: { HOME: '/nonexistent' } });
    const files = fakeIO({ env: { HOME: '/nonexistent' } });
    const args = ['cluster', '--kubeconfig', kubeconfig, '-n', bad, '--fail-on', 'none'];
    expect(await execute([...args, '--format', 'json'], stdout)).toBe(0);
    const formats = ['--format', `json=${jsonFile}`, '--format', `sarif=${sarifFile}`];
    expect(await execute([...args, ...formats], files)).toBe(0);
    expect(files.out()).toBe('');
    expect(readFileSync(jsonFile, 'utf8')).toBe(stdout.out());
    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as JsonReport;
    expect(report.findings.length).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(report.summary.findings.total);
  });

  it('reports the privileged Deployment and diagnoses why it has no pods', async () => {
    const { code, report, stderr } = await runCluster([
      '--kubeconfig',
      cluster().kubeconfigPath,
      '-n',
      bad,
    ]);
    expect(code).toBe(1);
    const privilegedFindings = report.findings.filter(
      (finding) => finding.ruleId === 'hardening/privileged',
    );
    expect(privilegedFindings.map((finding) => finding.resource)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: bad, name: 'priv' },
      { apiVersion: 'batch/v1', kind: 'Job', namespace: bad, name: 'once' },
    ]);
    expect(report.findings.filter((finding) => finding.resource.namespace !== bad)).toEqual([]);
    expect(privilegedFindings[0]?.location.file).toBe(`cluster://envtest/${bad}/Deployment/priv`);
    expect(stderr).toMatch(
      new RegExp(
        `pods of ReplicaSet ${bad}/priv-[a-z0-9]+ \\(Deployment priv\\) are refused by Pod Security Admission: ` +
          `pods "priv-[a-z0-9-]+" is forbidden: violates PodSecurity "baseline:latest": privileged \\(container "nginx" must not set securityContext.privileged=true\\)`,
      ),
    );
    expect(report.skipped.filter((item) => item.reason.includes('coverage gap'))).toEqual([]);
  });

  it('checks owned pods through their controller and finds nothing privileged', async () => {
    const { report } = await runCluster(['--kubeconfig', cluster().kubeconfigPath, '-n', good]);
    expect(report.findings.filter((finding) => finding.ruleId === 'hardening/privileged')).toEqual(
      [],
    );
    expect(report.findings.some((finding) => finding.resource.kind === 'Pod')).toBe(false);
    const reasons = report.skipped.map((item) => item.reason);
    expect(reasons).toContain('2 Pods owned by a controller: checked through the controller');
    expect(reasons).toContain('1 ReplicaSet owned by a controller: checked through the controller');
  });

  it('reads everything it needs with deploy/cluster/clusterrole.yaml and nothing more', async () => {
    const c = cluster();
    const manifest = readFileSync(
      new URL('../../deploy/cluster/clusterrole.yaml', import.meta.url),
      'utf8',
    );
    const objects = parseAllDocuments(manifest).map((document) => document.toJSON() as object);
    await kubectlOk(c, ['apply', '-f', '-'], {
      stdin: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
    });
    const token = await serviceAccountToken('mamori', 'mamori');
    const kubeconfig = kubeconfigFor('reader', { token }, bad);
    const { code, report } = await runCluster(['--kubeconfig', kubeconfig, '-A']);
    expect(code).toBe(1);
    expect(report.skipped.filter((item) => item.reason.includes('coverage gap'))).toEqual([]);
    expect(report.findings.some((finding) => finding.resource.namespace === bad)).toBe(true);
    const secrets = await c.kubectl([
      `--kubeconfig=${kubeconfig}`,
      'auth',
      'can-i',
      'list',
      'secrets',
      '-A',
    ]);
    expect(secrets.stdout.trim()).toBe('no');
  });

  it('reports forbidden lists as coverage gaps, authenticating with an exec plugin', async () => {
    const c = cluster();
    const sa = 'limited';
    await kubectlOk(c, ['create', 'serviceaccount', sa, '-n', good]);
    await kubectlOk(c, [
      'create',
      'role',
      sa,
      '-n',
      good,
      '--verb=get,list',
      '--resource=pods,deployments.apps,replicasets.apps',
    ]);
    await kubectlOk(c, [
      'create',
      'rolebinding',
      sa,
      '-n',
      good,
      `--role=${sa}`,
      `--serviceaccount=${good}:${sa}`,
    ]);
    const token = await serviceAccountToken(good, sa);
    const script =
      'process.stdout.write(JSON.stringify({apiVersion:"client.authentication.k8s.io/v1",' +
      'kind:"ExecCredential",status:{token:process.env.MAMORI_TEST_TOKEN}}))';
    const kubeconfig = kubeconfigFor(
      'limited',
      {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: process.execPath,
          args: ['-e', script],
          env: [{ name: 'MAMORI_TEST_TOKEN', value: token }],
          interactiveMode: 'Never',
        },
      },
      good,
    );
    const { code, report } = await runCluster(['--kubeconfig', kubeconfig]);
    expect(code).not.toBe(2);
    const gaps = report.skipped.filter((item) => item.reason.startsWith('coverage gap'));
    const gapFiles = gaps.map((item) => item.file);
    expect(gapFiles).toContain(`cluster://limited/${good}/Service`);
    expect(gapFiles).toContain('cluster://limited/ClusterRole');
    expect(gapFiles).toContain('cluster://limited/Namespace');
    expect(gapFiles).not.toContain(`cluster://limited/${good}/Deployment`);
    expect(gaps.find((item) => item.file.endsWith('/Service'))?.reason).toMatch(
      /^coverage gap: not allowed to list services \(services is forbidden: User "system:serviceaccount:/,
    );
    expect(
      report.findings.some(
        (finding) => finding.resource.kind === 'Deployment' && finding.resource.name === 'tight',
      ),
    ).toBe(true);
  });
});
