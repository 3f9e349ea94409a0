/*
 * Application workloads do not belong in kube-system.
 * Checked field: metadata.namespace of the workloads: the built-in kinds (Pod, Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob; not PodTemplate, which
 * runs nothing) and those mapped in the configuration (workloadKinds). Reported: namespace
 * kube-system.
 * Cluster add-ons (CNI, DNS, CSI drivers, cloud controllers) legitimately live there, and
 * nothing in a manifest tells them apart from application workloads reliably, so the rule is low
 * severity and expects such add-ons to be suppressed. Reads only the header.
 */
import { defineResourceRule } from '../../core/rule.js';
import { BUILTIN_POD_TEMPLATE_PATHS } from '../../core/workload.js';

type MessageId = 'kubeSystem';

export default defineResourceRule<MessageId>({
  meta: {
    id: 'workload/kube-system',
    title: { en: 'Workload in kube-system', ja: 'kube-system のワークロード' },
    description: {
      en: 'kube-system holds the components the cluster itself runs on, and its service accounts, secrets and bindings carry powerful rights. A workload placed there can use those service accounts and read what is kept in the namespace, anyone who administers it gains access to the control plane add-ons, and Pod Security admission and policy engines usually exempt the namespace, so nothing limits what it runs.',
      ja: 'kube-system にはクラスター自体を支えるコンポーネントが置かれ、そのサービスアカウント、Secret、バインディングには強い権限があります。そこに置かれたワークロードはそれらのサービスアカウントを使い、名前空間内の情報を読めます。また、それを管理する者はコントロールプレーンのアドオンにも手が届きます。Pod Security アドミッションやポリシーエンジンは通常この名前空間を除外しているため、実行内容を制限するものもありません。',
    },
    remediation: {
      en: 'Deploy applications, and add-ons that do not need to be there, into a namespace of their own with its own RBAC, NetworkPolicies and Pod Security labels. Suppress the finding, with a reason, for cluster add-ons that must run in kube-system.',
      ja: 'アプリケーションや kube-system に置く必要のないアドオンは、専用の RBAC、NetworkPolicy、Pod Security のラベルを設定した独自の名前空間にデプロイしてください。kube-system で動かす必要のあるクラスターのアドオンについては、理由を付けて検出を抑制してください。',
    },
    severity: 'low',
    category: 'workload',
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces',
      'https://kubernetes.io/docs/concepts/security/multi-tenancy/',
    ],
    standards: [{ framework: 'nsa', control: 'namespaces' }],
    messages: {
      kubeSystem: {
        en: 'The {{kind}} "{{name}}" is placed in kube-system, the namespace of the cluster\'s own components.',
        ja: '{{kind}} "{{name}}" は、クラスター自体のコンポーネント用の名前空間 kube-system に配置されています。',
      },
    },
    defaultOptions: {},
  },
  // The built-in kinds by name (with or without a pod template), and every other workload.
  kinds: Object.keys(BUILTIN_POD_TEMPLATE_PATHS).filter((kind) => kind !== 'PodTemplate'),
  workloads: true,
  headerOnly: true,
  check(resource, context) {
    if (resource.ref.namespace === 'kube-system' && resource.object.kind !== 'PodTemplate') {
      context.report({
        messageId: 'kubeSystem',
        data: { kind: resource.ref.kind, name: resource.ref.name },
        pointer: '/metadata/namespace',
      });
    }
  },
});
