import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './egress-isolation.js';

const APP = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);

function policy(spec: string): string {
  return `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: policy, namespace: shop}
spec:
${spec
  .trim()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;
}

describe('network/egress-isolation', () => {
  it('reports a workload of a namespace without NetworkPolicies', () => {
    expect(findingsOf(rule, APP)).toMatchObject([
      {
        severity: 'low',
        pointer: '/spec/template/metadata/labels',
        message:
          'Namespace "shop" has no NetworkPolicy, so no policy selects these pods and they can connect to any destination.',
      },
    ]);
  });

  it('counts a Cilium policy with egress rules, and a Calico one that defaults to Egress', () => {
    const cilium = `
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  egressDeny: [{toEntities: [world]}]
`;
    expect(findingsOf(rule, APP + cilium)).toEqual([]);
    expect(findingsOf(rule, APP + cilium.replace('egressDeny', 'ingressDeny'))).toHaveLength(1);
    const calico = `
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: calico, namespace: shop}
spec:
  selector: app == 'web'
  egress: [{action: Deny}]
`;
    expect(findingsOf(rule, APP + calico)).toEqual([]);
  });

  it('passes a default-deny egress policy', () => {
    expect(findingsOf(rule, APP + policy('podSelector: {}\npolicyTypes: [Egress]'))).toEqual([]);
  });

  it('counts a policy without policyTypes only when it has egress rules', () => {
    const withRules = policy(`podSelector: {}
egress:
  - to: [{namespaceSelector: {}}]`);
    expect(findingsOf(rule, APP + withRules)).toEqual([]);
    expect(findingsOf(rule, APP + policy('podSelector: {}\negress: []'))).toHaveLength(1);
    expect(findingsOf(rule, APP + policy('podSelector: {}'))).toMatchObject([
      {
        message:
          'No NetworkPolicy in namespace "shop" selects these pods for egress, so they can connect to any destination (NetworkPolicies in the namespace: 1).',
      },
    ]);
  });

  it('ignores egress rules of a policy whose policyTypes leave Egress out', () => {
    const yaml = APP + policy('podSelector: {}\npolicyTypes: [Ingress]\negress: [{}]');
    expect(findingsOf(rule, yaml)).toHaveLength(1);
  });

  it('requires the policy to select the pods', () => {
    const yaml =
      APP + policy('podSelector: {matchLabels: {app: web, tier: db}}\npolicyTypes: [Egress]');
    expect(findingsOf(rule, yaml)).toHaveLength(1);
  });
});
