import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './metadata-access.js';

const APP = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);

function policy(name: string, spec: string): string {
  return `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
${spec
  .trim()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;
}

/** The policy of the real checklist: egress anywhere except the metadata address. */
const DENY_METADATA = policy(
  'deny-metadata-access',
  `podSelector: {}
policyTypes: [Egress]
egress:
  - to:
      - ipBlock:
          cidr: 0.0.0.0/0
          except: [169.254.169.254/32]`,
);

/** A policy selecting every pod with one egress rule. */
function egress(rule: string): string {
  return policy(
    'egress',
    `podSelector: {}
policyTypes: [Egress]
egress:
${rule
  .trim()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}`,
  );
}

function messages(yaml: string): string[] {
  return findingsOf(rule, yaml).map((finding) => finding.message);
}

describe('network/metadata-access', () => {
  it('reports a workload of a namespace without NetworkPolicies', () => {
    expect(findingsOf(rule, APP)).toMatchObject([
      {
        severity: 'medium',
        pointer: '/spec/template/metadata/labels',
        message:
          'Namespace "shop" has no NetworkPolicy, so nothing stops these pods from reaching the instance metadata endpoint 169.254.169.254.',
      },
    ]);
  });

  it('passes with the deny-metadata-access policy of the checklist', () => {
    expect(messages(APP + DENY_METADATA)).toEqual([]);
  });

  it('passes a default-deny egress policy', () => {
    expect(messages(APP + policy('deny', 'podSelector: {}\npolicyTypes: [Egress]'))).toEqual([]);
  });

  it('reports pods whose egress no policy restricts', () => {
    expect(messages(APP + policy('deny', 'podSelector: {}'))).toEqual([
      'No NetworkPolicy in namespace "shop" restricts the egress of these pods, so they can reach the instance metadata endpoint 169.254.169.254.',
    ]);
    const other = policy('other', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]');
    expect(messages(APP + other)).toHaveLength(1);
  });

  it('reports a rule without "to", empty or absent', () => {
    expect(messages(APP + egress('- ports: [{port: 80}]'))).toEqual([
      'NetworkPolicy "egress" allows egress to every destination in spec.egress[0] (no "to"), including the instance metadata endpoint 169.254.169.254.',
    ]);
    expect(messages(APP + egress('- to: []'))).toHaveLength(1);
    expect(messages(APP + egress('- {}'))).toHaveLength(1);
  });

  it('reports an ipBlock that contains the address without excepting it', () => {
    const rules = `
- to: [{namespaceSelector: {}}]
- to:
    - podSelector: {matchLabels: {app: db}}
    - ipBlock: {cidr: 169.254.0.0/16, except: [169.254.170.0/24]}`;
    expect(messages(APP + egress(rules))).toEqual([
      'NetworkPolicy "egress" allows egress to 169.254.0.0/16 in spec.egress[1] without excepting 169.254.169.254, the instance metadata endpoint.',
    ]);
    expect(messages(APP + egress('- to: [{ipBlock: {cidr: 10.10.0.0/0}}]'))).toHaveLength(1);
  });

  it('passes ipBlocks that leave the address out', () => {
    const rules = `
- to:
    - ipBlock: {cidr: 169.254.0.0/16, except: [169.254.169.0/24]}
    - ipBlock: {cidr: 10.0.0.0/8}
    - ipBlock: {cidr: "::/0"}
    - ipBlock: {cidr: 169.254.170.23/32}
- to: [{namespaceSelector: {}, podSelector: {}}]`;
    expect(messages(APP + egress(rules))).toEqual([]);
  });

  it('takes the ports of a rule into account', () => {
    const open = (ports: string) => messages(APP + egress(`- ports: ${ports}`)).length;
    expect(open('[{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]')).toBe(0);
    expect(open('[{port: 443}]')).toBe(0);
    expect(open('[{port: 80, protocol: UDP}]')).toBe(0);
    expect(open('[{port: 1024, endPort: 2048}]')).toBe(0);
    expect(open('[{port: 443}, {port: 1, endPort: 1023}]')).toBe(1);
    expect(open('[{protocol: TCP}]')).toBe(1);
    expect(open('[{port: http}]')).toBe(1);
    expect(open('[]')).toBe(1);
  });

  it('takes the union of every policy that selects the pods', () => {
    const allowAll = policy(
      'allow-web-egress',
      `podSelector: {matchLabels: {app: web}}
policyTypes: [Egress]
egress:
  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]`,
    );
    expect(messages(APP + DENY_METADATA + allowAll)).toEqual([
      'NetworkPolicy "allow-web-egress" allows egress to 0.0.0.0/0 in spec.egress[0] without excepting 169.254.169.254, the instance metadata endpoint.',
    ]);
    // A policy that does not select the pods, or only for ingress, adds nothing.
    const unrelated = policy(
      'api',
      `podSelector: {matchLabels: {app: api}}
egress:
  - {}`,
    );
    const ingressOnly = policy(
      'ingress-only',
      `podSelector: {}
policyTypes: [Ingress]
egress:
  - {}`,
    );
    expect(messages(APP + DENY_METADATA + unrelated + ingressOnly)).toEqual([]);
  });

  it('reports hostNetwork pods at high severity whatever the policies', () => {
    const yaml =
      deployment(`
hostNetwork: true
containers:
  - name: agent
    image: example.com/agent:1.0
`) + DENY_METADATA;
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        severity: 'high',
        pointer: '/spec/template/spec/hostNetwork',
        message:
          'The pods use the host network (hostNetwork: true), which bypasses NetworkPolicy, so they can reach the instance metadata endpoint 169.254.169.254.',
      },
    ]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, APP + egress('- {}'), { lang: 'ja' })[0]?.message).toBe(
      'NetworkPolicy "egress" の spec.egress[0] は宛先 ("to") を指定していないため、インスタンスメタデータのエンドポイント 169.254.169.254 を含むすべての宛先への送信を許可します。',
    );
  });
});
