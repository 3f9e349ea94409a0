import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './allow-privilege-escalation.js';

describe('hardening/allow-privilege-escalation', () => {
  it('passes an explicit false on every container', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: busybox:1.36
    securityContext: {allowPrivilegeEscalation: false}
containers:
  - name: app
    image: nginx:1.27
    securityContext: {allowPrivilegeEscalation: false}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports true at the field and unset at the securityContext or container', () => {
    const yaml = deployment(`
containers:
  - name: allowed
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: true
  - name: unset
    image: nginx:1.27
    securityContext: {}
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
        container: 'allowed',
        pointer: '/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation',
        severity: 'high',
        message:
          'Container "allowed" allows privilege escalation (allowPrivilegeEscalation: true).',
      },
      {
        container: 'unset',
        pointer: '/spec/template/spec/containers/1/securityContext',
        severity: 'high',
        message:
          'Container "unset" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed.',
      },
      {
        container: 'bare',
        pointer: '/spec/template/spec/containers/2',
        severity: 'high',
        message:
          'Container "bare" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed.',
      },
    ]);
  });

  it('is not satisfied by a pod-level field (there is none)', () => {
    const yaml = deployment(`
securityContext:
  allowPrivilegeEscalation: false
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toHaveLength(1);
  });

  it('checks ephemeral containers and skips Windows pods', () => {
    const pod = (os: string) => `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
${os}  containers:
    - name: app
      image: nginx:1.27
      securityContext: {allowPrivilegeEscalation: false}
  ephemeralContainers:
    - name: shell
      image: busybox:1.36
`;
    expect(findingsOf(rule, pod('')).map((finding) => finding.container)).toEqual(['shell']);
    expect(findingsOf(rule, pod('  os: {name: windows}\n'))).toEqual([]);
  });
});
