/*
 * Inventory of cloud identities that workloads can act as, so that reviewers see which pods hold
 * cloud permissions.
 * Checked fields: ServiceAccount annotations eks.amazonaws.com/role-arn (IRSA),
 * azure.workload.identity/client-id and iam.gke.io/gcp-service-account; on the pod templates of
 * workloads (built-in kinds but PodTemplate, and the configuration's workloadKinds), the label azure.workload.identity/use: "true" and the legacy
 * iam.amazonaws.com/role annotation (kube2iam, kiam) and aadpodidbinding label (AAD Pod Identity).
 * EKS Pod Identity associations are AWS API objects, not Kubernetes objects, so they cannot be
 * seen in manifests.
 */
import type { Resource } from '../../core/model.js';
import { createsPods, defineResourceRule } from '../../core/rule.js';
import { escapePointerToken } from '../../core/sanitize.js';
import { valueAt, type Workload } from '../../core/workload.js';
import { identitiesOf, qualifiedName } from './_identity.js';
import { indexedWorkload, isRecord } from './_objects.js';

type MessageId =
  'awsRole' | 'azureIdentity' | 'gcpServiceAccount' | 'azurePod' | 'kube2iam' | 'aadPodIdentity';

const ANNOTATION_MESSAGES: Readonly<Record<string, MessageId>> = {
  'eks.amazonaws.com/role-arn': 'awsRole',
  'azure.workload.identity/client-id': 'azureIdentity',
  'iam.gke.io/gcp-service-account': 'gcpServiceAccount',
};

function checkServiceAccount(
  resource: Resource,
  report: (messageId: MessageId, data: Record<string, string>, pointer: string) => void,
): void {
  for (const identity of identitiesOf(resource)) {
    const messageId = ANNOTATION_MESSAGES[identity.annotation];
    if (messageId !== undefined) {
      report(
        messageId,
        { account: qualifiedName(resource), identity: identity.value },
        identity.pointer,
      );
    }
  }
}

function checkWorkload(
  workload: Workload,
  report: (messageId: MessageId, data: Record<string, string>, pointer: string) => void,
): void {
  const { resource, templatePointer, serviceAccount } = indexedWorkload(workload);
  // The template's labels and annotations are read where they are, once; pointers are made only
  // for what is reported.
  const metadata = valueAt(resource.object, `${templatePointer}/metadata`);
  const labels = isRecord(metadata) && isRecord(metadata.labels) ? metadata.labels : undefined;
  const annotations =
    isRecord(metadata) && isRecord(metadata.annotations) ? metadata.annotations : undefined;
  const entryPointer = (map: 'labels' | 'annotations', key: string): string =>
    `${templatePointer}/metadata/${map}/${escapePointerToken(key)}`;
  const use = labels?.['azure.workload.identity/use'];
  if (typeof use === 'string' && use.trim().toLowerCase() === 'true') {
    const account =
      resource.ref.namespace === undefined
        ? serviceAccount
        : `${resource.ref.namespace}/${serviceAccount}`;
    report('azurePod', { account }, entryPointer('labels', 'azure.workload.identity/use'));
  }
  const role = annotations?.['iam.amazonaws.com/role'];
  if (typeof role === 'string' && role.trim() !== '') {
    report(
      'kube2iam',
      { identity: role.trim() },
      entryPointer('annotations', 'iam.amazonaws.com/role'),
    );
  }
  const binding = labels?.aadpodidbinding;
  if (typeof binding === 'string' && binding.trim() !== '') {
    report(
      'aadPodIdentity',
      { identity: binding.trim() },
      entryPointer('labels', 'aadpodidbinding'),
    );
  }
}

