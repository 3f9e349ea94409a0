import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './default-namespace.js';

function object(kind: string, namespace?: string): string {
  const apiVersion = kind === 'Pod' || kind === 'ConfigMap' ? 'v1' : 'apps/v1';
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
${namespace === undefined ? '' : `  namespace: ${namespace}\n`}`;
}

describe('workload/default-namespace', () => {
  it('reports a workload placed in default, at the namespace', () => {
    const findings = findingsOf(rule, object('Deployment', 'default'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'low',
      pointer: '/metadata/namespace',
      line: 5,
      message: 'The Deployment "web" is placed in the default namespace.',
    });
  });

  it('reports a workload without a namespace, at its metadata', () => {
    const findings = findingsOf(rule, object('Pod'));
    expect(findings.map(({ line, message }) => ({ line, message }))).toEqual([
      {
        line: 3,
        message:
          'The Pod "web" sets no namespace, so kubectl applies it to the current context\'s namespace, which is often default.',
      },
    ]);
  });

  it('can leave the namespace to the deploy tool', () => {
    const options = { options: { reportMissingNamespace: false } };
    expect(findingsOf(rule, object('Pod'), options)).toEqual([]);
    expect(findingsOf(rule, object('Pod', 'default'), options)).toHaveLength(1);
  });

  it('passes other namespaces and objects that are not workloads', () => {
    expect(findingsOf(rule, object('StatefulSet', 'shop'))).toEqual([]);
    expect(findingsOf(rule, object('ConfigMap', 'default'))).toEqual([]);
  });

  it('checks the workload kinds mapped in the configuration too, but not pod templates', () => {
    const config = { workloadKinds: { Rollout: '/spec/template' } };
    const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: app, namespace: default}
spec:
  template:
    spec: {containers: [{name: app, image: example.com/app:1.0.0}]}
---
apiVersion: v1
kind: PodTemplate
metadata: {name: app, namespace: default}
template:
  spec: {containers: [{name: app, image: example.com/app:1.0.0}]}
`;
    expect(findingsOf(rule, yaml, { config }).map((finding) => finding.resource.kind)).toEqual([
      'Rollout',
    ]);
  });

  it('rejects a non-boolean reportMissingNamespace', () => {
    expect(rule.meta.validateOptions?.({ reportMissingNamespace: 'no' })).toEqual([
      'reportMissingNamespace must be true or false',
    ]);
  });
});
