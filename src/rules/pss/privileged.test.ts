import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './privileged.js';

describe('pss/privileged', () => {
  it('passes containers that are not privileged', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {privileged: false}
  - name: sidecar
    image: envoy:1.30
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports each privileged container at its field, with the upstream reason', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: busybox:1.36
    securityContext:
      privileged: true
containers:
  - name: app
    image: nginx:1.27
    securityContext: {privileged: true}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.line, f.severity])).toEqual([
      ['setup', '/spec/template/spec/initContainers/0/securityContext/privileged', 17, 'high'],
      ['app', '/spec/template/spec/containers/0/securityContext/privileged', 21, 'high'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": privileged (container "setup" must not set securityContext.privileged=true).',
    );
  });

  it('writes Japanese messages', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {privileged: true}
`);
    expect(findingsOf(rule, yaml, { lang: 'ja' })[0]?.message).toBe(
      'PodSecurity "baseline:latest" に違反しています: privileged (container "app" must not set securityContext.privileged=true)。',
    );
  });
});
