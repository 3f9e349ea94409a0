import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import baseline from './seccomp-profile-baseline.js';
import rule from './seccomp-profile-restricted.js';

describe('pss/seccomp-profile-restricted', () => {
  it('passes a pod-level RuntimeDefault profile', () => {
    const yaml = deployment(`
securityContext:
  seccompProfile: {type: RuntimeDefault}
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports containers without a profile', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.severity])).toEqual([
      ['app', '/spec/template/spec/containers/0/securityContext', 'medium'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "restricted:latest": seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost").',
    );
  });

  it('leaves Unconfined profiles to pss/seccomp-profile-baseline', () => {
    const yaml = deployment(`
securityContext:
  seccompProfile: {type: Unconfined}
containers:
  - name: app
    image: nginx:1.27
`);
    const { findings } = runRules([baseline, rule], yaml);
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['pss/seccomp-profile-baseline', '/spec/template/spec/securityContext/seccompProfile/type'],
    ]);
  });
});
