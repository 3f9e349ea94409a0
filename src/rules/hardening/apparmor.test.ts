import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './apparmor.js';

const SPEC = '/spec/template/spec';
const META = '/spec/template/metadata/annotations';
const KEY = 'container.apparmor.security.beta.kubernetes.io~1';

function brief(yaml: string) {
  return findingsOf(rule, yaml).map(({ container, pointer, severity, message }) => ({
    container,
    pointer,
    severity,
    message,
  }));
}

describe('hardening/apparmor', () => {
  it('passes RuntimeDefault on the pod and Localhost on a container', () => {
    const yaml = deployment(`
securityContext:
  appArmorProfile: {type: RuntimeDefault}
containers:
  - name: inherits
    image: nginx:1.27
  - name: own
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports an unset profile at low severity', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {runAsNonRoot: true}
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'app',
        pointer: `${SPEC}/containers/0/securityContext`,
        severity: 'low',
        message:
          'Container "app" sets no AppArmor profile and relies on the node default, which exists only on AppArmor nodes.',
      },
    ]);
  });

  it('reports Unconfined at medium severity where it is set, pod or container', () => {
    const yaml = deployment(`
securityContext:
  appArmorProfile: {type: Unconfined}
containers:
  - name: inherits
    image: nginx:1.27
  - name: overrides
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: RuntimeDefault}
  - name: own
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Unconfined}
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'inherits',
        pointer: `${SPEC}/securityContext/appArmorProfile/type`,
        severity: 'medium',
        message: 'Container "inherits" disables AppArmor with the Unconfined profile.',
      },
      {
        container: 'own',
        pointer: `${SPEC}/containers/2/securityContext/appArmorProfile/type`,
        severity: 'medium',
        message: 'Container "own" disables AppArmor with the Unconfined profile.',
      },
    ]);
  });

  it('reports an unknown type', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: runtime/default}
`);
    expect(brief(yaml)[0]?.message).toBe(
      'Container "app" sets an unknown AppArmor profile type "runtime/default"; use RuntimeDefault or Localhost.',
    );
  });

  describe('legacy annotation', () => {
    it('accepts runtime/default and localhost/*', () => {
      const yaml = deployment(
        `
containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
`,
        `
annotations:
  container.apparmor.security.beta.kubernetes.io/a: runtime/default
  container.apparmor.security.beta.kubernetes.io/b: localhost/k8s-nginx
`,
      );
      expect(findingsOf(rule, yaml)).toEqual([]);
    });

    it('reports unconfined at the annotation', () => {
      const yaml = deployment(
        `
containers:
  - name: app
    image: nginx:1.27
`,
        `
annotations:
  container.apparmor.security.beta.kubernetes.io/app: unconfined
`,
      );
      const findings = findingsOf(rule, yaml);
      expect(findings.map(({ pointer, severity, line }) => ({ pointer, severity, line }))).toEqual([
        { pointer: `${META}/${KEY}app`, severity: 'medium', line: 13 },
      ]);
    });

    it('follows the kubelet: container field, then annotation, then pod field', () => {
      const yaml = deployment(
        `
securityContext:
  appArmorProfile: {type: RuntimeDefault}
containers:
  - name: annotated
    image: nginx:1.27
  - name: field-wins
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: RuntimeDefault}
  - name: ignored-value
    image: nginx:1.27
`,
        `
annotations:
  container.apparmor.security.beta.kubernetes.io/annotated: unconfined
  container.apparmor.security.beta.kubernetes.io/field-wins: unconfined
  container.apparmor.security.beta.kubernetes.io/ignored-value: bogus
`,
      );
      expect(brief(yaml).map(({ container, pointer }) => ({ container, pointer }))).toEqual([
        { container: 'annotated', pointer: `${META}/${KEY}annotated` },
      ]);
    });

    it('lets an annotation confine a container whose pod is Unconfined', () => {
      const yaml = deployment(
        `
securityContext:
  appArmorProfile: {type: Unconfined}
containers:
  - name: app
    image: nginx:1.27
`,
        `
annotations:
  container.apparmor.security.beta.kubernetes.io/app: runtime/default
`,
      );
      expect(findingsOf(rule, yaml)).toEqual([]);
    });
  });

  it('applies a configured severity to every message, even one equal to the default', () => {
    const yaml = deployment(`
containers:
  - name: unset
    image: nginx:1.27
  - name: off
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Unconfined}
`);
    const severities = (severity: 'low' | 'high') =>
      findingsOf(rule, yaml, { config: { rules: { 'hardening/apparmor': { severity } } } }).map(
        (finding) => finding.severity,
      );
    expect(severities('low')).toEqual(['low', 'low']);
    expect(severities('high')).toEqual(['high', 'high']);
    expect(findingsOf(rule, yaml).map((finding) => finding.severity)).toEqual(['low', 'medium']);
  });

  it('skips Windows pods', () => {
    const yaml = deployment(`
os: {name: windows}
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });
});
