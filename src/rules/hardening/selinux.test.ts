import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './selinux.js';

const SPEC = '/spec/template/spec';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ container, pointer, message }) => ({ container, pointer, message }),
  );
}

describe('hardening/selinux', () => {
  it('passes allowed types and a level, on the pod and on containers', () => {
    const yaml = deployment(`
securityContext:
  seLinuxOptions:
    level: "s0:c123,c456"
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {type: container_t}
  - name: engine
    image: docker:27-dind
    securityContext:
      seLinuxOptions: {type: container_engine_t, level: "s0:c1,c2"}
  - name: empty
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {type: ""}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports pod-level user, role and type once, without a container', () => {
    const yaml = deployment(`
securityContext:
  seLinuxOptions: {user: system_u, role: system_r, type: spc_t}
containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
`);
    expect(brief(yaml)).toEqual([
      {
        container: undefined,
        pointer: `${SPEC}/securityContext/seLinuxOptions/user`,
        message: 'The pod sets the custom SELinux user "system_u".',
      },
      {
        container: undefined,
        pointer: `${SPEC}/securityContext/seLinuxOptions/role`,
        message: 'The pod sets the custom SELinux role "system_r".',
      },
      {
        container: undefined,
        pointer: `${SPEC}/securityContext/seLinuxOptions/type`,
        message: 'The pod sets the SELinux type "spc_t", which is not an allowed container type.',
      },
    ]);
  });

  it('reports container-level options with the container, including init containers', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: busybox:1.36
    securityContext:
      seLinuxOptions: {type: unconfined_t}
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {user: sysadm_u}
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'setup',
        pointer: `${SPEC}/initContainers/0/securityContext/seLinuxOptions/type`,
        message:
          'Container "setup" sets the SELinux type "unconfined_t", which is not an allowed container type.',
      },
      {
        container: 'app',
        pointer: `${SPEC}/containers/0/securityContext/seLinuxOptions/user`,
        message: 'Container "app" sets the custom SELinux user "sysadm_u".',
      },
    ]);
  });

  it('reports a bad pod-level type even when every container overrides it', () => {
    const yaml = deployment(`
securityContext:
  seLinuxOptions: {type: spc_t}
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {type: container_t}
`);
    expect(brief(yaml).map((finding) => finding.pointer)).toEqual([
      `${SPEC}/securityContext/seLinuxOptions/type`,
    ]);
  });

  it('takes the allowed types from the options', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {type: my_app_t}
`);
    expect(brief(yaml)).toHaveLength(1);
    expect(brief(yaml, { allowedTypes: ['container_t', 'my_app_t'] })).toEqual([]);
    expect(rule.meta.validateOptions?.({ allowedTypes: [1] })).toEqual([
      'allowedTypes must be a list of strings',
    ]);
  });

  it('skips Windows pods', () => {
    const yaml = deployment(`
os: {name: windows}
securityContext:
  seLinuxOptions: {user: system_u}
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });
});
