import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/k8s.js';
import { MAX_PODS_TO_CHECK, whatIfWarnings } from './what-if.js';

function pod(name: string, spec: Record<string, unknown>, owner?: string): KubeObject {
  const metadata: Record<string, unknown> = { name, namespace: 'ns' };
  if (owner !== undefined) {
    metadata.ownerReferences = [{ kind: 'ReplicaSet', name: owner, uid: owner, controller: true }];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

const privileged = { containers: [{ name: 'c', securityContext: { privileged: true } }] };
const hostPid = { hostPID: true, containers: [{ name: 'c' }] };
const plain = { containers: [{ name: 'c' }] };

describe('whatIfWarnings', () => {
  it('groups pods by reason under the smallest name and sorts the lines', () => {
    const warnings = whatIfWarnings({
      namespace: 'ns',
      pods: [pod('b', privileged), pod('a', privileged), pod('z', hostPid), pod('ok', plain)],
      level: 'baseline',
      version: 'latest',
    });
    expect(warnings).toEqual([
      'existing pods in namespace "ns" violate the new PodSecurity enforce level "baseline:latest"',
      'a (and 1 other pod): privileged',
      'z: host namespaces',
    ]);
  });

  it('says nothing for privileged, an unchanged label or a relaxation at the same version', () => {
    const pods = [pod('a', privileged)];
    const base = { namespace: 'ns', pods, version: 'latest' };
    expect(whatIfWarnings({ ...base, level: 'privileged' })).toEqual([]);
    const labels = { 'pod-security.kubernetes.io/enforce': 'restricted' };
    expect(whatIfWarnings({ ...base, labels, level: 'restricted' })).toEqual([]);
    expect(whatIfWarnings({ ...base, labels, level: 'baseline' })).toEqual([]);
    expect(whatIfWarnings({ ...base, labels, level: 'baseline', version: 'v1.30' })).toHaveLength(
      2,
    );
  });

  it('checks at most 3000 pods, first replicas first', () => {
    const pods = Array.from({ length: MAX_PODS_TO_CHECK + 1 }, (_, i) =>
      pod(`p${String(i).padStart(5, '0')}`, plain, 'rs'),
    );
    pods.push(pod('priv', privileged));
    const warnings = whatIfWarnings({
      namespace: 'ns',
      pods,
      level: 'baseline',
      version: 'latest',
    });
    expect(warnings).toEqual([
      'new PodSecurity enforce level only checked against the first 3000 of 3002 existing pods',
      'existing pods in namespace "ns" violate the new PodSecurity enforce level "baseline:latest"',
      'priv: privileged',
    ]);
  });
});
