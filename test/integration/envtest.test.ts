/**
 * The envtest stack itself, and the Pod Security Admission behaviour that mamori models, observed
 * on a real kube-apiserver through the matching kubectl.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apply,
  countedPods,
  createNamespace,
  deleteNamespace,
  getJson,
  kubectlOk,
  psaEnforceDryRun,
  psaEnforceDryRunSettled,
  uniqueName,
  waitFor,
  warningLines,
  type KubeEvent,
  type KubeList,
  type KubeObject,
} from '../envtest/kube.js';
import { useCluster } from '../envtest/use-cluster.js';

const cluster = useCluster();

const PSA = 'pod-security.kubernetes.io';
const IMAGE = 'nginx:1.14.2';
const PRIVILEGED = 'privileged (container "nginx" must not set securityContext.privileged=true)';

type PodSpec = Record<string, unknown>;

const privilegedSpec: PodSpec = {
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
/** Baseline-compliant, but violates restricted. */
const plainSpec: PodSpec = { containers: [{ name: 'nginx', image: IMAGE }] };
const restrictedSpec: PodSpec = {
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

function deployment(name: string, replicas: number, spec: PodSpec): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
    },
  };
}

function pod(name: string, spec: PodSpec): object {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec };
}

async function pods(namespace: string, selector?: string): Promise<KubeObject[]> {
  const args = ['pods', '-n', namespace, ...(selector === undefined ? [] : ['-l', selector])];
  return (await getJson<KubeList>(cluster(), args)).items;
}

function condition(object: KubeObject, type: string) {
  return object.status?.conditions?.find((c) => c.type === type);
}

describe('the envtest stack', () => {
  it('serves the Kubernetes version pinned in scripts/envtest/go/go.mod, with a matching kubectl', async () => {
    const { stdout } = await kubectlOk(cluster(), ['version', '-o', 'json']);
    const versions = JSON.parse(stdout) as {
      clientVersion: { gitVersion: string };
      serverVersion: { gitVersion: string };
    };
    expect(versions.serverVersion.gitVersion).toBe(versions.clientVersion.gitVersion);
    if (process.env['KUBEBUILDER_ASSETS'] === undefined) {
      const here = dirname(fileURLToPath(import.meta.url));
      const goMod = await readFile(join(here, '../../scripts/envtest/go/go.mod'), 'utf8');
      const pinned = /^\s*k8s\.io\/kubernetes (v\d+\.\d+\.\d+)\b/m.exec(goMod)?.[1];
      expect(versions.serverVersion.gitVersion).toBe(pinned);
    }
  });

  it('authenticates the admin by client certificate and by bearer token', async () => {
    const c = cluster();
    const { stdout } = await kubectlOk(c, ['auth', 'whoami', '-o', 'json']);
    const review = JSON.parse(stdout) as { status: { userInfo: { groups: string[] } } };
    expect(review.status.userInfo.groups).toContain('system:masters');
    const withToken = await c.kubectl([
      '--kubeconfig=/dev/null',
      `--server=${c.server}`,
      `--certificate-authority=${join(c.dir, 'pki', 'ca.crt')}`,
      `--token=${c.adminToken}`,
      'auth',
      'can-i',
      '*',
      '*',
    ]);
    expect(withToken.stdout.trim()).toBe('yes');
  });
});

describe('Pod Security Admission: enforce=baseline, warn=restricted, audit=restricted', () => {
  let ns = '';

  beforeAll(async () => {
    ns = uniqueName('pss');
    await createNamespace(cluster(), ns, {
      [`${PSA}/enforce`]: 'baseline',
      [`${PSA}/warn`]: 'restricted',
      [`${PSA}/audit`]: 'restricted',
    });
  }, 60_000);

  afterAll(async () => {
    if (ns !== '') {
      await deleteNamespace(cluster(), ns);
    }
  });

  it('a privileged Deployment: restricted warning, created, no Pod, FailedCreate for baseline', async () => {
    const c = cluster();
    const result = await apply(c, ns, deployment('nginx-privileged', 1, privilegedSpec));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('deployment.apps/nginx-privileged created\n');
    const warnings = warningLines(result.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^would violate PodSecurity "restricted:latest": /);
    for (const check of [
      PRIVILEGED,
      'allowPrivilegeEscalation != false',
      'unrestricted capabilities',
      'runAsNonRoot != true',
      'seccompProfile',
    ]) {
      expect(warnings[0]).toContain(check);
    }

    const rs = await waitFor('the ReplicaSet of nginx-privileged', async () => {
      const list = await getJson<KubeList>(c, [
        'replicasets',
        '-n',
        ns,
        '-l',
        'app=nginx-privileged',
      ]);
      return list.items[0];
    });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'nginx-privileged',
    });

    const events = await waitFor('FailedCreate events on the ReplicaSet', async () => {
      const list = await getJson<KubeList<KubeEvent>>(c, [
        'events',
        '-n',
        ns,
        '--field-selector',
        `involvedObject.kind=ReplicaSet,involvedObject.name=${rs.metadata.name},reason=FailedCreate`,
      ]);
      return list.items.length > 0 ? list.items : undefined;
    });
    // The apiserver's error, as the ReplicaSet controller reports it.
    const forbidden = `pods "${rs.metadata.name}-[a-z0-9]+" is forbidden: violates PodSecurity "baseline:latest": ${escape(PRIVILEGED)}`;
    for (const event of events) {
      expect(event.type).toBe('Warning');
      expect(event.message).toMatch(new RegExp(`^Error creating: ${forbidden}$`));
    }

    const failedRs = await waitFor('ReplicaFailure on the ReplicaSet', async () => {
      const current = await getJson(c, ['replicaset', '-n', ns, rs.metadata.name]);
      return condition(current, 'ReplicaFailure')?.status === 'True' ? current : undefined;
    });
    expect(condition(failedRs, 'ReplicaFailure')).toMatchObject({
      reason: 'FailedCreate',
      message: expect.stringMatching(new RegExp(`^${forbidden}$`)) as unknown,
    });
    const failedDeployment = await waitFor('ReplicaFailure on the Deployment', async () => {
      const current = await getJson(c, ['deployment', '-n', ns, 'nginx-privileged']);
      return condition(current, 'ReplicaFailure')?.status === 'True' ? current : undefined;
    });
    expect(condition(failedDeployment, 'ReplicaFailure')?.reason).toBe('FailedCreate');

    expect(await pods(ns)).toEqual([]);

    const audit = await waitFor('audit annotations on the Deployment', async () => {
      const lines = (await readFile(c.auditLogPath, 'utf8')).split('\n').filter(Boolean);
      return lines
        .map((line) => JSON.parse(line) as AuditEvent)
        .find(
          (e) =>
            e.objectRef?.namespace === ns &&
            e.objectRef.resource === 'deployments' &&
            e.objectRef.name === 'nginx-privileged' &&
            e.annotations?.[`${PSA}/audit-violations`] !== undefined,
        );
    });
    expect(audit.annotations?.[`${PSA}/audit-violations`]).toMatch(
      /^would violate PodSecurity "restricted:latest": privileged/,
    );
  }, 90_000);

  it('a restricted-compliant Deployment gets a Pod (Pending: there is no scheduler)', async () => {
    const c = cluster();
    const result = await apply(c, ns, deployment('nginx-compliant', 1, restrictedSpec));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('deployment.apps/nginx-compliant created\n');
    expect(warningLines(result.stderr)).toEqual([]);
    const [created] = await waitFor('a Pod of nginx-compliant', async () => {
      const list = await pods(ns, 'app=nginx-compliant');
      return list.length > 0 ? list : undefined;
    });
    expect(created?.status?.phase).toBe('Pending');
    expect(created?.metadata.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
  }, 90_000);
});

