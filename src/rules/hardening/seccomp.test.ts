import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './seccomp.js';

const SPEC = '/spec/template/spec';
const META = '/spec/template/metadata/annotations';

function brief(yaml: string) {
  return findingsOf(rule, yaml).map(({ container, pointer, severity, message }) => ({
    container,
    pointer,
    severity,
    message,
  }));
}

describe('hardening/seccomp', () => {
  it('passes RuntimeDefault on the pod and Localhost on a container', () => {
    const yaml = deployment(`
securityContext:
  seccompProfile:
    type: RuntimeDefault
containers:
  - name: inherits
    image: nginx:1.27
  - name: own
    image: nginx:1.27
    securityContext:
      seccompProfile:
        type: Localhost
        localhostProfile: profiles/audit.json
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports an unset profile at medium severity', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'app',
        pointer: `${SPEC}/containers/0`,
        severity: 'medium',
        message:
          'Container "app" has no seccomp profile, so on most nodes it runs without system call filtering.',
      },
    ]);
  });

  it('reports Unconfined at the type field that applies, pod or container', () => {
    const yaml = deployment(`
securityContext:
  seccompProfile: {type: Unconfined}
containers:
  - name: inherits
    image: nginx:1.27
  - name: overrides
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: RuntimeDefault}
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'inherits',
        pointer: `${SPEC}/securityContext/seccompProfile/type`,
        severity: 'medium',
        message: 'Container "inherits" disables seccomp with the Unconfined profile.',
      },
    ]);
  });

  it('lets a container Unconfined override a RuntimeDefault pod', () => {
    const yaml = deployment(`
securityContext:
  seccompProfile: {type: RuntimeDefault}
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: Unconfined}
`);
    expect(brief(yaml).map((finding) => finding.pointer)).toEqual([
      `${SPEC}/containers/0/securityContext/seccompProfile/type`,
    ]);
  });

  it('reports an unknown or missing type', () => {
    const yaml = deployment(`
containers:
  - name: typo
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: runtime/default}
  - name: empty
    image: nginx:1.27
    securityContext:
      seccompProfile: {}
`);
    expect(brief(yaml).map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: `${SPEC}/containers/0/securityContext/seccompProfile/type`,
        message:
          'Container "typo" sets an unknown seccomp profile "runtime/default"; use RuntimeDefault or Localhost.',
      },
      {
        pointer: `${SPEC}/containers/1/securityContext/seccompProfile`,
        message:
          'Container "empty" sets an unknown seccomp profile ""; use RuntimeDefault or Localhost.',
      },
    ]);
  });

  describe('legacy annotations', () => {
    it('accepts runtime/default, docker/default and localhost/* but advises the field', () => {
      const yaml = deployment(
        `
containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
  - name: c
    image: nginx:1.27
`,
        `
annotations:
  seccomp.security.alpha.kubernetes.io/pod: runtime/default
  container.seccomp.security.alpha.kubernetes.io/b: docker/default
  container.seccomp.security.alpha.kubernetes.io/c: localhost/profiles/c.json
`,
      );
      const findings = brief(yaml);
      expect(
        findings.map(({ container, pointer, severity }) => ({ container, pointer, severity })),
      ).toEqual([
        {
          container: 'a',
          pointer: `${META}/seccomp.security.alpha.kubernetes.io~1pod`,
          severity: 'low',
        },
        {
          container: 'b',
          pointer: `${META}/container.seccomp.security.alpha.kubernetes.io~1b`,
          severity: 'low',
        },
        {
          container: 'c',
          pointer: `${META}/container.seccomp.security.alpha.kubernetes.io~1c`,
          severity: 'low',
        },
      ]);
      expect(findings[0]?.message).toBe(
        'Container "a" is confined only by the deprecated annotation seccomp.security.alpha.kubernetes.io/pod, which Kubernetes 1.27 and later ignore; set securityContext.seccompProfile instead.',
      );
      // The finding is located at the annotation.
      expect(findingsOf(rule, yaml)[0]?.line).toBe(13);
    });

    it('reports an unconfined annotation; the container annotation wins over the pod one', () => {
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
  seccomp.security.alpha.kubernetes.io/pod: runtime/default
  container.seccomp.security.alpha.kubernetes.io/b: unconfined
`,
      );
      expect(
        brief(yaml).map(({ container, severity, message }) => ({ container, severity, message })),
      ).toEqual([
        {
          container: 'a',
          severity: 'low',
          message:
            'Container "a" is confined only by the deprecated annotation seccomp.security.alpha.kubernetes.io/pod, which Kubernetes 1.27 and later ignore; set securityContext.seccompProfile instead.',
        },
        {
          container: 'b',
          severity: 'medium',
          message: 'Container "b" disables seccomp with the Unconfined profile.',
        },
      ]);
    });

    it('lets fields win over annotations', () => {
      const yaml = deployment(
        `
securityContext:
  seccompProfile: {type: RuntimeDefault}
containers:
  - name: app
    image: nginx:1.27
`,
        `
annotations:
  container.seccomp.security.alpha.kubernetes.io/app: unconfined
`,
      );
      expect(findingsOf(rule, yaml)).toEqual([]);

      const unconfinedField = deployment(
        `
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: Unconfined}
`,
        `
annotations:
  seccomp.security.alpha.kubernetes.io/pod: runtime/default
`,
      );
      expect(brief(unconfinedField).map((finding) => finding.pointer)).toEqual([
        `${SPEC}/containers/0/securityContext/seccompProfile/type`,
      ]);
    });

    it('reads the annotations from the metadata of a Pod', () => {
      const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.seccomp.security.alpha.kubernetes.io/app: unconfined
spec:
  containers: [{name: app, image: "nginx:1.27"}]
`;
      expect(findingsOf(rule, yaml).map((finding) => finding.pointer)).toEqual([
        '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1app',
      ]);
    });
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
