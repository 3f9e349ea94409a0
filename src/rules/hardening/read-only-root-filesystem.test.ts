import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './read-only-root-filesystem.js';

describe('hardening/read-only-root-filesystem', () => {
  it('passes containers with a read-only root filesystem', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: busybox:1.36
    securityContext: {readOnlyRootFilesystem: true}
containers:
  - name: app
    image: nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports an explicit false at the field and an unset value at the securityContext', () => {
    const yaml = deployment(`
containers:
  - name: writable
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: false
  - name: unset
    image: nginx:1.27
    securityContext:
      runAsNonRoot: true
  - name: bare
    image: nginx:1.27
`);
    expect(
      findingsOf(rule, yaml).map(({ container, pointer, severity, message }) => ({
        container,
        pointer,
        severity,
        message,
      })),
    ).toEqual([
      {
        container: 'writable',
        pointer: '/spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem',
        severity: 'medium',
        message:
          'Container "writable" has a writable root filesystem (readOnlyRootFilesystem: false).',
      },
      {
        container: 'unset',
        pointer: '/spec/template/spec/containers/1/securityContext',
        severity: 'medium',
        message:
          'Container "unset" does not set readOnlyRootFilesystem: true, so its root filesystem is writable.',
      },
      {
        container: 'bare',
        pointer: '/spec/template/spec/containers/2',
        severity: 'medium',
        message:
          'Container "bare" does not set readOnlyRootFilesystem: true, so its root filesystem is writable.',
      },
    ]);
  });

  it('is not satisfied by a pod-level field (there is none)', () => {
    const yaml = deployment(`
securityContext:
  readOnlyRootFilesystem: true
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toHaveLength(1);
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
