import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './app-armor-profile.js';

describe('pss/app-armor-profile', () => {
  it('passes the runtime default and localhost profiles', () => {
    const yaml = deployment(
      `
securityContext:
  appArmorProfile: {type: RuntimeDefault}
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
`,
      `annotations:
  container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-nginx`,
    );
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports Unconfined profiles on the pod, a container and in annotations', () => {
    const yaml = deployment(
      `
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Unconfined}
`,
      `annotations:
  container.apparmor.security.beta.kubernetes.io/app: unconfined`,
    );
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer])).toEqual([
      [
        undefined,
        '/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1app',
      ],
      ['app', '/spec/template/spec/containers/0/securityContext/appArmorProfile/type'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="unconfined"").',
    );
    expect(findings[1]?.message).toBe(
      'Violates PodSecurity "baseline:latest": forbidden AppArmor profiles (container "app" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/app="unconfined"").',
    );
  });

  it('points at the pod-level profile', () => {
    const yaml = deployment(`
securityContext:
  appArmorProfile: {type: Unconfined}
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml).map((f) => f.pointer)).toEqual([
      '/spec/template/spec/securityContext/appArmorProfile/type',
    ]);
  });
});
