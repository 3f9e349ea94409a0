import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './writable-host-path.js';

const LOGS = deployment(`
initContainers:
  - name: setup
    image: example.com/setup:1.0.0
    volumeMounts:
      - {name: varlog, mountPath: /var/log, readOnly: false}
containers:
  - name: shipper
    image: example.com/shipper:1.0.0
    volumeMounts:
      - {name: varlog, mountPath: /var/log}
      - {name: config, mountPath: /etc/shipper}
      - {name: machine-id, mountPath: /etc/machine-id, readOnly: true}
volumes:
  - name: varlog
    hostPath: {path: /var/log/}
  - name: config
    configMap: {name: shipper}
  - name: machine-id
    hostPath: {path: /etc/machine-id, type: File}
`);

describe('workload/writable-host-path', () => {
  it('reports every writable mount of a hostPath volume, at its readOnly field', () => {
    const findings = findingsOf(rule, LOGS);
    expect(
      findings.map(({ severity, container, pointer, line, message }) => ({
        severity,
        container,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        severity: 'high',
        container: 'setup',
        pointer: '/spec/template/spec/initContainers/0/volumeMounts/0/readOnly',
        line: 17,
        message:
          'Container "setup" mounts host path "/var/log" (volume "varlog") writable; set readOnly: true on the mount.',
      },
      {
        severity: 'high',
        container: 'shipper',
        pointer: '/spec/template/spec/containers/0/volumeMounts/0/readOnly',
        line: 22,
        message:
          'Container "shipper" mounts host path "/var/log" (volume "varlog") writable; set readOnly: true on the mount.',
      },
    ]);
  });

  it('passes paths under allowedPaths', () => {
    expect(findingsOf(rule, LOGS, { options: { allowedPaths: ['/var/log'] } })).toEqual([]);
    expect(findingsOf(rule, LOGS, { options: { allowedPaths: ['/var/lo'] } })).toHaveLength(2);
  });

  it('leaves runtime sockets to workload/container-runtime-socket', () => {
    const yaml = deployment(`
containers:
  - name: agent
    image: example.com/agent:1.0.0
    volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
volumes:
  - name: sock
    hostPath: {path: /var/run/docker.sock}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('rejects allowedPaths that are not a list of paths', () => {
    expect(rule.meta.validateOptions?.({ allowedPaths: ['/var/log', ''] })).toEqual([
      'allowedPaths must be a list of non-empty paths',
    ]);
  });
});
