/**
 * `mamori psa what-if` against a real kube-apiserver: its prediction must equal, byte for byte,
 * the warnings of `kubectl label --dry-run=server --overwrite ns NS pod-security.kubernetes.io/enforce=LEVEL`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/execute.js';
import { fakeIO } from '../cli/fake-io.js';
import {
  apply,
  countedPods,
  createNamespace,
  deleteNamespace,
  getJson,
  psaEnforceDryRun,
  psaEnforceDryRunSettled,
  uniqueName,
  waitFor,
  warningLines,
  type KubeList,
} from '../envtest/kube.js';
import { useCluster } from '../envtest/use-cluster.js';

const cluster = useCluster();

const IMAGE = 'nginx:1.14.2';
type Spec = Record<string, unknown>;

const privileged = (container: string): Spec => ({
  containers: [{ name: container, image: IMAGE, securityContext: { privileged: true } }],
});
const plain: Spec = { containers: [{ name: 'app', image: IMAGE }] };
const hostNetwork: Spec = { hostNetwork: true, containers: [{ name: 'app', image: IMAGE }] };
const hostPath: Spec = {
  containers: [{ name: 'app', image: IMAGE }],
  volumes: [{ name: 'root', hostPath: { path: '/' } }],
};
const restricted: Spec = {
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 101,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  containers: [
    {
      name: 'app',
      image: IMAGE,
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};

function pod(name: string, spec: Spec): object {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

function deployment(name: string, replicas: number, spec: Spec): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
    },
  };
}

async function whatIf(
  namespace: string,
  level: string,
): Promise<{ code: number; lines: string[]; stderr: string }> {
  const io = fakeIO({ env: { HOME: '/nonexistent' } });
  const code = await execute(
    ['psa', 'what-if', '--kubeconfig', cluster().kubeconfigPath, '--level', level, '-n', namespace],
    io,
  );
  const lines = io
    .out()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^Warning: /, ''));
  return { code, lines, stderr: io.err() };
}

async function podCount(namespace: string): Promise<number> {
  return (await getJson<KubeList>(cluster(), ['pods', '-n', namespace])).items.length;
}

describe('mamori psa what-if', () => {
  const mixed = uniqueName('whatif-mixed');
  const clean = uniqueName('whatif-clean');
  const labelled = uniqueName('whatif-labelled');
  const empty = uniqueName('whatif-empty');

  beforeAll(async () => {
    const c = cluster();
    await Promise.all([
      createNamespace(c, mixed),
      createNamespace(c, clean),
      createNamespace(c, labelled, { 'pod-security.kubernetes.io/enforce': 'baseline' }),
      createNamespace(c, empty),
    ]);
    const results = await Promise.all([
      apply(
        c,
        mixed,
        pod('priv-b', privileged('one')),
        pod('priv-a', privileged('two')),
        pod('priv-c', privileged('three')),
        pod('host-net', hostNetwork),
        pod('host-path', hostPath),
        pod('plain', plain),
        pod('tight', restricted),
        deployment('web', 3, plain),
      ),
      apply(c, clean, pod('tight-a', restricted), pod('tight-b', restricted)),
      apply(c, labelled, pod('plain-x', plain), pod('plain-y', plain), pod('tight', restricted)),
    ]);
    for (const result of results) {
      expect(result.code, result.stderr).toBe(0);
    }
    await waitFor('the Deployment pods', async () =>
      (await podCount(mixed)) === 10 ? true : undefined,
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([mixed, clean, labelled, empty].map((ns) => deleteNamespace(cluster(), ns)));
  });

  const cases: [string, () => string, 'baseline' | 'restricted'][] = [
    ['groups identical violation sets (baseline)', () => mixed, 'baseline'],
    ['groups identical violation sets (restricted)', () => mixed, 'restricted'],
    ['says nothing for compliant pods', () => clean, 'restricted'],
    ['says nothing when the label would not change', () => labelled, 'baseline'],
    ['evaluates a stricter level over an existing label', () => labelled, 'restricted'],
    ['says nothing for an empty namespace', () => empty, 'restricted'],
  ];
  for (const [title, namespaceOf, level] of cases) {
    it(`${title}: byte for byte as the API server`, async () => {
      const namespace = namespaceOf();
      const predicted = await whatIf(namespace, level);
      expect(predicted.stderr).toBe('');
      const violating = countedPods(predicted.lines);
      const server =
        violating === 0
          ? await psaEnforceDryRun(cluster(), namespace, level)
          : await psaEnforceDryRunSettled(cluster(), namespace, level, violating);
      expect(predicted.lines).toEqual(server.warnings);
      expect(predicted.code).toBe(violating === 0 ? 0 : 1);
    });
  }

  it('predicts the grouped line with "(and N other pods)"', async () => {
    const predicted = await whatIf(mixed, 'baseline');
    expect(predicted.lines).toContain('priv-a (and 2 other pods): privileged');
    expect(predicted.lines[0]).toBe(
      `existing pods in namespace "${mixed}" violate the new PodSecurity enforce level "baseline:latest"`,
    );
  });

  it('predicts a pinned --version byte for byte', async () => {
    const io = fakeIO({ env: { HOME: '/nonexistent' } });
    const code = await execute(
      [
        'psa',
        'what-if',
        '--kubeconfig',
        cluster().kubeconfigPath,
        '--level',
        'restricted',
        '--version',
        'v1.24',
        '-n',
        mixed,
      ],
      io,
    );
    expect(code).toBe(1);
    const server = await cluster().kubectl([
      'label',
      '--dry-run=server',
      '--overwrite',
      'ns',
      mixed,
      'pod-security.kubernetes.io/enforce=restricted',
      'pod-security.kubernetes.io/enforce-version=v1.24',
    ]);
    expect(io.out()).toBe(
      warningLines(server.stderr)
        .map((line) => `Warning: ${line}\n`)
        .join(''),
    );
    expect(io.out()).toContain('"restricted:v1.24"');
  });

  it('covers every namespace with -A', async () => {
    const io = fakeIO({ env: { HOME: '/nonexistent' } });
    await execute(
      ['psa', 'what-if', '--kubeconfig', cluster().kubeconfigPath, '--level', 'baseline', '-A'],
      io,
    );
    const single = await whatIf(mixed, 'baseline');
    const text = single.lines.map((line) => `Warning: ${line}\n`).join('');
    expect(io.out()).toContain(text);
  });

  it('prints JSON with --format json', async () => {
    const io = fakeIO({ env: { HOME: '/nonexistent' } });
    const code = await execute(
      [
        'psa',
        'what-if',
        `--kubeconfig=${cluster().kubeconfigPath}`,
        '--level=restricted',
        '-n',
        clean,
        '--format',
        'json',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      level: 'restricted',
      version: 'latest',
      namespaces: [{ namespace: clean, warnings: [] }],
    });
  });
});
