import { describe, expect, it } from 'vitest';
import {
  CLONE_SETS,
  cloneSet,
  deployment,
  findingsOf,
  runRules,
} from '../../../test/rule-tester.js';
import rule from './policy-selects-nothing.js';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: wbe}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app: frontend}}
        - podSelector: {matchLabels: {app: gateway}}
          namespaceSelector: {}
    - from:
        - podSelector: {matchLabels: {app: web}}
  egress:
    - to:
        - podSelector: {matchLabels: {app: db}}
`;

describe('network/policy-selects-nothing', () => {
  it('reports a pod selector and same-namespace peers that match no workload of the namespace', () => {
    expect(
      findingsOf(
        rule,
        `${deployment('containers: [{name: web, image: example.com/web:1.0.0}]')}\n---\n${POLICY}`,
      ).map(({ severity, pointer, message }) => ({ severity, pointer, message })),
    ).toEqual([
      {
        severity: 'low',
        pointer: '/spec/podSelector',
        message:
          'The pod selector matches none of the 1 workloads of namespace "shop" in the input, so the policy applies to no pod that the input shows (pods created outside the input are not seen).',
      },
      {
        severity: 'info',
        pointer: '/spec/ingress/0/from/0/podSelector',
        message:
          'Peer ingress[0].from[0] selects none of the 1 workloads of namespace "shop" in the input, so it matches no pod that the input shows (pods created outside the input are not seen).',
      },
      {
        severity: 'info',
        pointer: '/spec/egress/0/to/0/podSelector',
        message:
          'Peer egress[0].to[0] selects none of the 1 workloads of namespace "shop" in the input, so it matches no pod that the input shows (pods created outside the input are not seen).',
      },
    ]);
  });

  it('takes a null namespaceSelector as absent, as the API server does', () => {
    const yaml = `${deployment('containers: [{name: web, image: example.com/web:1.0.0}]')}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from:
        - {podSelector: {matchLabels: {app: nobody}}, namespaceSelector: null}
        - {podSelector: {matchLabels: {app: nobody}}, namespaceSelector: {}}
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.pointer)).toEqual([
      '/spec/ingress/0/from/0/podSelector',
    ]);
  });

  it('judges nothing in a namespace without workloads in the input', () => {
    expect(findingsOf(rule, POLICY)).toEqual([]);
    const elsewhere = deployment('containers: [{name: a, image: b}]').replace(
      'namespace: shop',
      'namespace: other',
    );
    expect(findingsOf(rule, `${elsewhere}\n---\n${POLICY}`)).toEqual([]);
  });

  it('counts the pods of Prometheus operator servers and Argo Rollouts', () => {
    const prometheus = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: shop}
spec:
  podMetadata:
    labels: {app: wbe}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: frontend, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: frontend}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: db}
    spec:
      containers: [{name: db, image: example.com/db:1.0.0}]
`;
    // Only the peer of pods labelled app=web, which nothing creates, is left.
    expect(
      findingsOf(rule, `${prometheus}---\n${POLICY}`).map((finding) => finding.pointer),
    ).toEqual(['/spec/ingress/1/from/0/podSelector']);
  });

  it('judges a policy without a namespace against the workloads of its directory', () => {
    const policy = POLICY.replace(', namespace: shop', '');
    const web = deployment('containers: [{name: a, image: b}]').replace('  namespace: shop\n', '');
    const output = runRules([rule], `${web}\n---\n${policy}`);
    expect(output.findings.map((finding) => finding.message)[0]).toBe(
      'The pod selector matches none of the 1 workloads in directory "." of the input, where this policy without a namespace belongs, so it applies to no pod that the input shows (pods created outside the input are not seen).',
    );
  });

  it('speaks Japanese', () => {
    const yaml = `${deployment('containers: [{name: web, image: example.com/web:1.0.0}]')}\n---\n${POLICY}`;
    expect(findingsOf(rule, yaml, { lang: 'ja' })[0]?.message).toBe(
      'Pod セレクターが、入力に含まれる名前空間 "shop" の 1 個のワークロードのどれにも一致しないため、このポリシーは入力で確認できるどの Pod にも適用されません（入力外で作成される Pod は確認できません）。',
    );
  });

  it('counts the pods of custom workload kinds the configuration maps, once each', () => {
    const web = `---\n${cloneSet('web', '{app: web}', '{containers: [{name: web, image: example.com/web:1.0.0}]}')}`;
    const other = deployment('containers: [{name: db, image: example.com/db:1.0.0}]').replace(
      /app: web/g,
      'app: db',
    );
    const policy = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
`;
    const yaml = `${other}\n${web}${policy}`;
    expect(findingsOf(rule, yaml, { config: CLONE_SETS })).toEqual([]);
    // Unmapped, the CloneSet creates no pods that mamori knows of.
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      'The pod selector matches none of the 1 workloads of namespace "shop" in the input, so the policy applies to no pod that the input shows (pods created outside the input are not seen).',
    ]);
    // A Rollout mapped as a workload is one pod source, not two.
    const rollout = web
      .replace('apps.kruise.io/v1alpha1', 'argoproj.io/v1alpha1')
      .replace('CloneSet', 'Rollout');
    const rollouts = { workloadKinds: { Rollout: '/spec/template' } };
    expect(
      findingsOf(rule, `${other}\n${rollout}${policy.replace('app: web}', 'app: wbe}')}`, {
        config: rollouts,
      }).map((finding) => finding.message),
    ).toEqual([
      'The pod selector matches none of the 2 workloads of namespace "shop" in the input, so the policy applies to no pod that the input shows (pods created outside the input are not seen).',
    ]);
  });
});
