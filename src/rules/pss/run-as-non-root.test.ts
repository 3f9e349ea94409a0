import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './run-as-non-root.js';

describe('pss/run-as-non-root', () => {
  it('passes a pod-level runAsNonRoot: true', () => {
    const yaml = deployment(`
securityContext: {runAsNonRoot: true}
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports containers that leave it unset and containers that set false', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
  - name: sidecar
    image: envoy:1.30
    securityContext: {runAsNonRoot: false}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.message])).toEqual([
      [
        'app',
        '/spec/template/spec/containers/0',
        'Violates PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true).',
      ],
      [
        'sidecar',
        '/spec/template/spec/containers/1/securityContext/runAsNonRoot',
        'Violates PodSecurity "restricted:latest": runAsNonRoot != true (container "sidecar" must not set securityContext.runAsNonRoot=false).',
      ],
    ]);
  });

  it('reports a pod-level false once, at the pod', () => {
    const yaml = deployment(`
securityContext: {runAsNonRoot: false}
containers:
  - name: app
    image: nginx:1.27
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer])).toEqual([
      [undefined, '/spec/template/spec/securityContext/runAsNonRoot'],
    ]);
  });
});
