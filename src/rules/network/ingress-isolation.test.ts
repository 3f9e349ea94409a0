import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './ingress-isolation.js';

const APP = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);

function policy(spec: string, namespace = 'shop', apiVersion = 'networking.k8s.io/v1'): string {
  return `
---
apiVersion: ${apiVersion}
kind: NetworkPolicy
metadata:
  name: policy
  namespace: ${namespace}
spec:
${spec
  .trim()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;
}

describe('network/ingress-isolation', () => {
  it('reports every workload of a namespace without NetworkPolicies', () => {
    const findings = findingsOf(rule, APP);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'network/ingress-isolation',
      severity: 'medium',
      pointer: '/spec/template/metadata/labels',
      line: 11,
      message:
        'Namespace "shop" has no NetworkPolicy, so no policy selects these pods and they accept connections from anywhere.',
    });
  });

  it('passes a workload selected by a default-deny policy', () => {
    const yaml = APP + policy('podSelector: {}\npolicyTypes: [Ingress]');
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('treats a policy without policyTypes as an ingress policy', () => {
    expect(findingsOf(rule, APP + policy('podSelector: {}'))).toEqual([]);
  });

  it('passes a NetworkPolicy object without spec (it selects every pod for ingress)', () => {
    const yaml = `${APP}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
`;
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a workload that the policies of its namespace do not select', () => {
    const yaml = APP + policy('podSelector:\n  matchLabels: {app: api}');
    const findings = findingsOf(rule, yaml);
    expect(findings.map((finding) => finding.message)).toEqual([
      'No NetworkPolicy in namespace "shop" selects these pods for ingress, so they accept connections from anywhere (NetworkPolicies in the namespace: 1).',
    ]);
  });

  it('matches matchExpressions against the pod template labels', () => {
    const selects = policy(`podSelector:
  matchExpressions:
    - {key: app, operator: NotIn, values: [api]}
    - {key: tier, operator: DoesNotExist}`);
    expect(findingsOf(rule, APP + selects)).toEqual([]);
    const misses = policy(`podSelector:
  matchExpressions:
    - {key: app, operator: In, values: [api, worker]}`);
    expect(findingsOf(rule, APP + misses)).toHaveLength(1);
  });

  it('does not count an egress-only policy', () => {
    const yaml = APP + policy('podSelector: {}\npolicyTypes: [Egress]');
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      expect.stringContaining(
        'No NetworkPolicy in namespace "shop" selects these pods for ingress',
      ),
    ]);
  });

  it('ignores policies of other namespaces, and the namespaceSelector of peers', () => {
    const other = policy('podSelector: {}', 'other');
    expect(findingsOf(rule, APP + other).map((finding) => finding.message)).toEqual([
      expect.stringContaining('Namespace "shop" has no NetworkPolicy'),
    ]);
    const peers = policy(`podSelector:
  matchLabels: {app: api}
ingress:
  - from:
      - namespaceSelector: {}`);
    expect(findingsOf(rule, APP + peers)).toHaveLength(1);
  });

  it('puts objects without a namespace in default', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers: [{name: app, image: "nginx:1.27"}]
`;
    const findings = findingsOf(rule, pod);
    expect(findings[0]?.message).toContain('Namespace "default"');
    expect(findings[0]?.pointer).toBe('/metadata/labels');
    const unnamespaced = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
spec: {podSelector: {matchLabels: {app: web}}}
`;
    expect(findingsOf(rule, pod + unnamespaced)).toEqual([]);
    expect(findingsOf(rule, pod + policy('podSelector: {}', 'default'))).toEqual([]);
  });

  it('counts Calico policies whose selector it can evaluate', () => {
    const calico = (selector: string, types = '[Ingress]'): string =>
      policy(`selector: ${selector}\ntypes: ${types}`, 'shop', 'projectcalico.org/v3');
    expect(findingsOf(rule, APP + calico('all()'))).toEqual([]);
    expect(findingsOf(rule, APP + calico(`app == 'web' && !has(canary)`))).toEqual([]);
    expect(findingsOf(rule, APP + calico(`app in {'api', 'web'}`))).toEqual([]);
    // Selecting other pods, or only egress, leaves these pods open.
    expect(findingsOf(rule, APP + calico(`app == 'db'`))).toHaveLength(1);
    expect(findingsOf(rule, APP + calico('all()', '[Egress]'))).toHaveLength(1);
  });

  it('says so, at low severity, when only a policy it cannot evaluate might isolate the pods', () => {
    const calico = policy(
      `selector: app == 'web' || tier == 'front'\ntypes: [Ingress]`,
      'shop',
      'projectcalico.org/v3',
    );
    expect(findingsOf(rule, APP + calico)).toMatchObject([
      {
        severity: 'low',
        message: expect.stringContaining(
          'NetworkPolicy policy of the network plugin may',
        ) as string,
      },
    ]);
  });

  it('counts Cilium policies, namespaced and clusterwide, with source-prefixed label keys', () => {
    const cilium = (kind: string, body: string, namespace = 'shop'): string => `
---
apiVersion: cilium.io/v2
kind: ${kind}
metadata:
  name: cnp
${kind === 'CiliumNetworkPolicy' ? `  namespace: ${namespace}\n` : ''}${body}`;
    const selecting =
      'spec:\n  endpointSelector: {matchLabels: {"k8s:app": web}}\n  ingress: [{}]\n';
    expect(findingsOf(rule, APP + cilium('CiliumNetworkPolicy', selecting))).toEqual([]);
    expect(findingsOf(rule, APP + cilium('CiliumNetworkPolicy', selecting, 'other'))).toHaveLength(
      1,
    );
    const egressOnly = 'spec:\n  endpointSelector: {}\n  egress: [{}]\n';
    expect(findingsOf(rule, APP + cilium('CiliumNetworkPolicy', egressOnly))).toHaveLength(1);
    const clusterwide =
      'specs:\n  - endpointSelector:\n      matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}\n    ingressDeny: [{}]\n';
    expect(findingsOf(rule, APP + cilium('CiliumClusterwideNetworkPolicy', clusterwide))).toEqual(
      [],
    );
  });

  it('reports hostNetwork pods even when a policy selects them', () => {
    const yaml =
      deployment(`
hostNetwork: true
containers:
  - name: app
    image: nginx:1.27
`) + policy('podSelector: {}');
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        pointer: '/spec/template/spec/hostNetwork',
        message:
          'The pods use the host network (hostNetwork: true), so NetworkPolicies cannot isolate their ingress.',
      },
    ]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, APP, { lang: 'ja' })[0]?.message).toBe(
      '名前空間 "shop" に NetworkPolicy が 1 つもないため、これらの Pod を選択するポリシーがなく、どこからの接続も受け付けます。',
    );
  });
});
