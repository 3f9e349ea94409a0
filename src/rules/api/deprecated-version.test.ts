import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './deprecated-version.js';

const OLD = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  backend: {serviceName: shop, servicePort: 80}
---
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: report, image: example.com/report:1.0.0}]
---
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: restricted}
spec: {}
---
apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata: {name: batch-jobs}
spec: {}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: current, namespace: shop}
spec: {}
---
apiVersion: extensions/v1beta1
kind: Scale
metadata: {name: unknown-pair}
`;

describe('api/deprecated-version', () => {
  it('reports every removed apiVersion at the apiVersion field, with its replacement', () => {
    expect(
      findingsOf(rule, OLD).map(({ resource, severity, pointer, line, message }) => ({
        kind: resource.kind,
        severity,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        kind: 'Ingress',
        severity: 'medium',
        pointer: '/apiVersion',
        line: 1,
        message:
          'API version extensions/v1beta1 of Ingress is no longer served since Kubernetes 1.22; use networking.k8s.io/v1.',
      },
      {
        kind: 'CronJob',
        severity: 'medium',
        pointer: '/apiVersion',
        line: 7,
        message:
          'API version batch/v1beta1 of CronJob is no longer served since Kubernetes 1.25; use batch/v1.',
      },
      {
        kind: 'PodSecurityPolicy',
        severity: 'medium',
        pointer: '/apiVersion',
        line: 19,
        message:
          'PodSecurityPolicy policy/v1beta1 is no longer served since Kubernetes 1.25 and has no replacement object: enforce the Pod Security Standards with Pod Security admission instead.',
      },
      {
        kind: 'FlowSchema',
        severity: 'medium',
        pointer: '/apiVersion',
        line: 24,
        message:
          'API version flowcontrol.apiserver.k8s.io/v1beta3 of FlowSchema is no longer served since Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1.',
      },
    ]);
  });

  it('with kubernetesVersion, reports later removals as deprecated once the replacement exists', () => {
    const at = (version: string) =>
      findingsOf(rule, OLD, { options: { kubernetesVersion: version } }).map(
        ({ resource, severity }) => `${resource.kind} ${severity}`,
      );
    // 1.21: networking.k8s.io/v1 and batch/v1 exist, Pod Security admission does not yet.
    expect(at('1.21')).toEqual(['Ingress low', 'CronJob low']);
    expect(at('v1.23.4')).toEqual(['Ingress medium', 'CronJob low', 'PodSecurityPolicy low']);
    expect(at('1.29')).toEqual([
      'Ingress medium',
      'CronJob medium',
      'PodSecurityPolicy medium',
      'FlowSchema low',
    ]);
    expect(at('1.18')).toEqual([]);
  });

  it('reads only the object header', () => {
    expect((rule as { headerOnly?: boolean }).headerOnly).toBe(true);
  });

  it('rejects a kubernetesVersion that is not a release', () => {
    expect(rule.meta.validateOptions?.({ kubernetesVersion: 'latest' })).toEqual([
      'kubernetesVersion must be a release such as "1.29", or empty for the newest',
    ]);
    expect(rule.meta.validateOptions?.({ kubernetesVersion: '1.30' })).toEqual([]);
  });

  it('speaks Japanese', () => {
    const findings = findingsOf(rule, OLD, { lang: 'ja', options: { kubernetesVersion: '1.24' } });
    expect(findings.map((finding) => finding.message)).toEqual([
      'Ingress の extensions/v1beta1 は Kubernetes 1.22 以降提供されていません。networking.k8s.io/v1 を使用してください。',
      'CronJob の batch/v1beta1 は非推奨で、Kubernetes 1.25 から提供されなくなります。batch/v1 を使用してください。',
      'PodSecurityPolicy の policy/v1beta1 は非推奨で、Kubernetes 1.25 から提供されなくなります。Pod Security admission を使用してください。',
    ]);
  });
});
