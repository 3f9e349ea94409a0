import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './proc-mount.js';

describe('pss/proc-mount', () => {
  it('passes the default proc mount', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {procMount: Default}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports an Unmasked proc mount', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {procMount: Unmasked}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer])).toEqual([
      ['app', '/spec/template/spec/containers/0/securityContext/procMount'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": procMount (container "app" must not set securityContext.procMount to "Unmasked").',
    );
  });

  it('allows it in a user namespace from policy version v1.35', () => {
    const yaml = deployment(`
hostUsers: false
containers:
  - name: app
    image: nginx:1.27
    securityContext: {procMount: Unmasked}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.34' } })).toHaveLength(1);
  });
});
