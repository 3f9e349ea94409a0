import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './namespace-quota.js';

const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Namespace
metadata: {name: billing}
---
apiVersion: v1
kind: Namespace
metadata: {name: search}
---
apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
`;

const QUOTA = (namespace: string) => `apiVersion: v1
kind: ResourceQuota
metadata: {name: compute${namespace === '' ? '' : `, namespace: ${namespace}`}}
spec:
  hard: {requests.cpu: "4", requests.memory: 8Gi, limits.memory: 8Gi}
`;

const LIMITS = (namespace: string) => `apiVersion: v1
kind: LimitRange
metadata: {name: defaults${namespace === '' ? '' : `, namespace: ${namespace}`}}
spec:
  limits:
    - type: Container
      default: {memory: 512Mi}
      defaultRequest: {cpu: 100m, memory: 256Mi}
`;

const on = { config: { rules: { 'workload/namespace-quota': { enabled: true } } } };

describe('workload/namespace-quota', () => {
  it('is off by default', () => {
    expect(rule.meta.disabledByDefault).toBe(true);
  });

  it('reports each Namespace of the input without a ResourceQuota or LimitRange', () => {
    const yaml = [
      NAMESPACES,
      QUOTA('shop'),
      LIMITS('shop'),
      QUOTA('billing'),
      LIMITS('elsewhere'),
    ].join('---\n');
    expect(
      findingsOf(rule, yaml, on).map(({ resource, pointer, line, message }) => ({
        namespace: resource.name,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        namespace: 'billing',
        pointer: '/metadata/name',
        line: 7,
        message: 'Namespace "billing" has a ResourceQuota but no LimitRange in the input.',
      },
      {
        namespace: 'search',
        pointer: '/metadata/name',
        line: 11,
        message: 'Namespace "search" has neither a ResourceQuota nor a LimitRange in the input.',
      },
    ]);
  });

  it('counts objects without a namespace in the same directory as the Namespace', () => {
    const yaml = [NAMESPACES, QUOTA(''), LIMITS('')].join('---\n');
    expect(findingsOf(rule, yaml, on)).toEqual([]);
  });

  it('skips the namespaces in ignoreNamespaces', () => {
    const options = {
      config: {
        rules: {
          'workload/namespace-quota': {
            enabled: true,
            options: { ignoreNamespaces: ['shop', 'billing', 'search'] },
          },
        },
      },
    };
    expect(findingsOf(rule, NAMESPACES, options).map((finding) => finding.resource.name)).toEqual([
      'kube-system',
    ]);
  });

  it('speaks Japanese', () => {
    expect(
      findingsOf(rule, [NAMESPACES, LIMITS('shop')].join('---\n'), { ...on, lang: 'ja' })[0]
        ?.message,
    ).toBe('名前空間 "shop" には、入力に LimitRange はありますが ResourceQuota がありません。');
  });
});
