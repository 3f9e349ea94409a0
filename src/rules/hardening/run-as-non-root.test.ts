import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './run-as-non-root.js';

const SPEC = '/spec/template/spec';

describe('hardening/run-as-non-root', () => {
  it('passes runAsNonRoot: true or a non-zero runAsUser, on the container or the pod', () => {
    const yaml = deployment(`
securityContext:
  runAsNonRoot: true
containers:
  - name: inherits
    image: nginx:1.27
  - name: own-user
    image: nginx:1.27
    securityContext:
      runAsUser: 1000
  - name: user-beats-false
    image: nginx:1.27
    securityContext:
      runAsNonRoot: false
      runAsUser: 1000
`);
    const failing = findingsOf(rule, yaml).map((finding) => finding.container);
    // runAsNonRoot: false on the container overrides the pod, but the UID is not root.
    expect(failing).toEqual([]);
  });

  it('passes when the pod sets a non-zero runAsUser', () => {
    const yaml = deployment(`
securityContext:
  runAsUser: 10001
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a container without any setting at its securityContext, or at the container', () => {
    const yaml = deployment(`
containers:
  - name: bare
    image: nginx:1.27
  - name: empty
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
`);
    expect(
      findingsOf(rule, yaml).map(({ container, pointer, severity }) => ({
        container,
        pointer,
        severity,
      })),
    ).toEqual([
      { container: 'bare', pointer: `${SPEC}/containers/0`, severity: 'high' },
      { container: 'empty', pointer: `${SPEC}/containers/1/securityContext`, severity: 'high' },
    ]);
  });

  it('reports runAsUser: 0 even when runAsNonRoot is true', () => {
    const yaml = deployment(`
securityContext:
  runAsNonRoot: true
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsUser: 0
`);
    const findings = findingsOf(rule, yaml);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      pointer: `${SPEC}/containers/0/securityContext/runAsUser`,
      message: 'Container "app" runs as root (runAsUser: 0).',
    });
  });

  it('reports a pod-level runAsUser: 0 for each container that does not override it', () => {
    const yaml = deployment(`
securityContext:
  runAsUser: 0
  runAsNonRoot: true
containers:
  - name: inherits
    image: nginx:1.27
  - name: overrides
    image: nginx:1.27
    securityContext:
      runAsUser: 1000
`);
    expect(
      findingsOf(rule, yaml).map(({ container, pointer }) => ({ container, pointer })),
    ).toEqual([{ container: 'inherits', pointer: `${SPEC}/securityContext/runAsUser` }]);
  });

  it('lets a container runAsNonRoot: false override the pod and reports it at the container field', () => {
    const yaml = deployment(`
securityContext:
  runAsNonRoot: true
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsNonRoot: false
`);
    const findings = findingsOf(rule, yaml);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      pointer: `${SPEC}/containers/0/securityContext/runAsNonRoot`,
      message:
        'Container "app" may run as root: runAsNonRoot is false and no non-zero runAsUser is set.',
    });
  });

  it('reports a pod-level runAsNonRoot: false at the pod field, and a container can fix it', () => {
    const yaml = deployment(`
securityContext:
  runAsNonRoot: false
initContainers:
  - name: setup
    image: busybox:1.36
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsNonRoot: true
`);
    expect(
      findingsOf(rule, yaml).map(({ container, pointer }) => ({ container, pointer })),
    ).toEqual([{ container: 'setup', pointer: `${SPEC}/securityContext/runAsNonRoot` }]);
  });

  it('checks ephemeral containers', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  securityContext: {runAsNonRoot: true}
  containers: [{name: app, image: "nginx:1.27"}]
  ephemeralContainers:
    - name: shell
      image: busybox:1.36
      securityContext: {runAsUser: 0}
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.container)).toEqual(['shell']);
  });

  it('skips Windows pods', () => {
    const yaml = deployment(`
os:
  name: windows
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('speaks Japanese', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml, { lang: 'ja' })[0]?.message).toBe(
      'コンテナ "app" は root で動作する可能性があります。runAsNonRoot: true も 0 以外の runAsUser も指定されていません。',
    );
  });
});
