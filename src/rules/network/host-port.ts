/*
 * Containers should not bind ports on the node.
 * Checked field: {init,ephemeral,}containers[*].ports[*].hostPort (non-zero), and on pods with
 * hostNetwork: true every declared containerPort, which is then a port of the node itself.
 * Ports listed in the allowedHostPorts option pass.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { validatePortList } from './_net.js';

type MessageId = 'hostPort' | 'hostPortOnAddress' | 'hostNetworkPort';

interface Options {
  /** Node ports that may be bound without a finding. */
  allowedHostPorts: number[];
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'network/host-port',
    title: { en: 'Container binds a node port', ja: 'コンテナがノードのポートを使用' },
    description: {
      en: "A hostPort opens a port on the node's own network addresses and forwards it to the container. The workload becomes reachable by anyone who can reach the node, outside the control of Services and often of NetworkPolicy, and the pod can only be scheduled on nodes where the port is free.",
      ja: 'hostPort はノード自身のネットワークアドレスでポートを開き、コンテナへ転送します。ノードに到達できる相手なら誰でも、Service の制御外で（多くの場合 NetworkPolicy の制御も受けずに）ワークロードに接続でき、Pod はそのポートが空いているノードにしか配置できなくなります。',
    },
    remediation: {
      en: 'Remove hostPort (and hostNetwork) and expose the container through a ClusterIP Service, or an Ingress, Gateway or LoadBalancer for outside clients. For a node agent that really needs a node port, list it in allowedHostPorts and restrict access with the node firewall.',
      ja: 'hostPort（と hostNetwork）を削除し、コンテナは ClusterIP の Service で、外部のクライアント向けには Ingress、Gateway、LoadBalancer で公開してください。ノードのポートが本当に必要なノードエージェントは、そのポートを allowedHostPorts に記載し、ノードのファイアウォールでアクセスを制限してください。',
    },
    severity: 'medium',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/overview/#services',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    standards: [
      { framework: 'pss', control: 'baseline' },
      { framework: 'nsa', control: 'network-separation' },
    ],
    messages: {
      hostPort: {
        en: 'Container "{{container}}" binds node port {{hostPort}}/{{protocol}} (hostPort), forwarded to container port {{containerPort}}.',
        ja: 'コンテナ "{{container}}" がノードのポート {{hostPort}}/{{protocol}} を使用し (hostPort)、コンテナのポート {{containerPort}} に転送しています。',
      },
      hostPortOnAddress: {
        en: 'Container "{{container}}" binds port {{hostPort}}/{{protocol}} on node address {{hostIP}} (hostPort), forwarded to container port {{containerPort}}.',
        ja: 'コンテナ "{{container}}" がノードのアドレス {{hostIP}} のポート {{hostPort}}/{{protocol}} を使用し (hostPort)、コンテナのポート {{containerPort}} に転送しています。',
      },
      hostNetworkPort: {
        en: 'Container "{{container}}" listens on port {{hostPort}}/{{protocol}} of the node itself, because the pod uses the host network (hostNetwork: true).',
        ja: 'Pod がホストのネットワークを使う (hostNetwork: true) ため、コンテナ "{{container}}" はノード自身のポート {{hostPort}}/{{protocol}} で待ち受けます。',
      },
    },
    defaultOptions: { allowedHostPorts: [] },
    validateOptions(options) {
      return validatePortList(options, 'allowedHostPorts');
    },
  },
  check(workload, context) {
    const allowed = new Set(context.options.allowedHostPorts);
    const hostNetwork = workload.podSpec.hostNetwork === true;
    for (const ref of workload.containers) {
      (ref.container.ports ?? []).forEach((port, index) => {
        // A list item of the wrong type was removed by sanitising (and reported).
        if (port === undefined || port === null) {
          return;
        }
        const protocol = port.protocol ?? 'TCP';
        const pointer = `${ref.pointer}/ports/${index}`;
        const explicit = port.hostPort !== undefined && port.hostPort !== 0;
        if (hostNetwork) {
          // The node's own port is the container port (the API requires hostPort to match).
          const bound = explicit ? port.hostPort : port.containerPort;
          if (bound === undefined || allowed.has(bound)) {
            return;
          }
          context.report({
            messageId: 'hostNetworkPort',
            data: { container: ref.name, hostPort: bound, protocol },
            pointer: `${pointer}/${explicit ? 'hostPort' : 'containerPort'}`,
            container: ref.name,
          });
          return;
        }
        if (!explicit || port.hostPort === undefined || allowed.has(port.hostPort)) {
          return;
        }
        const data = {
          container: ref.name,
          hostPort: port.hostPort,
          protocol,
          containerPort: port.containerPort ?? '?',
        };
        const hostIP = port.hostIP;
        context.report(
          hostIP === undefined || hostIP === '' || hostIP === '0.0.0.0' || hostIP === '::'
            ? { messageId: 'hostPort', data, pointer: `${pointer}/hostPort`, container: ref.name }
            : {
                messageId: 'hostPortOnAddress',
                data: { ...data, hostIP },
                pointer: `${pointer}/hostPort`,
                container: ref.name,
              },
        );
      });
    }
  },
});
