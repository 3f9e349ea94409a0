import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './host-ports.js';

describe('pss/host-ports', () => {
  it('passes container ports without a host port', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{containerPort: 8080}, {containerPort: 9090, hostPort: 0}]
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports host ports', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports:
      - containerPort: 8080
      - containerPort: 443
        hostPort: 443
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.container, f.pointer])).toEqual([
      ['app', '/spec/template/spec/containers/0/ports/1/hostPort'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": hostPort (container "app" uses hostPort 443).',
    );
  });

  it('applies the API-server defaulting of host ports on Pods with hostNetwork only', () => {
    const spec = `
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
      ports: [{containerPort: 80}]
`;
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:${spec}`;
    const findings = findingsOf(rule, pod);
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/spec/containers/0/ports/0',
        'Violates PodSecurity "baseline:latest": hostPort (container "app" uses hostPort 80).',
      ],
    ]);
    const template = deployment(spec.replace(/^ {2}/gm, ''));
    expect(findingsOf(rule, template)).toEqual([]);
  });
});
