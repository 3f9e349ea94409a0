import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './allow-privilege-escalation.js';

describe('pss/allow-privilege-escalation', () => {
  it('passes containers that set allowPrivilegeEscalation: false', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext: {allowPrivilegeEscalation: false}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports containers that leave it unset or set it to true', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
  - name: sidecar
    image: envoy:1.30
    securityContext: {allowPrivilegeEscalation: true}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.severity])).toEqual([
      ['app', '/spec/template/spec/containers/0', 'medium'],
      [
        'sidecar',
        '/spec/template/spec/containers/1/securityContext/allowPrivilegeEscalation',
        'medium',
      ],
    ]);
    expect(findings[1]?.message).toBe(
      'Violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "sidecar" must set securityContext.allowPrivilegeEscalation=false).',
    );
  });

  it('exempts Windows pods from policy version v1.25 only', () => {
    const yaml = deployment(`
os: {name: windows}
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
    expect(findingsOf(rule, yaml, { options: { version: 'v1.24' } })).toHaveLength(1);
  });
});
