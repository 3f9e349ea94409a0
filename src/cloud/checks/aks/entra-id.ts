/**
 * AUTH-AKS-001: managed Microsoft Entra ID integration. The legacy integration (a server app and
 * its secret) fails.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksEntraId: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-entra-id',
    catalogueId: 'AUTH-AKS-001',
    group: 'Auth',
    provider: 'aks',
    severity: 'high',
    title: {
      en: 'Managed Microsoft Entra ID integration is enabled',
      ja: 'マネージド Microsoft Entra ID 統合が有効',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-aad --aad-admin-group-object-ids GROUP_ID`.',
      ja: '`az aks update --resource-group {rg} --name {name} --enable-aad --aad-admin-group-object-ids GROUP_ID` を実行する。',
    },
    references: [
      'CIS AKS 5.5.1',
      'Azure Policy: Azure Kubernetes Service Clusters should enable Microsoft Entra ID integration',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const profile = aksField(facts, 'aadProfile');
    const managed = profile.get('managed');
    if (!profile.present) {
      return fail(
        {
          en: 'No Entra ID integration: users authenticate with cluster certificates only.',
          ja: 'Entra ID 統合がなく、ユーザーはクラスター証明書だけで認証している。',
        },
        [profile],
      );
    }
    if (managed.bool() === true) {
      return pass(
        {
          en: 'Managed Entra ID integration is enabled.',
          ja: 'マネージド Entra ID 統合が有効になっている。',
        },
        [managed],
      );
    }
    return fail(
      {
        en: 'Entra ID integration is the legacy, unmanaged kind (server application and secret).',
        ja: 'Entra ID 統合がレガシーの非マネージド型(サーバーアプリケーションとシークレット)になっている。',
      },
      [managed, profile.get('serverAppSecret')],
    );
  },
};
