/*
 * Workloads should not run or expose an SSH server.
 * Checked: ports[*] of the containers of every workload, built-in or mapped in the
 * configuration (workloadKinds) (containerPort in the ports option, TCP, or a port named "ssh"),
 * and spec.ports[*] of core v1 Services (port or numeric targetPort in the ports option, TCP, or a
 * port or targetPort named "ssh"). One finding per port entry. ExternalName Services expose
 * nothing and are skipped.
 */
import type { Resource } from '../../core/model.js';
import { defineResourceRule, type RuleContext } from '../../core/rule.js';
import { isCoreService, isPortNumber, isRecord, specOf, validatePortList } from './_net.js';

type MessageId = 'containerPort' | 'containerPortNamed' | 'servicePort';

interface Options {
  /** Port numbers taken to be SSH. */
  ports: number[];
}

function isSshName(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'ssh';
}

function isTcp(protocol: unknown): boolean {
  return protocol === undefined || protocol === 'TCP';
}

function checkContainers(
  resource: Resource,
  context: RuleContext<MessageId, Options>,
  ports: ReadonlySet<number>,
): void {
  for (const ref of context.workload?.containers ?? []) {
    (ref.container.ports ?? []).forEach((port, index) => {
      if (port === undefined || !isTcp(port.protocol)) {
        return;
      }
      const number = port.containerPort;
      const pointer = `${ref.pointer}/ports/${index}`;
      if (number !== undefined && ports.has(number)) {
        context.report({
          messageId: 'containerPort',
          data: { container: ref.name, port: number },
          pointer: `${pointer}/containerPort`,
          container: ref.name,
        });
      } else if (isSshName(port.name)) {
        context.report({
          messageId: 'containerPortNamed',
          data: { container: ref.name, port: number ?? '?', name: port.name ?? '' },
          pointer: `${pointer}/name`,
          container: ref.name,
        });
      }
    });
  }
}

function checkService(
  resource: Resource,
  context: RuleContext<MessageId, Options>,
  ports: ReadonlySet<number>,
): void {
  const spec = specOf(resource);
  if (!isCoreService(resource) || spec === undefined || spec.type === 'ExternalName') {
    return;
  }
  (Array.isArray(spec.ports) ? spec.ports : []).forEach((port: unknown, index) => {
    if (!isRecord(port) || !isTcp(port.protocol)) {
      return;
    }
    const target = port.targetPort ?? port.port;
    const ssh =
      (isPortNumber(port.port) && ports.has(port.port)) ||
      (isPortNumber(target) && ports.has(target)) ||
      isSshName(target) ||
      isSshName(port.name);
    if (!ssh) {
      return;
    }
    context.report({
      messageId: 'servicePort',
      data: {
        port: isPortNumber(port.port) ? port.port : '?',
        target: typeof target === 'number' || typeof target === 'string' ? target : '?',
      },
      pointer: `/spec/ports/${index}`,
    });
  });
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Service'],
  workloads: true,
  meta: {
    id: 'network/ssh-port',
    title: { en: 'SSH port exposed', ja: 'SSH ポートの公開' },
    description: {
      en: 'An SSH server in a container is a second way in that bypasses the Kubernetes API, its authentication, RBAC and audit log. It is a common target for password guessing and stolen keys, and a shell obtained through it looks like normal network traffic. Containers are meant to be replaced, not logged into; kubectl exec and ephemeral debug containers cover the need with the cluster controlling who may use them.',
      ja: 'コンテナ内の SSH サーバーは、Kubernetes API とその認証、RBAC、監査ログを迂回するもう 1 つの入口になります。パスワードの総当たりや盗まれた鍵の標的になりやすく、そこから得たシェルは通常の通信と見分けがつきません。コンテナはログインするものではなく置き換えるものです。必要な操作は kubectl exec やエフェメラルデバッグコンテナで、クラスターが利用者を管理したうえで行えます。',
    },
    remediation: {
      en: 'Remove the SSH server from the image and the port from the container and the Service. Use kubectl exec, kubectl debug or kubectl port-forward, limited by RBAC, for troubleshooting. If the workload is an SSH service by design (a Git server, a bastion), expose it deliberately, restrict the clients with NetworkPolicy and firewall rules, and suppress the finding with a reason.',
      ja: 'イメージから SSH サーバーを削除し、コンテナと Service からポートを削除してください。トラブルシューティングには、RBAC で制限した kubectl exec、kubectl debug、kubectl port-forward を使ってください。ワークロードがもともと SSH のサービス（Git サーバー、踏み台など）である場合は、意図して公開し、NetworkPolicy とファイアウォールで接続元を制限したうえで、理由を添えて検出を抑制してください。',
    },
    severity: 'medium',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container',
      'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      containerPort: {
        en: 'Container "{{container}}" declares port {{port}}/TCP, an SSH port.',
        ja: 'コンテナ "{{container}}" が SSH のポート {{port}}/TCP を宣言しています。',
      },
      containerPortNamed: {
        en: 'Container "{{container}}" declares port {{port}}/TCP named "{{name}}".',
        ja: 'コンテナ "{{container}}" が "{{name}}" という名前のポート {{port}}/TCP を宣言しています。',
      },
      servicePort: {
        en: 'Service exposes SSH: port {{port}}/TCP to target port {{target}}.',
        ja: 'Service が SSH を公開しています: ポート {{port}}/TCP からターゲットポート {{target}} へ。',
      },
    },
    defaultOptions: { ports: [22, 2222] },
    validateOptions(options) {
      return validatePortList(options, 'ports');
    },
  },
  check(resource, context) {
    const ports = new Set(context.options.ports);
    if (resource.object.kind === 'Service') {
      checkService(resource, context, ports);
    } else {
      checkContainers(resource, context, ports);
    }
  },
});
