import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './host-probes-and-host-lifecycle.js';

describe('pss/host-probes-and-host-lifecycle', () => {
  it('passes probes and hooks without a host', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe: {httpGet: {path: /healthz, port: 8080}}
    lifecycle:
      preStop: {exec: {command: [nginx, -s, quit]}}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports any host, even localhost, from policy version v1.34', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    readinessProbe: {tcpSocket: {host: 127.0.0.1, port: 8080}}
    lifecycle:
      postStart: {httpGet: {host: localhost, port: 8080}}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer])).toEqual([
      ['app', '/spec/template/spec/containers/0/readinessProbe/tcpSocket/host'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": probe or lifecycle host (container "app" uses probe or lifecycle hosts "127.0.0.1", "localhost").',
    );
    expect(findingsOf(rule, yaml, { options: { version: 'v1.33' } })).toEqual([]);
  });
});
