import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './ssh-port.js';

const GIT = `${deployment(`
containers:
  - name: git
    image: example.com/git-server:2.0.0
    ports:
      - {name: http, containerPort: 3000}
      - {name: ssh, containerPort: 2222}
      - {name: sftp, containerPort: 22, protocol: UDP}
  - name: sidecar
    image: example.com/sidecar:1.0.0
    ports:
      - {name: SSH, containerPort: 8022}
`)}
---
apiVersion: v1
kind: Service
metadata: {name: git, namespace: shop}
spec:
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: git-ssh, port: 22, targetPort: ssh}
    - {name: admin, port: 8022, targetPort: ssh}
    - {name: plain, port: 2222}
    - {name: dns, port: 22, protocol: UDP}
`;

describe('network/ssh-port', () => {
  it('reports SSH container ports and Service ports, at the port', () => {
    expect(
      findingsOf(rule, GIT).map(({ resource, container, pointer, line, message }) => ({
        kind: resource.kind,
        container,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        kind: 'Deployment',
        container: 'git',
        pointer: '/spec/template/spec/containers/0/ports/1/containerPort',
        line: 18,
        message: 'Container "git" declares port 2222/TCP, an SSH port.',
      },
      {
        kind: 'Deployment',
        container: 'sidecar',
        pointer: '/spec/template/spec/containers/1/ports/0/name',
        line: 23,
        message: 'Container "sidecar" declares port 8022/TCP named "SSH".',
      },
      {
        kind: 'Service',
        container: undefined,
        pointer: '/spec/ports/1',
        line: 32,
        message: 'Service exposes SSH: port 22/TCP to target port ssh.',
      },
      {
        kind: 'Service',
        container: undefined,
        pointer: '/spec/ports/2',
        line: 33,
        message: 'Service exposes SSH: port 8022/TCP to target port ssh.',
      },
      {
        kind: 'Service',
        container: undefined,
        pointer: '/spec/ports/3',
        line: 34,
        message: 'Service exposes SSH: port 2222/TCP to target port 2222.',
      },
    ]);
  });

  it('takes the SSH port numbers from the ports option', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    ports: [{containerPort: 22}, {containerPort: 2200}]
`);
    expect(findingsOf(rule, yaml, { options: { ports: [2200] } }).map((f) => f.pointer)).toEqual([
      '/spec/template/spec/containers/0/ports/1/containerPort',
    ]);
  });

  it('passes ExternalName Services and workloads without SSH', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: legacy}
spec:
  type: ExternalName
  externalName: legacy.example.com
  ports: [{port: 22}]
`;
    expect(findingsOf(rule, yaml)).toEqual([]);
    expect(
      findingsOf(
        rule,
        deployment('containers: [{name: a, image: b, ports: [{containerPort: 80}]}]'),
      ),
    ).toEqual([]);
  });

  it('checks the containers of workload kinds mapped in the configuration', () => {
    const rollout = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: git, namespace: shop}
spec:
  template:
    spec:
      containers:
        - name: git
          image: example.com/git-server:2.0.0
          ports: [{containerPort: 22}]
`;
    const config = { workloadKinds: { Rollout: '/spec/template' } };
    expect(
      findingsOf(rule, rollout, { config }).map(({ pointer, line }) => ({ pointer, line })),
    ).toEqual([{ pointer: '/spec/template/spec/containers/0/ports/0/containerPort', line: 10 }]);
    // Without the mapping, a Rollout is just a custom resource.
    expect(findingsOf(rule, rollout)).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, GIT, { lang: 'ja' }).map((finding) => finding.message)[2]).toBe(
      'Service が SSH を公開しています: ポート 22/TCP からターゲットポート ssh へ。',
    );
  });
});
