import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindsFromFileName } from './bundle.js';
import { loadInputs } from './load.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mamori-cloud-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const eksCluster = (name: string) =>
  JSON.stringify({
    cluster: {
      name,
      arn: `arn:aws:eks:eu-west-1:1:cluster/${name}`,
      version: '1.34',
      resourcesVpcConfig: {},
    },
  });
const namespaces = (...names: string[]) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: names.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
  });

describe('loadInputs', () => {
  it('gives each cluster of a directory the objects nearest to it', () => {
    const root = tree({
      'prod/eks/describe-cluster.json': eksCluster('prod'),
      'prod/k8s/namespaces.json': namespaces('payments'),
      'dev/eks/describe-cluster.json': eksCluster('dev'),
      'dev/k8s/namespaces.json': namespaces('sandbox'),
      'dev/k8s/networkpolicies.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }),
    });
    const loaded = loadInputs([root]);
    expect(loaded.problems).toEqual([]);
    const byName = Object.fromEntries(loaded.bundles.map((bundle) => [bundle.name, bundle]));
    expect(Object.keys(byName).sort()).toEqual(['dev', 'prod']);
    expect(byName.prod?.documents.map((document) => document.file.slice(root.length))).toEqual([
      '/prod/eks/describe-cluster.json',
      '/prod/k8s/namespaces.json',
    ]);
    expect(byName.dev?.kubernetesKinds).toEqual(['Namespace', 'NetworkPolicy']);
    expect(byName.prod?.kubernetesKinds).toEqual(['Namespace']);
  });

  it('routes companions that name their cluster', () => {
    const root = tree({
      'a.json': eksCluster('a'),
      'b.json': eksCluster('b'),
      'ng.json': JSON.stringify({ nodegroup: { nodegroupName: 'n', clusterName: 'b' } }),
    });
    const byName = Object.fromEntries(
      loadInputs([root]).bundles.map((bundle) => [
        bundle.name,
        bundle.documents.map((document) => document.kind),
      ]),
    );
    expect(byName).toEqual({ a: ['eks-cluster'], b: ['eks-cluster', 'eks-nodegroup'] });
  });

  it('keeps two descriptions of same-named clusters apart', () => {
    const root = tree({
      'weak/cluster.json': eksCluster('demo'),
      'weak/namespaces.json': namespaces('a'),
      'hardened/cluster.json': eksCluster('demo'),
    });
    const bundles = loadInputs([join(root, 'weak'), join(root, 'hardened')]).bundles;
    expect(bundles.map((bundle) => [bundle.name, bundle.documents.length])).toEqual([
      ['demo', 2],
      ['demo', 1],
    ]);
  });

  it('keeps Kubernetes objects with a cluster known only from companions', () => {
    const root = tree({
      'k8s/a-namespaces.json': namespaces('a'),
      'nodegroups/ng.json': JSON.stringify({
        nodegroup: { nodegroupName: 'n', clusterName: 'prod' },
      }),
    });
    const bundles = loadInputs([root]).bundles;
    expect(
      bundles.map((bundle) => [bundle.provider, bundle.name, bundle.documents.length]),
    ).toEqual([['eks', 'prod', 2]]);
  });

  it('makes a Kubernetes-only bundle from objects alone, and reads multi-document YAML', () => {
    const root = tree({
      'objects.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n',
    });
    const [only] = loadInputs([root]).bundles;
    expect(only).toMatchObject({ provider: 'kubernetes' });
    expect(only?.documents).toHaveLength(2);
  });

  it('reports bad input with its location, and unrecognised files named explicitly', () => {
    const root = tree({
      'bad.json': '{"cluster": {',
      'other.json': '{"hello": 1}',
      'dir/other.json': '{"hello": 1}',
    });
    const loaded = loadInputs([
      join(root, 'bad.json'),
      join(root, 'other.json'),
      join(root, 'dir'),
    ]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ file: join(root, 'bad.json'), line: 1 }),
      expect.objectContaining({
        file: join(root, 'other.json'),
        message: expect.stringContaining('not a recognised') as unknown,
      }),
    ]);
    expect(loaded.skipped).toEqual([
      {
        file: join(root, 'dir/other.json'),
        reason: 'not a recognised cloud CLI output or Kubernetes object',
      },
    ]);
    expect(loadInputs([join(root, 'missing.json')]).problems[0]?.message).toBe(
      'no such file or directory',
    );
  });

  it('reads standard input', () => {
    const loaded = loadInputs(['-'], eksCluster('piped'));
    expect(loaded.bundles.map((bundle) => [bundle.provider, bundle.name])).toEqual([
      ['eks', 'piped'],
    ]);
  });

  it('knows Kubernetes kinds from file names', () => {
    expect(kindsFromFileName('k8s/networkpolicies.json')).toEqual(['NetworkPolicy']);
    expect(kindsFromFileName('k8s/aws-auth.yaml')).toEqual(['ConfigMap/aws-auth']);
    expect(kindsFromFileName('k8s/rolebindings.json')).toEqual(['RoleBinding']);
    expect(kindsFromFileName('report.json')).toEqual([]);
  });
});
