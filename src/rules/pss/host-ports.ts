/*
 * pss/host-ports: the Pod Security `hostPorts` check (baseline, policy v1.0+).
 * Checked field: {init,ephemeral,}containers[*].ports[*].hostPort
 * Passing values: 0, or unset. On a Pod with hostNetwork: true the API server sets each
 * hostPort to its containerPort, so such ports fail too.
 */
import { hostPorts } from '../../pss/checks/host-ports.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: hostPorts,
  title: { en: 'Host port', ja: 'ホストポート' },
  description: {
    en: "Baseline forbids host ports: they bind a port on the node's network interfaces, bypass network policies and limit where the pod can be scheduled.",
    ja: 'Baseline はホストポートを禁止します。ホストポートはノードのネットワークインターフェースにポートを開き、ネットワークポリシーを迂回し、スケジュール先も制限します。',
  },
  remediation: {
    en: 'Remove ports[*].hostPort (and hostNetwork) and expose the container through a Service instead.',
    ja: 'ports[*].hostPort（と hostNetwork）を削除し、代わりに Service でコンテナを公開してください。',
  },
  container: ({ ref, container }) => {
    const index = (container.ports ?? []).findIndex(
      (port) => port?.hostPort !== undefined && port.hostPort !== 0,
    );
    return index < 0 ? `${ref.pointer}/ports` : `${ref.pointer}/ports/${index}/hostPort`;
  },
});
