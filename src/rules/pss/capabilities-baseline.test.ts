import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './capabilities-baseline.js';

describe('pss/capabilities-baseline', () => {
  it('passes default capabilities', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [NET_RAW]}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports the first non-default capability of each container', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {add: [CHOWN, SYS_ADMIN, NET_ADMIN]}
  - name: debug
    image: busybox:1.36
    securityContext:
      capabilities: {add: [chown]}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer])).toEqual([
      ['app', '/spec/template/spec/containers/0/securityContext/capabilities/add/1'],
      ['debug', '/spec/template/spec/containers/1/securityContext/capabilities/add/0'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": non-default capabilities (container "app" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add).',
    );
  });
});
