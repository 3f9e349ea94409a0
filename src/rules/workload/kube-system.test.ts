import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './kube-system.js';

function object(kind: string, namespace?: string): string {
  const metadata = namespace === undefined ? '{name: app}' : `{name: app, namespace: ${namespace}}`;
  return `apiVersion: v1\nkind: ${kind}\nmetadata: ${metadata}\nspec: {containers: [{name: app, image: example.com/app:1.0.0}]}\n`;
}

describe('workload/kube-system', () => {
  it('reports a workload in kube-system at its namespace', () => {
    expect(
      findingsOf(rule, object('Pod', 'kube-system')).map(({ severity, pointer, message }) => ({
        severity,
        pointer,
        message,
      })),
    ).toEqual([
      {
        severity: 'low',
        pointer: '/metadata/namespace',
        message:
          'The Pod "app" is placed in kube-system, the namespace of the cluster\'s own components.',
      },
    ]);
  });

  it('passes other namespaces, no namespace, and objects that are not workloads', () => {
    expect(findingsOf(rule, object('Pod', 'kube-public'))).toEqual([]);
    expect(findingsOf(rule, object('Pod', 'shop'))).toEqual([]);
    expect(findingsOf(rule, object('Pod'))).toEqual([]);
    expect(findingsOf(rule, object('ConfigMap', 'kube-system'))).toEqual([]);
  });

  it('checks every built-in workload kind except PodTemplate', () => {
    const yaml = ['apps/v1 DaemonSet', 'batch/v1 CronJob', 'v1 PodTemplate']
      .map((pair) => {
        const [apiVersion, kind] = pair.split(' ');
        return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: app, namespace: kube-system}\n`;
      })
      .join('---\n');
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      'The DaemonSet "app" is placed in kube-system, the namespace of the cluster\'s own components.',
      'The CronJob "app" is placed in kube-system, the namespace of the cluster\'s own components.',
    ]);
  });

  it('checks the workload kinds mapped in the configuration too', () => {
    const rollout = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: app, namespace: kube-system}
spec:
  template:
    spec: {containers: [{name: app, image: example.com/app:1.0.0}]}
`;
    const config = { workloadKinds: { Rollout: '/spec/template' } };
    expect(findingsOf(rule, rollout, { config }).map((finding) => finding.message)).toEqual([
      'The Rollout "app" is placed in kube-system, the namespace of the cluster\'s own components.',
    ]);
    expect(findingsOf(rule, rollout)).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, object('Pod', 'kube-system'), { lang: 'ja' })[0]?.message).toBe(
      'Pod "app" は、クラスター自体のコンポーネント用の名前空間 kube-system に配置されています。',
    );
  });
});
