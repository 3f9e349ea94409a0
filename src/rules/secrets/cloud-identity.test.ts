import { describe, expect, it } from 'vitest';
import { CLONE_SETS, cloneSet, deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './cloud-identity.js';

const ACCOUNTS = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: uploader
  namespace: media
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/media-uploader
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: reader
  namespace: media
  annotations:
    azure.workload.identity/client-id: 00000000-1111-2222-3333-444444444444
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: exporter
  annotations:
    iam.gke.io/gcp-service-account: exporter@project.iam.gserviceaccount.com
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: plain
  namespace: media
  annotations:
    eks.amazonaws.com/role-arn: ""
`;

describe('secrets/cloud-identity', () => {
  it('lists the cloud identity of each service account at info severity', () => {
    const findings = findingsOf(rule, ACCOUNTS);
    expect(
      findings.map(({ severity, pointer, message }) => ({ severity, pointer, message })),
    ).toEqual([
      {
        severity: 'info',
        pointer: '/metadata/annotations/eks.amazonaws.com~1role-arn',
        message:
          'Service account "media/uploader" can assume AWS IAM role "arn:aws:iam::123456789012:role/media-uploader" through IRSA (eks.amazonaws.com/role-arn).',
      },
      {
        severity: 'info',
        pointer: '/metadata/annotations/azure.workload.identity~1client-id',
        message:
          'Service account "media/reader" is federated with Azure identity "00000000-1111-2222-3333-444444444444" (azure.workload.identity/client-id).',
      },
      {
        severity: 'info',
        pointer: '/metadata/annotations/iam.gke.io~1gcp-service-account',
        message:
          'Service account "exporter" can act as Google service account "exporter@project.iam.gserviceaccount.com" (iam.gke.io/gcp-service-account).',
      },
    ]);
  });

  it('lists pods that opt into Azure Workload Identity', () => {
    const yaml = deployment(
      `
serviceAccountName: reader
containers: [{name: app, image: "example.com/app:1.0.0"}]
`,
      `
labels:
  app: web
  azure.workload.identity/use: "true"
`,
    );
    // The helper sets the template labels itself; replace them with these.
    const findings = findingsOf(rule, yaml.replace('      labels: {app: web}\n', ''));
    expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: '/spec/template/metadata/labels/azure.workload.identity~1use',
        message:
          'The pod template opts into Azure Workload Identity (azure.workload.identity/use: "true") with service account "shop/reader".',
      },
    ]);
  });

  it('reports legacy node-credential brokers at low severity', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: legacy
  labels: {aadpodidbinding: app-identity}
  annotations: {iam.amazonaws.com/role: legacy-role}
spec:
  containers: [{name: app, image: "example.com/app:1.0.0"}]
`;
    expect(findingsOf(rule, yaml).map(({ severity, message }) => `${severity} ${message}`)).toEqual(
      [
        'low The pod template requests AWS IAM role "legacy-role" through the iam.amazonaws.com/role annotation (kube2iam or kiam), which relies on the node\'s credentials; move to IRSA or EKS Pod Identity.',
        'low The pod template uses the retired AAD Pod Identity (aadpodidbinding: "app-identity"); move to Azure Workload Identity.',
      ],
    );
  });

  it('passes workloads and service accounts without cloud identities', () => {
    const yaml = deployment('containers: [{name: app, image: "example.com/app:1.0.0"}]');
    expect(findingsOf(rule, yaml)).toEqual([]);
    expect(
      findingsOf(rule, 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n'),
    ).toEqual([]);
  });

  it('lists custom workload kinds that the configuration maps to a pod template, never a PodTemplate', () => {
    const workload = cloneSet(
      'web',
      '{azure.workload.identity/use: "true"}',
      '{serviceAccountName: reader, containers: [{name: app, image: "example.com/app:1.0.0"}]}',
    );
    expect(
      findingsOf(rule, workload, { config: CLONE_SETS }).map(({ pointer, message }) => ({
        pointer,
        message,
      })),
    ).toEqual([
      {
        pointer: '/spec/template/metadata/labels/azure.workload.identity~1use',
        message:
          'The pod template opts into Azure Workload Identity (azure.workload.identity/use: "true") with service account "shop/reader".',
      },
    ]);
    // Without the mapping, a CloneSet is just a custom resource.
    expect(findingsOf(rule, workload)).toEqual([]);
    // A PodTemplate describes pods for others to create: no pod of its own holds the identity.
    const template = `apiVersion: v1
kind: PodTemplate
metadata: {name: web, namespace: shop}
template:
  metadata:
    labels: {azure.workload.identity/use: "true"}
  spec:
    containers: [{name: app, image: "example.com/app:1.0.0"}]
`;
    expect(findingsOf(rule, template)).toEqual([]);
  });
});
