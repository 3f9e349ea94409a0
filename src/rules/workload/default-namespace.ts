/*
 * Workloads belong in a namespace of their own, not in `default`.
 * Checked field: metadata.namespace of the workloads: the built-in kinds (Pod, Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob; not PodTemplate, which
 * runs nothing) and those mapped in the configuration (workloadKinds).
 * Reported: namespace `default`, and, unless reportMissingNamespace is false, no namespace at all
 * (kubectl then uses the current context's namespace, which is usually `default`).
 */
import { defineResourceRule } from '../../core/rule.js';
import { BUILTIN_POD_TEMPLATE_PATHS } from '../../core/workload.js';

type MessageId = 'defaultNamespace' | 'noNamespace';

interface Options {
  /** Also report workloads that set no namespace. */
  reportMissingNamespace: boolean;
}

export default defineResourceRule<MessageId, Options>({
  meta: {
    id: 'workload/default-namespace',
    title: { en: 'Workload in the default namespace', ja: 'default 名前空間のワークロード' },
    description: {
      en: 'Namespaces are where RBAC, NetworkPolicies, Pod Security admission labels, quotas and limit ranges apply. The default namespace usually has none of them and collects whatever is applied without thought, so a workload there shares its permissions, network reach and service account with unrelated objects.',
      ja: '名前空間は、RBAC、NetworkPolicy、Pod Security アドミッションのラベル、クォータ、LimitRange を適用する単位です。default 名前空間には通常これらが何も設定されておらず、深く考えずに適用されたものが集まりがちです。そこに置かれたワークロードは、権限、ネットワーク到達範囲、サービスアカウントを無関係なオブジェクトと共有することになります。',
    },
    remediation: {
      en: 'Create a namespace for the application with its own RBAC, NetworkPolicies and Pod Security labels, and set metadata.namespace (or let your deploy tool set it, and turn reportMissingNamespace off).',
      ja: 'アプリケーション用の名前空間を作成して専用の RBAC、NetworkPolicy、Pod Security のラベルを設定し、metadata.namespace を指定してください（デプロイツールで名前空間を指定する場合は reportMissingNamespace をオフにしてください）。',
    },
    severity: 'low',
    category: 'workload',
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
      'https://kubernetes.io/docs/concepts/security/multi-tenancy/',
    ],
    standards: [{ framework: 'nsa', control: 'namespaces' }],
    messages: {
      defaultNamespace: {
        en: 'The {{kind}} "{{name}}" is placed in the default namespace.',
        ja: '{{kind}} "{{name}}" は default 名前空間に配置されています。',
      },
      noNamespace: {
        en: 'The {{kind}} "{{name}}" sets no namespace, so kubectl applies it to the current context\'s namespace, which is often default.',
        ja: '{{kind}} "{{name}}" には名前空間が指定されていないため、kubectl は現在のコンテキストの名前空間（多くの場合 default）に適用します。',
      },
    },
    defaultOptions: { reportMissingNamespace: true },
    validateOptions(options) {
      return typeof options.reportMissingNamespace === 'boolean'
        ? []
        : ['reportMissingNamespace must be true or false'];
    },
  },
  // The built-in kinds by name (with or without a pod template), and every other workload.
  kinds: Object.keys(BUILTIN_POD_TEMPLATE_PATHS).filter((kind) => kind !== 'PodTemplate'),
  workloads: true,
  check(resource, context) {
    if (resource.object.kind === 'PodTemplate') {
      return;
    }
    const data = { kind: resource.ref.kind, name: resource.ref.name };
    const namespace = resource.ref.namespace;
    if (namespace === 'default') {
      context.report({ messageId: 'defaultNamespace', data, pointer: '/metadata/namespace' });
    } else if (
      (namespace === undefined || namespace === '') &&
      context.options.reportMissingNamespace
    ) {
      // The missing field, located at its nearest existing parent.
      context.report({ messageId: 'noNamespace', data, pointer: '/metadata/namespace' });
    }
  },
});
