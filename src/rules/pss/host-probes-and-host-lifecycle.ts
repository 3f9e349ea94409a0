/*
 * pss/host-probes-and-host-lifecycle: the Pod Security `hostProbesAndHostLifecycle` check
 * (baseline, policy v1.34+).
 * Checked fields: {init,ephemeral,}containers[*].{livenessProbe,readinessProbe,startupProbe}
 * .{httpGet,tcpSocket}.host and .lifecycle.{postStart,preStop}.{httpGet,tcpSocket}.host
 * Passing values: empty, or unset (even localhost fails).
 */
import { valueAt } from '../../core/workload.js';
import { hostProbesAndHostLifecycle } from '../../pss/checks/host-probes-and-host-lifecycle.js';
import { definePssRule } from './_factory.js';

const HANDLERS = [
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle/postStart',
  'lifecycle/preStop',
];
const CANDIDATES = HANDLERS.flatMap((handler) => [
  `/${handler}/httpGet/host`,
  `/${handler}/tcpSocket/host`,
]);

export default definePssRule({
  check: hostProbesAndHostLifecycle,
  title: {
    en: 'Probe or lifecycle handler with a host',
    ja: 'host を指定したプローブ・ライフサイクルハンドラー',
  },
  description: {
    en: 'Baseline (from policy version v1.34) forbids setting host in the httpGet and tcpSocket handlers of probes and lifecycle hooks: the kubelet would connect to that address from the node, which lets a pod reach hosts it could not reach itself.',
    ja: 'Baseline（ポリシーバージョン v1.34 以降）は、プローブとライフサイクルフックの httpGet・tcpSocket ハンドラーで host を指定することを禁止します。kubelet がノードからそのアドレスへ接続するため、Pod 自身が到達できないホストに到達できてしまいます。',
  },
  remediation: {
    en: 'Remove host from the probe and lifecycle handlers; the kubelet then connects to the pod IP.',
    ja: 'プローブとライフサイクルハンドラーから host を削除してください。kubelet は Pod の IP に接続します。',
  },
  container: ({ ref, container }) => {
    const found = CANDIDATES.find((path) => {
      const host = valueAt(container, path);
      return typeof host === 'string' ? host !== '' : host !== undefined && host !== null;
    });
    return `${ref.pointer}${found ?? ''}`;
  },
});
