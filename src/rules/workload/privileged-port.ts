/*
 * Containers should listen on ports from 1024 up, which need no privilege to bind.
 * Checked field: {init,ephemeral,}containers[*].ports[*].containerPort between 1 and 1023.
 * On pods with hostNetwork: true the port is bound in the node's network namespace, where
 * binding it always needs root or CAP_NET_BIND_SERVICE (other message). hostPort is not checked:
 * the node forwards it without the container binding anything.
 * Ports listed in the allowedPorts option pass.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { isPortNumber, validatePortList } from '../network/_net.js';

type MessageId = 'privilegedPort' | 'privilegedNodePort';

interface Options {
  /** Container ports below 1024 that are accepted. */
  allowedPorts: number[];
}

/** The first port that any user may bind (net.ipv4.ip_unprivileged_port_start by default). */
const FIRST_UNPRIVILEGED = 1024;

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'workload/privileged-port',
    title: { en: 'Container listens on a privileged port', ja: 'コンテナが特権ポートで待ち受け' },
    description: {
      en: "Ports below 1024 are privileged on Linux: binding one needs root or the NET_BIND_SERVICE capability, unless the runtime lowers the limit for the pod's network namespace. A container that listens on such a port is usually the reason an image runs as root or keeps a capability, which is what turns an application bug into a foothold. With hostNetwork the port is bound on the node itself, where the limit always applies.",
      ja: 'Linux では 1024 未満のポートは特権ポートで、ランタイムが Pod のネットワーク名前空間で制限を緩めていない限り、バインドには root か NET_BIND_SERVICE ケーパビリティが必要です。このようなポートで待ち受けるコンテナは、イメージを root で実行したりケーパビリティを残したりする理由になりがちで、それがアプリケーションの不具合を足場に変えます。hostNetwork の場合はノード自身でポートをバインドするため、この制限が必ず適用されます。',
    },
    remediation: {
      en: 'Have the application listen on a port from 1024 up (8080 instead of 80, 8443 instead of 443) and keep the well-known port on the Service (port: 80, targetPort: 8080). Then run the container as a non-root user with all capabilities dropped. Ports that must stay (a DNS server on a node) can be listed in allowedPorts.',
      ja: 'アプリケーションは 1024 以上のポート（80 の代わりに 8080、443 の代わりに 8443）で待ち受け、よく知られたポートは Service 側に残してください（port: 80、targetPort: 8080）。そのうえで、コンテナを root 以外のユーザーで、すべてのケーパビリティを削除して実行してください。どうしても必要なポート（ノード上の DNS サーバーなど）は allowedPorts に記載できます。',
    },
    severity: 'low',
    category: 'workload',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
    ],
    standards: [{ framework: 'nsa', control: 'non-root-containers' }],
    messages: {
      privilegedPort: {
        en: 'Container "{{container}}" listens on port {{port}}/{{protocol}}, below 1024, which needs root or NET_BIND_SERVICE to bind unless the runtime allows unprivileged low ports.',
        ja: 'コンテナ "{{container}}" が 1024 未満のポート {{port}}/{{protocol}} で待ち受けています。ランタイムが非特権での低いポートの使用を許可していない限り、バインドには root か NET_BIND_SERVICE が必要です。',
      },
      privilegedNodePort: {
        en: 'Container "{{container}}" binds port {{port}}/{{protocol}} of the node (hostNetwork: true), below 1024, which needs root or NET_BIND_SERVICE on the node.',
        ja: 'コンテナ "{{container}}" がノードのポート {{port}}/{{protocol}} をバインドしています (hostNetwork: true)。1024 未満のため、ノード上で root か NET_BIND_SERVICE が必要です。',
      },
    },
    defaultOptions: { allowedPorts: [] },
    validateOptions(options) {
      return validatePortList(options, 'allowedPorts');
    },
  },
  check(workload, context) {
    const allowed = new Set(context.options.allowedPorts);
    const hostNetwork = workload.podSpec.hostNetwork === true;
    for (const ref of workload.containers) {
      (ref.container.ports ?? []).forEach((port, index) => {
        const number = port?.containerPort;
        if (!isPortNumber(number) || number >= FIRST_UNPRIVILEGED || allowed.has(number)) {
          return;
        }
        context.report({
          messageId: hostNetwork ? 'privilegedNodePort' : 'privilegedPort',
          data: { container: ref.name, port: number, protocol: port?.protocol ?? 'TCP' },
          pointer: `${ref.pointer}/ports/${index}/containerPort`,
          container: ref.name,
        });
      });
    }
  },
});
