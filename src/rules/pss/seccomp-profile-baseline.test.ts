import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './seccomp-profile-baseline.js';

describe('pss/seccomp-profile-baseline', () => {
  it('passes RuntimeDefault and unset profiles', () => {
    const yaml = deployment(`
securityContext:
  seccompProfile: {type: RuntimeDefault}
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports Unconfined profiles', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: Unconfined}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.severity])).toEqual([
      ['app', '/spec/template/spec/containers/0/securityContext/seccompProfile/type', 'high'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": seccompProfile (container "app" must not set securityContext.seccompProfile.type to "Unconfined").',
    );
  });

  it('reads the alpha annotations before policy version v1.19', () => {
    const yaml = deployment(
      `
containers:
  - name: app
    image: nginx:1.27
`,
      `annotations:
  container.seccomp.security.alpha.kubernetes.io/app: unconfined`,
    );
    expect(findingsOf(rule, yaml)).toEqual([]);
    const findings = findingsOf(rule, yaml, { options: { version: 'v1.18' } });
    expect(findings.map((f) => [f.container, f.pointer, f.message])).toEqual([
      [
        'app',
        '/spec/template/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1app',
        'Violates PodSecurity "baseline:v1.18": seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/app="unconfined").',
      ],
    ]);
  });
});
