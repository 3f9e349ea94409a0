/*
 * Pods that do not call the Kubernetes API should not carry an API token.
 * Checked fields: spec.automountServiceAccountToken of the pod template and, when the pod leaves
 * it unset, automountServiceAccountToken of its ServiceAccount if the input contains it (the pod
 * spec wins over the ServiceAccount, as in the API server).
 * Passing: false on the pod spec, or unset on the pod spec and false on the ServiceAccount.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { findServiceAccount, serviceAccountOf } from './_objects.js';

type MessageId = 'podEnabled' | 'accountEnabled' | 'notDisabled' | 'accountNotScanned';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'secrets/service-account-token',
    title: {
      en: 'Service account token mounted automatically',
      ja: 'サービスアカウントトークンの自動マウント',
    },
    description: {
      en: "Unless told otherwise, Kubernetes mounts a token of the pod's service account into every container. Most applications never call the Kubernetes API, but whoever takes over one of their processes can use the token with all the permissions granted to the service account, and probe the API server for weaknesses even when it has none.",
      ja: 'Kubernetes は、明示的に無効にしない限り、Pod のサービスアカウントのトークンをすべてのコンテナにマウントします。ほとんどのアプリケーションは Kubernetes API を呼び出しませんが、そのプロセスを乗っ取った攻撃者は、サービスアカウントに与えられたすべての権限でトークンを使え、権限がなくても API サーバーの弱点を探ることができます。',
    },
    remediation: {
      en: 'Set automountServiceAccountToken: false on the pod spec, or on a dedicated ServiceAccount that the pod uses. Pods that need the API can keep the token; consider mounting a projected serviceAccountToken volume only into the container that uses it.',
      ja: 'Pod の spec、または Pod が使う専用の ServiceAccount で automountServiceAccountToken: false を設定してください。API を使う Pod はトークンを残してかまいませんが、必要なコンテナにだけ serviceAccountToken の投影ボリュームをマウントすることを検討してください。',
    },
    severity: 'medium',
    category: 'secrets',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
    ],
    standards: [{ framework: 'nsa', control: 'service-account-tokens' }],
    indexKinds: ['ServiceAccount'],
    messages: {
      podEnabled: {
        en: 'The pod spec sets automountServiceAccountToken: true, so every container gets a token of service account "{{serviceAccount}}".',
        ja: 'Pod の spec で automountServiceAccountToken: true が設定されているため、すべてのコンテナにサービスアカウント "{{serviceAccount}}" のトークンがマウントされます。',
      },
      accountEnabled: {
        en: 'Service account "{{serviceAccount}}" sets automountServiceAccountToken: true and the pod spec does not override it, so every container gets its token.',
        ja: 'サービスアカウント "{{serviceAccount}}" で automountServiceAccountToken: true が設定され、Pod の spec で上書きされていないため、すべてのコンテナにそのトークンがマウントされます。',
      },
      notDisabled: {
        en: 'Neither the pod spec nor service account "{{serviceAccount}}" sets automountServiceAccountToken: false, so every container gets its token.',
        ja: 'Pod の spec とサービスアカウント "{{serviceAccount}}" のどちらでも automountServiceAccountToken: false が設定されていないため、すべてのコンテナにそのトークンがマウントされます。',
      },
      accountNotScanned: {
        en: 'The pod spec does not set automountServiceAccountToken: false and service account "{{serviceAccount}}" is not in the scanned input, so every container gets its token unless the service account disables it.',
        ja: 'Pod の spec で automountServiceAccountToken: false が設定されておらず、サービスアカウント "{{serviceAccount}}" はスキャン対象に含まれていません。サービスアカウント側で無効にしていない限り、すべてのコンテナにそのトークンがマウントされます。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    const { podSpec, specPointer } = workload;
    const fieldPointer = `${specPointer}/automountServiceAccountToken`;
    const serviceAccount = serviceAccountOf(podSpec);
    const own = podSpec.automountServiceAccountToken;
    if (own === false) {
      return;
    }
    if (own === true) {
      context.report({ messageId: 'podEnabled', data: { serviceAccount }, pointer: fieldPointer });
      return;
    }
    const account = findServiceAccount(context.index, workload.resource, serviceAccount);
    const accountSetting = account?.object.automountServiceAccountToken;
    if (accountSetting === false) {
      return;
    }
    context.report({
      messageId:
        account === undefined
          ? 'accountNotScanned'
          : accountSetting === true
            ? 'accountEnabled'
            : 'notDisabled',
      data: { serviceAccount },
      // The missing field, located at the pod spec.
      pointer: fieldPointer,
    });
  },
});