describe('kubectl label --dry-run=server --overwrite ns NS pod-security.kubernetes.io/enforce=LEVEL', () => {
  let ns = '';
  /** Pods violating baseline: 3 replicas of `privileged`, the bare Pod `alpha` (same violations), `hostnet`. */
  const baselineViolators = 5;
  /** Plus the replica of `plain`; the 2 replicas of `compliant` violate nothing. */
  const restrictedViolators = 6;

  beforeAll(async () => {
    const c = cluster();
    ns = uniqueName('what-if');
    await createNamespace(c, ns);
    const created = await apply(
      c,
      ns,
      deployment('privileged', 3, privilegedSpec),
      deployment('plain', 1, plainSpec),
      deployment('compliant', 2, restrictedSpec),
      pod('hostnet', { ...plainSpec, hostNetwork: true }),
      // Created last but named first: the group is named after its lexicographically first pod.
      pod('alpha', privilegedSpec),
    );
    expect(created.code, created.stderr).toBe(0);
    await waitFor('8 pods', async () => ((await pods(ns)).length === 8 ? true : undefined));
  }, 90_000);

  afterAll(async () => {
    if (ns !== '') {
      await deleteNamespace(cluster(), ns);
    }
  });

  it('restricted: one header line, then one sorted line per distinct violation set', async () => {
    const c = cluster();
    const result = await psaEnforceDryRunSettled(c, ns, 'restricted', restrictedViolators);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`namespace/${ns} labeled (server dry run)\n`);
    expect(result.stderr).toBe(result.warnings.map((w) => `Warning: ${w}\n`).join(''));
    const [header, ...lines] = result.warnings;
    expect(header).toBe(
      `existing pods in namespace "${ns}" violate the new PodSecurity enforce level "restricted:latest"`,
    );
    expect(lines).toHaveLength(3);
    expect(lines).toEqual([...lines].sort());
    expect(lines[0]).toMatch(/^alpha \(and 3 other pods\): privileged, /);
    expect(lines[1]).toMatch(/^hostnet: host namespaces, /);
    expect(lines[2]).toMatch(/^plain-[a-z0-9]+-[a-z0-9]+: allowPrivilegeEscalation != false, /);
    expect(result.stderr).not.toContain('compliant');
    expect(countedPods(result.warnings)).toBe(restrictedViolators);

    // Stable byte for byte, and nothing was changed.
    expect((await psaEnforceDryRun(c, ns, 'restricted')).stderr).toBe(result.stderr);
    const namespace = await getJson(c, ['namespace', ns]);
    expect(namespace.metadata.labels?.[`${PSA}/enforce`]).toBeUndefined();
  }, 60_000);

  it('baseline: only the pods violating baseline, with the check names only', async () => {
    const result = await psaEnforceDryRunSettled(cluster(), ns, 'baseline', baselineViolators);
    expect(result.code).toBe(0);
    expect(result.warnings).toEqual([
      `existing pods in namespace "${ns}" violate the new PodSecurity enforce level "baseline:latest"`,
      'alpha (and 3 other pods): privileged',
      'hostnet: host namespaces',
    ]);
  }, 60_000);

  it('privileged: no warnings', async () => {
    const result = await psaEnforceDryRun(cluster(), ns, 'privileged');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

interface AuditEvent {
  objectRef?: { resource?: string; namespace?: string; name?: string };
  annotations?: Record<string, string>;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
