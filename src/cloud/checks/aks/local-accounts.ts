/**
 * AUTH-AKS-003: local accounts are disabled; otherwise `az aks get-credentials --admin` hands out
 * a static cluster-admin certificate that bypasses Entra ID and its audit.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { flagCheck } from './common.js';

export const aksLocalAccounts: CloudCheck<AksFacts> = flagCheck(
  {
    id: 'cloud/aks-local-accounts',
    catalogueId: 'AUTH-AKS-003',
    group: 'Auth',
    provider: 'aks',
    severity: 'high',
    title: {
      en: 'Local accounts are disabled',
      ja: 'ローカルアカウントが無効',
    },
    remediation: {
      en: 'With Entra ID integration on, run `az aks update --resource-group {rg} --name {name} --disable-local-accounts`.',
      ja: 'Entra ID 統合を有効にしたうえで `az aks update --resource-group {rg} --name {name} --disable-local-accounts` を実行する。',
    },
    references: [
      'Azure Policy: Azure Kubernetes Service Clusters should have local authentication methods disabled',
      'prowler aks_cluster_local_accounts_disabled',
    ],
  },
  {
    keys: ['disableLocalAccounts'],
    want: true,
    passMessage: {
      en: 'Local accounts are disabled.',
      ja: 'ローカルアカウントが無効になっている。',
    },
    failMessage: {
      en: 'Local accounts are enabled: `az aks get-credentials --admin` gives a static cluster-admin credential',
      ja: 'ローカルアカウントが有効で、`az aks get-credentials --admin` で静的な cluster-admin の認証情報を取得できる',
    },
  },
);
