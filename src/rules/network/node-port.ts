/*
 * A Service of type NodePort opens its ports on every node of the cluster.
 * Checked: core v1 Services with spec.type NodePort.
 * LoadBalancer Services also allocate node ports (unless allocateLoadBalancerNodePorts is
 * false); their exposure is judged by network/public-load-balancer instead.
 */
import { defineResourceRule } from '../../core/rule.js';
import { describePorts, isCoreService, specOf } from './_net.js';

export default defineResourceRule<'nodePort'>({
  kinds: ['Service'],
  meta: {
    id: 'network/node-port',
    title: { en: 'NodePort Service', ja: 'NodePort の Service' },
    description: {
      en: 'A NodePort Service listens on the same port on every node, on all of the node addresses. Anyone who can reach any node, possibly from outside the cluster, can reach the workload, which bypasses load-balancer access controls and is easily overlooked in firewall rules.',
      ja: 'NodePort の Service は、すべてのノードの全アドレスで同じポートを待ち受けます。いずれかのノードに到達できる相手なら（クラスター外からでも）ワークロードに接続できるため、ロードバランサー側のアクセス制御を迂回し、ファイアウォールの設定でも見落とされがちです。',
    },
    remediation: {
      en: 'Use a ClusterIP Service for traffic inside the cluster, and an Ingress, a Gateway or an internal LoadBalancer Service for traffic from outside. If a node port is really needed, make sure the node firewall or security groups admit only the intended clients.',
      ja: 'クラスター内の通信には ClusterIP の Service を使い、外部からの通信には Ingress、Gateway、内部向けの LoadBalancer Service を使ってください。どうしてもノードポートが必要な場合は、ノードのファイアウォールやセキュリティグループで想定したクライアントだけを許可してください。',
    },
    severity: 'low',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
      'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      nodePort: {
        en: 'Service of type NodePort opens {{ports}} on every node of the cluster.',
        ja: 'type が NodePort の Service が、クラスターのすべてのノードで {{ports}} を開いています。',
      },
    },
    defaultOptions: {},
  },
  check(resource, context) {
    if (!isCoreService(resource)) {
      return;
    }
    const spec = specOf(resource);
    if (spec?.type !== 'NodePort') {
      return;
    }
    context.report({
      messageId: 'nodePort',
      data: { ports: describePorts(spec, true) },
      pointer: '/spec/type',
    });
  },
});
