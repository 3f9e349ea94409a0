import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './windows-host-process.js';

describe('pss/windows-host-process', () => {
  it('passes ordinary Windows containers', () => {
    const yaml = deployment(`
os: {name: windows}
securityContext:
  windowsOptions: {hostProcess: false}
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports HostProcess on the pod', () => {
    const yaml = deployment(`
os: {name: windows}
securityContext:
  windowsOptions: {hostProcess: true}
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer, f.message])).toEqual([
      [
        undefined,
        '/spec/template/spec/securityContext/windowsOptions/hostProcess',
        'Violates PodSecurity "baseline:latest": hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true).',
      ],
    ]);
  });
});
