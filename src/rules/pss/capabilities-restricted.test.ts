import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import baseline from './capabilities-baseline.js';
import rule from './capabilities-restricted.js';

describe('pss/capabilities-restricted', () => {
  it('passes containers that drop ALL and add only NET_BIND_SERVICE', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a missing drop of ALL (case-sensitive) and other added capabilities', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {drop: [all]}
  - name: sidecar
    image: envoy:1.30
    securityContext:
      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.severity])).toEqual([
      ['app', '/spec/template/spec/containers/0/securityContext/capabilities/drop', 'medium'],
      ['sidecar', '/spec/template/spec/containers/1/securityContext/capabilities/add/1', 'medium'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "restricted:latest": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]).',
    );
  });

  it('leaves containers that pss/capabilities-baseline reports to that rule', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {add: [SYS_ADMIN]}
  - name: sidecar
    image: envoy:1.30
`);
    const { findings } = runRules([baseline, rule], yaml);
    expect(findings.map((f) => [f.ruleId, f.container])).toEqual([
      ['pss/capabilities-baseline', 'app'],
      ['pss/capabilities-restricted', 'sidecar'],
    ]);
  });

  it('does not exist before policy version v1.22', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.21' } })).toEqual([]);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.22' } })).toHaveLength(1);
  });
});
