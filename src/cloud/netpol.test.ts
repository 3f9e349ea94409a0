import { describe, expect, it } from 'vitest';
import { buildK8sFacts } from './facts/k8s.js';
import { imdsAdmittingRules, networkPolicies, deniesAll, policyTypes } from './netpol.js';
import { bundle, doc, k8s, runCheck, testContext } from './testing.js';
import { imdsReachability } from './imds.js';
import { buildFacts } from './facts/index.js';
import type { InputDocument } from './types.js';

const policy = (spec: Record<string, unknown>, namespace = 'app', name = 'p'): InputDocument =>
  k8s({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec,
  });
const only = (spec: Record<string, unknown>) => {
  const [found] = networkPolicies(buildK8sFacts(bundle('kubernetes', [policy(spec)])));
  if (found === undefined) {
    throw new Error('no policy');
  }
  return found;
};
const admits = (egress: unknown[]) =>
  imdsAdmittingRules(only({ podSelector: {}, policyTypes: ['Egress'], egress })).length > 0;

describe('NetworkPolicy semantics', () => {
  it('defaults policyTypes from the rules', () => {
    expect([...policyTypes(only({ podSelector: {} }))]).toEqual(['Ingress']);
    expect([...policyTypes(only({ podSelector: {}, egress: [{}] }))]).toEqual([
      'Ingress',
      'Egress',
    ]);
    expect([...policyTypes(only({ podSelector: {}, egress: [] }))]).toEqual(['Ingress']);
  });

  it('recognises deny-all policies', () => {
    expect(deniesAll(only({ podSelector: {}, policyTypes: ['Egress'] }), 'Egress')).toBe(true);
    expect(
      deniesAll(
        only({ podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'] }),
        'Egress',
      ),
    ).toBe(false);
    expect(
      deniesAll(only({ podSelector: {}, policyTypes: ['Egress'], egress: [{}] }), 'Egress'),
    ).toBe(false);
  });

  it('decides exactly which egress rules admit 169.254.169.254:80', () => {
    expect(admits([{}])).toBe(true);
    expect(
      admits([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }] }]),
    ).toBe(false);
    expect(admits([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }] }])).toBe(
      false,
    );
    expect(
      admits([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.170.23/32'] } }] }]),
    ).toBe(true);
    expect(admits([{ to: [{ ipBlock: { cidr: '10.10.0.0/0' } }] }])).toBe(true);
    expect(
      admits([{ to: [{ ipBlock: { cidr: '169.254.0.0/16' } }], ports: [{ port: 443 }] }]),
    ).toBe(false);
    expect(
      admits([
        { to: [{ ipBlock: { cidr: '169.254.0.0/16' } }], ports: [{ protocol: 'UDP', port: 80 }] },
      ]),
    ).toBe(false);
    expect(
      admits([
        { to: [{ ipBlock: { cidr: '169.254.0.0/16' } }], ports: [{ port: 1, endPort: 1024 }] },
      ]),
    ).toBe(true);
    expect(
      admits([{ to: [{ ipBlock: { cidr: '169.254.0.0/16' } }], ports: [{ port: 'http' }] }]),
    ).toBe(true);
    expect(admits([{ to: [{ namespaceSelector: {} }] }])).toBe(false);
    expect(admits([{ to: [{ ipBlock: { cidr: '::/0' } }] }])).toBe(false);
  });
});

const namespace = k8s({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } });
const calico = k8s({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'calico-node', namespace: 'kube-system' },
  spec: {},
});
const imds = (...documents: InputDocument[]) =>
  imdsReachability(
    buildFacts(bundle('kubernetes', documents, ['NetworkPolicy'])),
    testContext().options,
  );

describe('IMDS reachability', () => {
  it('is blocked by an isolating policy with an except', () => {
    const result = imds(
      namespace,
      calico,
      policy({
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }] }],
      }),
    );
    expect(result.state).toBe('blocked');
  });

  it('is reachable from a namespace that is not egress-isolated', () => {
    expect(
      imds(namespace, calico, policy({ podSelector: {}, policyTypes: ['Ingress'] })).state,
    ).toBe('reachable');
  });

  it('is reachable through any policy of the namespace that admits it', () => {
    const isolate = policy({ podSelector: {}, policyTypes: ['Egress'] }, 'app', 'deny');
    const hole = policy(
      {
        podSelector: { matchLabels: { app: 'x' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '169.254.169.254/32' } }] }],
      },
      'app',
      'hole',
    );
    expect(imds(namespace, calico, isolate, hole).state).toBe('reachable');
  });

  it('is reachable from hostNetwork pods', () => {
    const pod = k8s({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'app' },
      spec: { hostNetwork: true, containers: [] },
    });
    expect(
      imds(namespace, calico, policy({ podSelector: {}, policyTypes: ['Egress'] }), pod).state,
    ).toBe('reachable');
  });

  it('is unknown when policies block it but nothing shows they are enforced', () => {
    expect(imds(namespace, policy({ podSelector: {}, policyTypes: ['Egress'] })).state).toBe(
      'unknown',
    );
  });

  it('is reachable whatever the policies when the engine is known to be absent', () => {
    const input = bundle(
      'aks',
      [
        doc('aks-cluster', { name: 'c', networkProfile: { networkPolicy: 'none' } }),
        namespace,
        policy({ podSelector: {}, policyTypes: ['Egress'] }),
      ],
      ['NetworkPolicy'],
    );
    expect(runCheck('cloud/k8s-imds-egress-blocked', input).verdict).toBe('fail');
    expect(
      runCheck(
        'cloud/k8s-default-deny',
        bundle('aks', [
          doc('aks-cluster', { name: 'c', networkProfile: { networkPolicy: 'none' } }),
          namespace,
          policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
        ]),
      ).verdict,
    ).toBe('fail');
  });
});

describe('namespace-level checks', () => {
  it('accept separate ingress and egress deny-all policies', () => {
    const input = bundle('kubernetes', [
      namespace,
      calico,
      policy({ podSelector: {}, policyTypes: ['Ingress'] }, 'app', 'in'),
      policy({ podSelector: {}, policyTypes: ['Egress'] }, 'app', 'out'),
    ]);
    expect(runCheck('cloud/k8s-default-deny', input).verdict).toBe('pass');
  });

  it('honour allow-lists from the configuration', () => {
    const role = k8s({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'ops' },
      rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
    });
    const binding = k8s({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'b' },
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'break-glass' }],
    });
    const input = bundle('kubernetes', [role, binding]);
    expect(runCheck('cloud/k8s-wildcard-rbac', input).verdict).toBe('fail');
    expect(
      runCheck('cloud/k8s-wildcard-rbac', input, testContext({ wildcardRoleAllow: ['ops'] }))
        .verdict,
    ).toBe('pass');
    expect(runCheck('cloud/k8s-cluster-admin-bindings', input).verdict).toBe('fail');
    expect(
      runCheck(
        'cloud/k8s-cluster-admin-bindings',
        input,
        testContext({ clusterAdminAllow: ['Group:break-glass'] }),
      ).verdict,
    ).toBe('pass');
  });

  it('count default only when workloads run there', () => {
    const input = bundle(
      'kubernetes',
      [
        k8s({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }),
        namespace,
        calico,
      ],
      ['NetworkPolicy'],
    );
    expect(runCheck('cloud/k8s-default-deny', input).message.en).toContain(
      'No default-deny policy in app',
    );
    expect(runCheck('cloud/k8s-default-deny', input).message.en).not.toContain('default (');
  });
});
