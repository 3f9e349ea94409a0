import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './privileged-port.js';

const WEB = deployment(`
containers:
  - name: nginx
    image: example.com/nginx:1.27.0
    ports:
      - {name: http, containerPort: 80}
      - {name: https, containerPort: 443, hostPort: 443}
      - {name: metrics, containerPort: 9113}
  - name: dns
    image: example.com/dns:1.0.0
    ports:
      - {containerPort: 53, protocol: UDP}
      - {containerPort: 1024}
`);

describe('workload/privileged-port', () => {
  it('reports container ports below 1024 at their containerPort', () => {
    expect(
      findingsOf(rule, WEB).map(({ container, pointer, line, message }) => ({
        container,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        container: 'nginx',
        pointer: '/spec/template/spec/containers/0/ports/0/containerPort',
        line: 17,
        message:
          'Container "nginx" listens on port 80/TCP, below 1024, which needs root or NET_BIND_SERVICE to bind unless the runtime allows unprivileged low ports.',
      },
      {
        container: 'nginx',
        pointer: '/spec/template/spec/containers/0/ports/1/containerPort',
        line: 18,
        message:
          'Container "nginx" listens on port 443/TCP, below 1024, which needs root or NET_BIND_SERVICE to bind unless the runtime allows unprivileged low ports.',
      },
      {
        container: 'dns',
        pointer: '/spec/template/spec/containers/1/ports/0/containerPort',
        line: 23,
        message:
          'Container "dns" listens on port 53/UDP, below 1024, which needs root or NET_BIND_SERVICE to bind unless the runtime allows unprivileged low ports.',
      },
    ]);
  });

  it('says the port is bound on the node with hostNetwork', () => {
    const yaml = deployment(`
hostNetwork: true
containers:
  - name: agent
    image: example.com/agent:1.0.0
    ports: [{containerPort: 179}]
`);
    expect(findingsOf(rule, yaml).map((finding) => finding.message)).toEqual([
      'Container "agent" binds port 179/TCP of the node (hostNetwork: true), below 1024, which needs root or NET_BIND_SERVICE on the node.',
    ]);
  });

  it('passes ports from 1024 up, a hostPort below 1024 alone, and allowedPorts', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    ports: [{containerPort: 8080, hostPort: 80}, {containerPort: 8443}]
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
    expect(
      findingsOf(rule, WEB, { options: { allowedPorts: [53, 80, 443] } }).map(
        (finding) => finding.pointer,
      ),
    ).toEqual([]);
  });

  it('rejects allowedPorts that are not port numbers', () => {
    expect(rule.meta.validateOptions?.({ allowedPorts: [80, 0] })).toEqual([
      'allowedPorts must be a list of port numbers (1-65535)',
    ]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, WEB, { lang: 'ja' })[0]?.message).toBe(
      'コンテナ "nginx" が 1024 未満のポート 80/TCP で待ち受けています。ランタイムが非特権での低いポートの使用を許可していない限り、バインドには root か NET_BIND_SERVICE が必要です。',
    );
  });
});
