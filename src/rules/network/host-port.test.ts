import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './host-port.js';

describe('network/host-port', () => {
  it('passes containers without host ports', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports:
      - containerPort: 8080
      - containerPort: 9090
        hostPort: 0
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports each host port at its field', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: busybox:1.36
    ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]
containers:
  - name: app
    image: nginx:1.27
    ports:
      - containerPort: 8080
      - containerPort: 8443
        hostPort: 443
`);
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        container: 'setup',
        pointer: '/spec/template/spec/initContainers/0/ports/0/hostPort',
        message:
          'Container "setup" binds node port 53/UDP (hostPort), forwarded to container port 53.',
      },
      {
        container: 'app',
        severity: 'medium',
        pointer: '/spec/template/spec/containers/0/ports/1/hostPort',
        line: 23,
        message:
          'Container "app" binds node port 443/TCP (hostPort), forwarded to container port 8443.',
      },
    ]);
  });

  it('names the node address when hostIP is set', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{containerPort: 8080, hostPort: 8080, hostIP: 127.0.0.1}]
`);
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      'Container "app" binds port 8080/TCP on node address 127.0.0.1 (hostPort), forwarded to container port 8080.',
    ]);
  });

  it('reports the declared ports of hostNetwork pods', () => {
    const yaml = deployment(`
hostNetwork: true
containers:
  - name: agent
    image: example.com/agent:1.0
    ports: [{containerPort: 9100, name: metrics}]
`);
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        pointer: '/spec/template/spec/containers/0/ports/0/containerPort',
        message:
          'Container "agent" listens on port 9100/TCP of the node itself, because the pod uses the host network (hostNetwork: true).',
      },
    ]);
  });

  it('lets allowedHostPorts through', () => {
    const yaml = deployment(`
containers:
  - name: ingress
    image: example.com/ingress:1.0
    ports: [{containerPort: 80, hostPort: 80}, {containerPort: 443, hostPort: 443}]
`);
    const findings = findingsOf(rule, yaml, { options: { allowedHostPorts: [80] } });
    expect(findings.map((finding) => finding.pointer)).toEqual([
      '/spec/template/spec/containers/0/ports/1/hostPort',
    ]);
    expect(rule.meta.validateOptions?.({ allowedHostPorts: [80, 'https'] })).toEqual([
      'allowedHostPorts must be a list of port numbers (1-65535)',
    ]);
  });

  it('speaks Japanese', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{containerPort: 8080, hostPort: 80}]
`);
    expect(findingsOf(rule, yaml, { lang: 'ja' })[0]?.message).toBe(
      'コンテナ "app" がノードのポート 80/TCP を使用し (hostPort)、コンテナのポート 8080 に転送しています。',
    );
  });
});
