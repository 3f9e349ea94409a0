import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './host-namespaces.js';

describe('pss/host-namespaces', () => {
  it('passes pods that share no host namespace', () => {
    const yaml = deployment(`
hostNetwork: false
containers:
  - name: app
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports the pod once, at the first shared namespace', () => {
    const yaml = deployment(`
hostPID: true
hostIPC: true
containers:
  - name: app
    image: nginx:1.27
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.pointer, f.line, f.container])).toEqual([
      ['/spec/template/spec/hostPID', 13, undefined],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": host namespaces (hostPID=true, hostIPC=true).',
    );
  });
});
