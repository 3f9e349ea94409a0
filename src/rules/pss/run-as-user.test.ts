import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './run-as-user.js';

describe('pss/run-as-user', () => {
  it('passes non-zero user ids', () => {
    const yaml = deployment(`
securityContext: {runAsUser: 10001}
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports user 0 on the pod and on a container', () => {
    const yaml = deployment(`
securityContext: {runAsUser: 0}
containers:
  - name: app
    image: nginx:1.27
  - name: sidecar
    image: envoy:1.30
    securityContext: {runAsUser: 0}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.message])).toEqual([
      [
        undefined,
        '/spec/template/spec/securityContext/runAsUser',
        'Violates PodSecurity "restricted:latest": runAsUser=0 (pod must not set runAsUser=0).',
      ],
      [
        'sidecar',
        '/spec/template/spec/containers/1/securityContext/runAsUser',
        'Violates PodSecurity "restricted:latest": runAsUser=0 (pod and container "sidecar" must not set runAsUser=0).',
      ],
    ]);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.22' } })).toEqual([]);
  });
});
