import { describe, expect, it } from 'vitest';
import { detectDocuments } from './detect.js';

const kinds = (value: unknown, file = 'x.json') =>
  detectDocuments(value, file).documents.map((item) => [item.kind, item.basePath]);

describe('detectDocuments', () => {
  it('recognises the AWS outputs, unwrapping the CLI and SDK wrappers', () => {
    expect(kinds({ cluster: { name: 'a', resourcesVpcConfig: {} } })).toEqual([
      ['eks-cluster', 'cluster'],
    ]);
    expect(
      kinds({
        Cluster: { Name: 'a', ResourcesVpcConfig: {} },
        ResponseMetadata: { RequestId: 'r' },
      }),
    ).toEqual([['eks-cluster', 'Cluster']]);
    expect(kinds({ name: 'a', resourcesVpcConfig: {}, version: '1.30' })).toEqual([
      ['eks-cluster', ''],
    ]);
    expect(kinds({ nodegroups: ['a'] })).toEqual([['eks-nodegroups-list', '']]);
    expect(kinds({ nodegroup: { nodegroupName: 'a' } })).toEqual([['eks-nodegroup', 'nodegroup']]);
    expect(kinds({ addons: [] })).toEqual([['eks-addons-list', '']]);
    expect(kinds({ addon: { addonName: 'vpc-cni' } })).toEqual([['eks-addon', 'addon']]);
    expect(kinds({ accessEntries: ['arn'] })).toEqual([['eks-access-entries-list', '']]);
    expect(kinds({ accessEntry: { principalArn: 'arn' } })).toEqual([
      ['eks-access-entry', 'accessEntry'],
    ]);
    expect(kinds({ clusterName: 'a', principalArn: 'arn', associatedAccessPolicies: [] })).toEqual([
      ['eks-associated-access-policies', ''],
    ]);
    expect(kinds({ associations: [] })).toEqual([['eks-pod-identity-associations', '']]);
    expect(kinds({ clusterVersions: [] })).toEqual([['eks-cluster-versions', '']]);
    expect(kinds({ LaunchTemplateVersions: [] })).toEqual([['ec2-launch-template-versions', '']]);
    expect(kinds({ Reservations: [] })).toEqual([['ec2-instances', '']]);
    expect(kinds({ EbsEncryptionByDefault: true })).toEqual([['ec2-ebs-encryption-default', '']]);
    expect(kinds({ OpenIDConnectProviderList: [] })).toEqual([['iam-oidc-providers', '']]);
    expect(kinds({ repositories: [] })).toEqual([['ecr-repositories', '']]);
    expect(kinds({ registryId: '1', scanningConfiguration: { scanType: 'BASIC' } })).toEqual([
      ['ecr-registry-scanning', ''],
    ]);
  });

  it('recognises AKS in CLI, ARM, PascalCase and list forms', () => {
    expect(kinds({ name: 'a', agentPoolProfiles: [], enableRbac: true })).toEqual([
      ['aks-cluster', ''],
    ]);
    expect(
      kinds({
        name: 'a',
        type: 'Microsoft.ContainerService/managedClusters',
        properties: { enableRBAC: true },
      }),
    ).toEqual([['aks-cluster', '']]);
    expect(kinds({ Name: 'a', DnsPrefix: 'a', KubernetesVersion: '1.33' })).toEqual([
      ['aks-cluster', ''],
    ]);
    expect(
      kinds([
        { name: 'a', agentPoolProfiles: [] },
        { name: 'b', agentPoolProfiles: [] },
      ]),
    ).toEqual([
      ['aks-cluster', '[0]'],
      ['aks-cluster', '[1]'],
    ]);
    expect(kinds([{ name: 'p', vmSize: 'Standard_D2s_v5', mode: 'System' }])).toEqual([
      ['aks-nodepools', ''],
    ]);
    expect(
      kinds({
        value: [{ name: 's', properties: { logs: [{ category: 'guard', enabled: true }] } }],
      }),
    ).toEqual([['aks-diagnostic-settings', 'value']]);
    expect(kinds([], 'aks/diagnostic-settings.json')).toEqual([['aks-diagnostic-settings', '']]);
  });

  it('recognises GKE single and listed clusters', () => {
    const cluster = {
      name: 'g',
      selfLink: 'https://container.googleapis.com/v1/projects/p/locations/l/clusters/g',
    };
    expect(kinds(cluster)).toEqual([['gke-cluster', '']]);
    expect(kinds([cluster, { ...cluster, name: 'h' }])).toEqual([
      ['gke-cluster', '[0]'],
      ['gke-cluster', '[1]'],
    ]);
    expect(kinds({ clusters: [cluster] })).toEqual([['gke-cluster', 'clusters[0]']]);
  });

  it('recognises Kubernetes objects and lists, and never reads Secrets', () => {
    expect(
      kinds({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }],
      }),
    ).toEqual([['k8s-object', 'items[0]']]);
    const secret = detectDocuments(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { token: 'x' } },
      's.json',
    );
    expect(secret.documents).toEqual([]);
    expect(secret.skipped).toEqual(['a Secret (Secrets are never read)']);
    expect(
      kinds({
        apiVersion: 'kubescape/v1',
        kind: 'ClusterDescribe',
        data: { Cluster: { Name: 'a', ResourcesVpcConfig: {} } },
      }),
    ).toEqual([['eks-cluster', 'data.Cluster']]);
  });

  it('accepts hand-made documents that combine or wrap outputs', () => {
    expect(
      kinds({
        cluster: { name: 'a', resourcesVpcConfig: {} },
        nodegroups: ['n'],
        addons: ['vpc-cni'],
      }),
    ).toEqual([
      ['eks-cluster', 'cluster'],
      ['eks-nodegroups-list', ''],
      ['eks-addons-list', ''],
    ]);
    expect(
      kinds({
        eks: { describeCluster: { cluster: { name: 'a', resourcesVpcConfig: {} } } },
        kubernetes: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }],
      }),
    ).toEqual([
      ['eks-cluster', 'eks.describeCluster.cluster'],
      ['k8s-object', 'kubernetes[0]'],
    ]);
    expect(
      kinds([
        { nodegroup: { nodegroupName: 'a' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } },
      ]),
    ).toEqual([
      ['eks-nodegroup', '[0].nodegroup'],
      ['k8s-object', '[1]'],
    ]);
  });

  it('reads bundle manifests and skips what it does not know', () => {
    expect(
      detectDocuments({ mamoriBundle: 1, kubernetesKinds: ['NetworkPolicy'] }, 'm.json')
        .kubernetesKinds,
    ).toEqual(['NetworkPolicy']);
    expect(detectDocuments({ hello: 'world' }, 'h.json').skipped).toEqual([
      'not a recognised cloud CLI output or Kubernetes object',
    ]);
  });
});
