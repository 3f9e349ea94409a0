import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import baseline from './proc-mount.js';
import rule from './proc-mount-restricted.js';

describe('pss/proc-mount-restricted', () => {
  it('passes the default proc mount in a user namespace', () => {
    const yaml = deployment(`
hostUsers: false
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports an Unmasked proc mount in a user namespace', () => {
    const yaml = deployment(`
hostUsers: false
containers:
  - name: app
    image: nginx:1.27
    securityContext: {procMount: Unmasked}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.severity])).toEqual([
      ['app', '/spec/template/spec/containers/0/securityContext/procMount', 'medium'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "restricted:latest": procMount (container "app" must not set securityContext.procMount to "Unmasked").',
    );
    expect(findingsOf(rule, yaml, { options: { version: 'v1.34' } })).toEqual([]);
  });

  it('leaves what pss/proc-mount reports to that rule', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {procMount: Unmasked}
`);
    const { findings } = runRules([baseline, rule], yaml);
    expect(findings.map((f) => f.ruleId)).toEqual(['pss/proc-mount']);
  });
});
