import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import rule from './mount-propagation.js';

const MOUNTS = deployment(`
containers:
  - name: plugin
    image: example.com/csi:1.0.0
    securityContext: {privileged: true}
    volumeMounts:
      - {name: config, mountPath: /etc/plugin}
      - {name: pods, mountPath: /var/lib/kubelet/pods, mountPropagation: Bidirectional}
  - name: sidecar
    image: example.com/sidecar:1.0.0
    volumeMounts:
      - {name: pods, mountPath: /pods, mountPropagation: HostToContainer}
      - {name: pods, mountPath: /pods-rw, mountPropagation: Bidirectional}
`);

describe('workload/mount-propagation', () => {
  it('reports Bidirectional mounts at the field, privileged or not', () => {
    expect(
      findingsOf(rule, MOUNTS).map(({ severity, pointer, container, message }) => ({
        severity,
        pointer,
        container,
        message,
      })),
    ).toEqual([
      {
        severity: 'medium',
        pointer: '/spec/template/spec/containers/0/volumeMounts/1/mountPropagation',
        container: 'plugin',
        message:
          'Container "plugin" mounts volume "pods" at /var/lib/kubelet/pods with Bidirectional propagation, so mounts it makes there appear on the node.',
      },
      {
        severity: 'medium',
        pointer: '/spec/template/spec/containers/1/volumeMounts/1/mountPropagation',
        container: 'sidecar',
        message:
          'Container "sidecar" mounts volume "pods" at /pods-rw with Bidirectional propagation but is not privileged, so the API server rejects the pod.',
      },
    ]);
  });

  it('passes None and HostToContainer', () => {
    expect(
      findingsOf(
        rule,
        deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    volumeMounts:
      - {name: a, mountPath: /a, mountPropagation: None}
      - {name: b, mountPath: /b, mountPropagation: HostToContainer}
      - {name: c, mountPath: /c}
`),
      ),
    ).toEqual([]);
  });

  it('reports a mountPropagation of the wrong type as an input problem', () => {
    const output = runRules(
      [rule],
      deployment(
        'containers: [{name: app, image: example.com/app:1.0.0, volumeMounts: [{name: a, mountPath: /a, mountPropagation: 3}]}]',
      ),
    );
    expect(output.findings).toEqual([]);
    expect(output.problems.map((problem) => problem.code)).toEqual(['INVALID_TYPE']);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, MOUNTS, { lang: 'ja' })[1]?.message).toBe(
      'コンテナ "sidecar" はボリューム "pods" を /pods-rw に Bidirectional の伝播でマウントしていますが、特権コンテナではないため、API サーバーは Pod を拒否します。',
    );
  });
});
