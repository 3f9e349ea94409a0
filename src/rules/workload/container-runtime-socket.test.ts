import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './container-runtime-socket.js';

function mounting(path: string, mount = '{name: host, mountPath: /host, readOnly: true}'): string {
  return deployment(`
containers:
  - name: agent
    image: example.com/agent:1.0.0
    volumeMounts: [${mount}]
volumes:
  - name: host
    hostPath: {path: '${path}'}
`);
}

function messages(yaml: string): string[] {
  return findingsOf(rule, yaml).map((finding) => finding.message);
}

describe('workload/container-runtime-socket', () => {
  it.each([
    ['/var/run/docker.sock'],
    ['/run/containerd/containerd.sock'],
    ['/var/run/crio/crio.sock'],
    ['/run/k3s/containerd/containerd.sock'],
    ['/run/containerd/containerd.sock.ttrpc/../containerd.sock'],
    ['/var/run/containerd/other.sock'],
    ['//var/run//docker.sock/'],
  ])('reports the socket %s even when mounted read-only', (path) => {
    const findings = findingsOf(rule, mounting(path));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'critical',
      container: 'agent',
      pointer: '/spec/template/spec/containers/0/volumeMounts/0',
    });
    expect(findings[0]?.message).toMatch(
      /^Container "agent" mounts the container runtime socket "\/[^"]+\.sock" \(volume "host"\)\.$/,
    );
  });

  it('reports directories that contain a runtime socket, at high severity', () => {
    expect(findingsOf(rule, mounting('/var/run'))[0]?.severity).toBe('high');
    expect(messages(mounting('/var/run'))).toEqual([
      'Container "agent" mounts host directory "/var/run" (volume "host"), which contains the container runtime socket "/var/run/containerd/containerd.sock".',
    ]);
    expect(messages(mounting('/'))).toHaveLength(1);
    expect(messages(mounting('/run/k3s'))).toHaveLength(1);
  });

  it('follows subPath into the host directory', () => {
    expect(
      messages(
        mounting('/var/run', '{name: host, mountPath: /var/run/docker.sock, subPath: docker.sock}'),
      ),
    ).toEqual([
      'Container "agent" mounts the container runtime socket "/var/run/docker.sock" (volume "host").',
    ]);
  });

  it('reports the Docker named pipe of Windows nodes', () => {
    expect(messages(mounting('\\\\.\\pipe\\docker_engine'))).toHaveLength(1);
  });

  it.each([
    ['/var/log'],
    ['/var/lib/kubelet/pods'],
    ['/run/cilium/cilium.sock'],
    ['/var/run/secrets'],
  ])('passes the unrelated host path %s', (path) => {
    expect(messages(mounting(path))).toEqual([]);
  });

  it('passes a socket volume that no container mounts', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
volumes:
  - name: docker
    hostPath: {path: /var/run/docker.sock}
`);
    expect(messages(yaml)).toEqual([]);
  });
});
