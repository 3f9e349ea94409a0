import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './sensitive-host-path.js';

/** A pod whose container mounts each given node path read-only, as volume v<index>. */
function mounting(paths: readonly string[], readOnly = true): string {
  const mounts = paths
    .map(
      (_, index) => `      - {name: v${index}, mountPath: /host/${index}, readOnly: ${readOnly}}`,
    )
    .join('\n');
  const volumes = paths.map((path, index) => `  - {name: v${index}, hostPath: {path: "${path}"}}`);
  return deployment(`
containers:
  - name: agent
    image: example.com/agent:1.0.0
    volumeMounts:
${mounts}
volumes:
${volumes.join('\n')}
`);
}

function reported(paths: readonly string[]): string[] {
  return findingsOf(rule, mounting(paths)).map((finding) => finding.message);
}

describe('workload/sensitive-host-path', () => {
  it('reports a read-only mount of a credential store, at the mount, with high severity', () => {
    expect(
      findingsOf(rule, mounting(['/var/lib/kubelet/pods'])).map(
        ({ severity, container, pointer, line, message }) => ({
          severity,
          container,
          pointer,
          line,
          message,
        }),
      ),
    ).toEqual([
      {
        severity: 'high',
        container: 'agent',
        pointer: '/spec/template/spec/containers/0/volumeMounts/0',
        line: 17,
        message:
          'Container "agent" mounts host path "/var/lib/kubelet/pods" (volume "v0") read-only, which exposes credentials the node keeps in "/var/lib/kubelet".',
      },
    ]);
  });

  it('names the credentials a directory contains, before its own system role', () => {
    expect(reported(['/etc', '/var/lib', '/home/ops/.kube'])).toEqual([
      'Container "agent" mounts host path "/etc" (volume "v0") read-only, which exposes credentials the node keeps in "/etc/kubernetes".',
      'Container "agent" mounts host path "/var/lib" (volume "v1") read-only, which exposes credentials the node keeps in "/var/lib/kubelet".',
      'Container "agent" mounts host path "/home/ops/.kube" (volume "v2") read-only, which exposes credentials the node keeps in "/home".',
    ]);
  });

  it('reports system paths at medium severity: whole trees, and some directories themselves', () => {
    const findings = findingsOf(rule, mounting(['/proc', '/proc/1/root', '/sys', '/usr/', '/dev']));
    expect(findings.map((finding) => finding.severity)).toEqual([
      'medium',
      'medium',
      'medium',
      'medium',
      'medium',
    ]);
    expect(findings[1]?.message).toBe(
      'Container "agent" mounts host path "/proc/1/root" (volume "v1") read-only, which exposes the node\'s system path "/proc".',
    );
  });

  it('passes harmless files and directories under system paths', () => {
    expect(
      reported([
        '/etc/localtime',
        '/etc/ssl/certs',
        '/usr/share/zoneinfo',
        '/lib/modules',
        '/sys/fs/cgroup',
        '/dev/kmsg',
        '/var/log',
        '/opt/agent',
      ]),
    ).toEqual([]);
  });

  it('leaves writable mounts and runtime sockets to the other hostPath rules', () => {
    expect(findingsOf(rule, mounting(['/etc/kubernetes'], false))).toEqual([]);
    expect(reported(['/', '/var', '/run/containerd'])).toEqual([]);
  });

  it('passes paths under allowedPaths', () => {
    const yaml = mounting(['/proc', '/sys']);
    expect(findingsOf(rule, yaml, { options: { allowedPaths: ['/proc', '/sys/'] } })).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, mounting(['/var/lib/etcd']), { lang: 'ja' })[0]?.message).toBe(
      'コンテナ "agent" がホストのパス "/var/lib/etcd" を読み取り専用でマウントしています (ボリューム "v0")。ノードが "/var/lib/etcd" に保存している認証情報が読み取れます。',
    );
  });
});
