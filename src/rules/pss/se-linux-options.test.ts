import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './se-linux-options.js';

describe('pss/se-linux-options', () => {
  it('passes the container types and a level', () => {
    const yaml = deployment(`
securityContext:
  seLinuxOptions: {type: container_t, level: "s0:c123,c456"}
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {type: container_init_t}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports forbidden types, users and roles at the offending field', () => {
    const yaml = deployment(`
securityContext:
  seLinuxOptions: {type: spc_t}
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {user: system_u}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.message])).toEqual([
      [
        undefined,
        '/spec/template/spec/securityContext/seLinuxOptions/type',
        'Violates PodSecurity "baseline:latest": seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t").',
      ],
      [
        'app',
        '/spec/template/spec/containers/0/securityContext/seLinuxOptions/user',
        'Violates PodSecurity "baseline:latest": seLinuxOptions (pod and container "app" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set).',
      ],
    ]);
  });

  it('allows container_engine_t from policy version v1.31', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: podman:5
    securityContext:
      seLinuxOptions: {type: container_engine_t}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.30' } })).toHaveLength(1);
  });
});