export default defineResourceRule<MessageId>({
  meta: {
    id: 'secrets/cloud-identity',
    title: { en: 'Cloud workload identity', ja: 'クラウドのワークロード ID' },
    description: {
      en: 'IRSA, Azure Workload Identity and GKE Workload Identity let pods exchange their service account token for cloud credentials. That is the right way to give pods cloud access, but every such binding extends what a compromised pod can reach beyond the cluster, so it belongs in the inventory a reviewer checks. Older mechanisms (kube2iam, kiam, AAD Pod Identity) intercept the node metadata endpoint and are reported as outdated.',
      ja: 'IRSA、Azure Workload Identity、GKE Workload Identity を使うと、Pod はサービスアカウントのトークンをクラウドの認証情報と交換できます。Pod にクラウドへのアクセスを与える正しい方法ですが、こうした紐付けはそれぞれ、侵害された Pod が到達できる範囲をクラスターの外へ広げるため、レビュー対象の一覧に含めるべきです。ノードのメタデータエンドポイントを横取りする旧来の仕組み（kube2iam、kiam、AAD Pod Identity）は、古い方式として報告します。',
    },
    remediation: {
      en: 'Check that each identity is meant for this workload and holds only the cloud permissions it needs, with one identity per application. Replace kube2iam, kiam and AAD Pod Identity with IRSA or EKS Pod Identity, or Azure Workload Identity.',
      ja: '各 ID がこのワークロード向けのものであり、必要なクラウド権限だけを持ち、アプリケーションごとに 1 つずつ割り当てられていることを確認してください。kube2iam、kiam、AAD Pod Identity は IRSA や EKS Pod Identity、Azure Workload Identity に置き換えてください。',
    },
    severity: 'info',
    category: 'secrets',
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
      'https://learn.microsoft.com/azure/aks/workload-identity-overview',
      'https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      awsRole: {
        en: 'Service account "{{account}}" can assume AWS IAM role "{{identity}}" through IRSA (eks.amazonaws.com/role-arn).',
        ja: 'サービスアカウント "{{account}}" は IRSA (eks.amazonaws.com/role-arn) により AWS IAM ロール "{{identity}}" を引き受けられます。',
      },
      azureIdentity: {
        en: 'Service account "{{account}}" is federated with Azure identity "{{identity}}" (azure.workload.identity/client-id).',
        ja: 'サービスアカウント "{{account}}" は Azure の ID "{{identity}}" とフェデレーションしています (azure.workload.identity/client-id)。',
      },
      gcpServiceAccount: {
        en: 'Service account "{{account}}" can act as Google service account "{{identity}}" (iam.gke.io/gcp-service-account).',
        ja: 'サービスアカウント "{{account}}" は Google のサービスアカウント "{{identity}}" として動作できます (iam.gke.io/gcp-service-account)。',
      },
      azurePod: {
        en: 'The pod template opts into Azure Workload Identity (azure.workload.identity/use: "true") with service account "{{account}}".',
        ja: 'Pod テンプレートはサービスアカウント "{{account}}" で Azure Workload Identity を利用します (azure.workload.identity/use: "true")。',
      },
      kube2iam: {
        en: 'The pod template requests AWS IAM role "{{identity}}" through the iam.amazonaws.com/role annotation (kube2iam or kiam), which relies on the node\'s credentials; move to IRSA or EKS Pod Identity.',
        ja: 'Pod テンプレートは iam.amazonaws.com/role アノテーション（kube2iam または kiam）で AWS IAM ロール "{{identity}}" を要求しており、ノードの認証情報に依存しています。IRSA または EKS Pod Identity に移行してください。',
      },
      aadPodIdentity: {
        en: 'The pod template uses the retired AAD Pod Identity (aadpodidbinding: "{{identity}}"); move to Azure Workload Identity.',
        ja: 'Pod テンプレートは廃止された AAD Pod Identity (aadpodidbinding: "{{identity}}") を使っています。Azure Workload Identity に移行してください。',
      },
    },
    messageSeverities: { kube2iam: 'low', aadPodIdentity: 'low' },
    defaultOptions: {},
  },
  kinds: ['ServiceAccount'],
  workloads: true,
  check(resource, context) {
    const report = (messageId: MessageId, data: Record<string, string>, pointer: string): void =>
      context.report({ messageId, data, pointer });
    if (resource.object.kind === 'ServiceAccount') {
      checkServiceAccount(resource, report);
    } else if (context.workload !== undefined && createsPods(context.workload)) {
      checkWorkload(context.workload, report);
    }
  },
});
