/*
 * Pods should name their service account with serviceAccountName, not the deprecated
 * serviceAccount alias.
 * Checked fields: spec.serviceAccount and spec.serviceAccountName of the pod template.
 * - serviceAccount set (non-empty) and serviceAccountName absent, empty or equal: low, the pod
 *   runs as the named account but the field is deprecated.
 * - both set to different names: medium. The API server uses serviceAccountName and overwrites
 *   the alias, so the identity the pod runs as is not the one a reader of serviceAccount expects.
 */
import { defineWorkloadRule } from '../../core/rule.js';

type MessageId = 'deprecatedField' | 'conflictingNames';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'secrets/deprecated-service-account-field',
    title: {
      en: 'Deprecated serviceAccount field',
      ja: '非推奨の serviceAccount フィールド',
    },
    description: {
      en: 'spec.serviceAccount is a deprecated alias of spec.serviceAccountName, kept only for old clients. Reviewers, policy engines and scanners that read only serviceAccountName do not see which identity the pod runs as, and when the two fields name different accounts the API server silently keeps serviceAccountName, so the permissions the pod gets are not the ones the manifest appears to ask for.',
      ja: 'spec.serviceAccount は spec.serviceAccountName の非推奨の別名で、古いクライアントのためだけに残されています。serviceAccountName だけを読むレビュー担当者、ポリシーエンジン、スキャナーには Pod がどの ID で動作するかが見えません。また、2 つのフィールドが異なるアカウントを指定していると、API サーバーは何も知らせずに serviceAccountName を採用するため、Pod が得る権限はマニフェストが求めているように見えるものとは異なります。',
    },
    remediation: {
      en: 'Replace serviceAccount with serviceAccountName, naming the account the pod should run as, and delete the old field.',
      ja: 'serviceAccount を serviceAccountName に置き換えて Pod が使うべきアカウントを指定し、古いフィールドは削除してください。',
    },
    severity: 'low',
    category: 'secrets',
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
    ],
    standards: [{ framework: 'nsa', control: 'service-account-tokens' }],
    messages: {
      deprecatedField: {
        en: 'The pod names its service account "{{account}}" with the deprecated field spec.serviceAccount; use spec.serviceAccountName.',
        ja: 'Pod はサービスアカウント "{{account}}" を非推奨のフィールド spec.serviceAccount で指定しています。spec.serviceAccountName を使ってください。',
      },
      conflictingNames: {
        en: 'The pod names service account "{{account}}" in spec.serviceAccount but "{{accountName}}" in spec.serviceAccountName; it runs as "{{accountName}}".',
        ja: 'Pod は spec.serviceAccount でサービスアカウント "{{account}}" を、spec.serviceAccountName で "{{accountName}}" を指定しています。Pod は "{{accountName}}" として動作します。',
      },
    },
    messageSeverities: { conflictingNames: 'medium' },
    defaultOptions: {},
  },
  check(workload, context) {
    const account = workload.podSpec.serviceAccount?.trim() ?? '';
    if (account === '') {
      return;
    }
    const accountName = workload.podSpec.serviceAccountName?.trim() ?? '';
    const pointer = `${workload.specPointer}/serviceAccount`;
    context.report(
      accountName === '' || accountName === account
        ? { messageId: 'deprecatedField', data: { account }, pointer }
        : { messageId: 'conflictingNames', data: { account, accountName }, pointer },
    );
  },
});
