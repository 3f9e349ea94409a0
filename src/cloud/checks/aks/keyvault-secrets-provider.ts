/**
 * CLUS-AKS-009: the Key Vault secrets provider add-on is enabled, so secrets can stay in Key
 * Vault; rotation (`enableSecretRotation`, a string) is noted.
 */
import { addonProfile, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksKeyvaultSecretsProvider: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-keyvault-secrets-provider',
    catalogueId: 'CLUS-AKS-009',
    group: 'Cluster',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Key Vault secrets provider is enabled',
      ja: 'Key Vault シークレットプロバイダーが有効',
    },
    remediation: {
      en: 'Run `az aks enable-addons --resource-group {rg} --name {name} --addons azure-keyvault-secrets-provider --enable-secret-rotation`.',
      ja: '`az aks enable-addons --resource-group {rg} --name {name} --addons azure-keyvault-secrets-provider --enable-secret-rotation` を実行する。',
    },
    references: ['CIS AKS 4.5.2'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const profile = addonProfile(facts, 'azureKeyvaultSecretsProvider');
    const enabled = profile.get('enabled');
    const rotation = profile.at('config', 'enableSecretRotation');
    if (enabled.bool() === true) {
      return pass(
        {
          en: `The Key Vault secrets provider is enabled${rotation.bool() === true ? ' with rotation' : '; secret rotation is off'}.`,
          ja: `Key Vault シークレットプロバイダーが有効になっている${rotation.bool() === true ? '(ローテーションあり)' : 'が、シークレットのローテーションは無効である'}。`,
        },
        [enabled, rotation],
      );
    }
    return fail(
      {
        en: 'The Key Vault secrets provider add-on is not enabled.',
        ja: 'Key Vault シークレットプロバイダーアドオンが有効になっていない。',
      },
      [enabled],
    );
  },
};
