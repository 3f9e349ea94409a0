/*
 * Roles should not let their subjects erase the traces of what happened in the cluster.
 * Checked: every rule of a Role or ClusterRole that grants delete or deletecollection on events
 * (core or events.k8s.io), or deletecollection on pods. A plain delete of pods is not reported:
 * controllers and operators need it, and deleting pods one by one is how they restart them.
 * Limited by resourceNames to particular objects: low.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { DELETE_EVIDENCE, probeGrantCheck, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'deleteEvidence' | 'deleteEvidenceNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/delete-evidence',
    title: {
      en: 'Permission to delete events or all pods at once',
      ja: 'イベントや全 Pod の一括削除の権限',
    },
    description: {
      en: "Events record what the cluster did (pods scheduled, images pulled, probes failing, volumes mounted), and a pod's container logs live on the node only as long as the pod exists. Whoever can delete events, or delete every pod of a namespace in one request, can remove the traces of their own activity before anyone collects them, and deletecollection on pods also takes the whole namespace's workloads down at once.",
      ja: 'イベントにはクラスターの動作（Pod のスケジュール、イメージの取得、プローブの失敗、ボリュームのマウントなど）が記録され、Pod のコンテナログは Pod が存在する間だけノード上に残ります。イベントを削除できる者や、名前空間のすべての Pod を 1 回のリクエストで削除できる者は、誰かが収集する前に自分の行動の痕跡を消すことができます。また、pods への deletecollection は名前空間のワークロードをまとめて停止させます。',
    },
    remediation: {
      en: 'Remove delete and deletecollection on events, and deletecollection on pods, from the role; events expire on their own. Ship events and container logs to storage outside the cluster and rely on the API server audit log, which these permissions cannot touch.',
      ja: 'ロールから events への delete と deletecollection、および pods への deletecollection を削除してください。イベントは自動的に期限切れになります。イベントとコンテナログはクラスター外のストレージへ転送し、これらの権限では変更できない API サーバーの監査ログを併用してください。',
    },
    severity: 'medium',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/',
      'https://kubernetes.io/docs/concepts/cluster-administration/logging/',
      'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      deleteEvidence: {
        en: 'Rule {{rule}} of {{role}} allows erasing records of cluster activity ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、クラスターの活動記録の消去を許可しています（{{permissions}}）。',
      },
      deleteEvidenceNamed: {
        en: 'Rule {{rule}} of {{role}} allows deleting the objects named {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、{{names}} という名前のオブジェクトの削除を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { deleteEvidenceNamed: 'low' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(DELETE_EVIDENCE, 'deleteEvidence', 'deleteEvidenceNamed'),
});
