import { describe, expect, it } from 'vitest';
import { collect, scrubKubernetes, type CollectEnv, type CollectOptions } from './collect.js';
import type { RunResult } from './collect-env.js';
import { kindsFromFileName } from './bundle.js';
import { detectDocuments } from './detect.js';

interface Fake {
  env: CollectEnv;
  files: Map<string, string>;
  calls: string[];
  logs: string[];
}

function fake(
  outputs: Record<string, unknown>,
  installed: string[] = ['aws', 'az', 'gcloud', 'kubectl'],
): Fake {
  const files = new Map<string, string>();
  const calls: string[] = [];
  const logs: string[] = [];
  const env: CollectEnv = {
    run: (program, args) => {
      const command = [program, ...args].join(' ');
      calls.push(command);
      const key = Object.keys(outputs).find((prefix) => command.startsWith(prefix));
      const result: RunResult =
        key === undefined
          ? { code: 254, stdout: '', stderr: 'An error occurred (AccessDenied)' }
          : {
              code: 0,
              stdout: (() => {
                const output = outputs[key];
                return typeof output === 'string' ? output : JSON.stringify(output);
              })(),
              stderr: '',
            };
      return Promise.resolve(result);
    },
    which: (program) => (installed.includes(program) ? `/usr/bin/${program}` : undefined),
    writeFile: (path, text) => files.set(path, text),
    log: (line) => logs.push(line),
    now: () => new Date('2026-11-20T00:00:00Z'),
  };
  return { env, files, calls, logs };
}

const options = (
  provider: CollectOptions['provider'],
  extra: Partial<CollectOptions> = {},
): CollectOptions => ({
  provider,
  name: 'prod',
  out: 'bundle',
  kubernetes: true,
  ...extra,
});

describe('collect', () => {
  it('says clearly when the provider CLI is missing', async () => {
    const { env, calls } = fake({}, []);
    const result = await collect(options('eks'), env);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^aws was not found on PATH\. Install the AWS CLI/);
    expect(calls).toEqual([]);
    expect((await collect(options('aks', { resourceGroup: 'rg' }), env)).message).toMatch(
      /^az was not found/,
    );
    expect((await collect(options('gke'), env)).message).toMatch(/^gcloud was not found/);
  });

  it('exports an EKS bundle that the loader recognises, recording failures', async () => {
    const { env, files, calls } = fake({
      'aws eks describe-cluster --name prod --region eu-west-1': {
        cluster: { name: 'prod', resourcesVpcConfig: {} },
      },
      'aws eks list-nodegroups': { nodegroups: ['ng'] },
      'aws eks describe-nodegroup': {
        nodegroup: {
          nodegroupName: 'ng',
          clusterName: 'prod',
          launchTemplate: { id: 'lt-1', version: '2' },
        },
      },
      'aws ec2 describe-launch-template-versions --launch-template-id lt-1 --versions 2': {
        LaunchTemplateVersions: [{ LaunchTemplateId: 'lt-1', VersionNumber: 2 }],
      },
      'aws eks list-addons': { addons: ['vpc-cni'] },
      'aws eks describe-addon': { addon: { addonName: 'vpc-cni' } },
      'aws eks list-access-entries': { accessEntries: ['arn:aws:iam::1:role/admin'] },
      'kubectl get namespaces': { apiVersion: 'v1', kind: 'List', items: [] },
      'kubectl get pods': {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: {
              name: 'p',
              namespace: 'a',
              annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"secret":1}' },
            },
            spec: { containers: [{ name: 'c', env: [{ name: 'PASSWORD', value: 'hunter2' }] }] },
          },
        ],
      },
      'kubectl get configmap aws-auth': '',
    });
    const result = await collect(options('eks', { region: 'eu-west-1' }), env);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/failed; the checks that need them will be unknown/);
    expect(calls[0]).toBe('aws eks describe-cluster --name prod --region eu-west-1 --output json');
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'bundle/eks/describe-cluster.json',
        'bundle/eks/nodegroups/ng.json',
        'bundle/ec2/launch-template-versions.json',
        'bundle/eks/addons/vpc-cni.json',
        'bundle/k8s/namespaces.json',
        'bundle/k8s/pods.json',
        'bundle/mamori-bundle.json',
      ]),
    );
    expect(files.get('bundle/k8s/pods.json')).not.toMatch(/hunter2|last-applied/);
    const manifest = JSON.parse(files.get('bundle/mamori-bundle.json') ?? '{}') as {
      kubernetesKinds: string[];
      commands: { ok: boolean }[];
    };
    expect(manifest.kubernetesKinds).toEqual(['Namespace', 'Pod', 'ConfigMap/aws-auth']);
    expect(manifest.commands.some((command) => !command.ok)).toBe(true);
    for (const [path, text] of files) {
      const detection = detectDocuments(JSON.parse(text), path);
      expect(
        detection.documents.length +
          detection.kubernetesKinds.length +
          kindsFromFileName(path).length,
        path,
      ).toBeGreaterThan(0);
    }
  });

  it('fails when the cluster itself cannot be described', async () => {
    const { env } = fake({});
    const result = await collect(options('gke', { location: 'europe-west4' }), env);
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('gcloud container clusters describe prod failed');
  });

  it('collects AKS with its node pools and diagnostic settings, and warns without kubectl', async () => {
    const id =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/prod';
    const { env, files, logs } = fake(
      {
        'az aks show': { id, name: 'prod', agentPoolProfiles: [] },
        'az aks nodepool list': [],
        'az monitor diagnostic-settings list': [],
      },
      ['az'],
    );
    const result = await collect(options('aks', { resourceGroup: 'rg' }), env);
    expect(result.ok).toBe(true);
    expect([...files.keys()].sort()).toEqual([
      'bundle/aks/diagnostic-settings.json',
      'bundle/aks/nodepools.json',
      'bundle/aks/show.json',
      'bundle/mamori-bundle.json',
    ]);
    expect(logs.some((line) => line.startsWith('kubectl was not found on PATH'))).toBe(true);
  });

  it('scrubs environment values and last-applied annotations', () => {
    expect(
      scrubKubernetes({
        metadata: {
          annotations: { a: '1', 'kubectl.kubernetes.io/last-applied-configuration': 'x' },
        },
        env: [
          { name: 'A', value: 's' },
          { name: 'B', valueFrom: {} },
        ],
      }),
    ).toEqual({
      metadata: { annotations: { a: '1' } },
      env: [
        { name: 'A', value: '<removed by mamori>' },
        { name: 'B', valueFrom: {} },
      ],
    });
  });
});
