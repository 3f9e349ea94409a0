/**
 * CLUS-AKS-001: etcd (Secrets) is encrypted with a Key Vault key (KMS). A Key Vault reachable
 * only privately is preferred.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksSecretsKms: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-secrets-kms',
    catalogueId: 'CLUS-AKS-001',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Secrets are encrypted with a Key Vault key (KMS)',
      ja: 'Secret が Key Vault のキー(KMS)で暗号化されている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-azure-keyvault-kms --azure-keyvault-kms-key-id KEY_ID --azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id VAULT_ID`.',
      ja: '`az aks update --resource-group {rg} --name {name} --enable-azure-keyvault-kms --azure-keyvault-kms-key-id KEY_ID --azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id VAULT_ID` を実行する。',
    },
    references: [
      'CIS AKS 5.3.1',
      'Azure Policy: Azure Kubernetes Clusters should enable Key Management Service (KMS)',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const kms = aksField(facts, 'securityProfile', 'azureKeyVaultKms');
    const enabled = kms.get('enabled');
    const access = kms.get('keyVaultNetworkAccess');
    if (enabled.bool() === true) {
      const note =
        access.str()?.toLowerCase() === 'private'
          ? { en: '', ja: '' }
          : {
              en: ' The Key Vault is reachable publicly; Private network access is preferred.',
              ja: 'Key Vault にパブリックに到達できる。プライベートネットワークアクセスが望ましい。',
            };
      return pass(
        {
          en: `KMS etcd encryption with a Key Vault key is enabled.${note.en}`,
          ja: `Key Vault のキーによる KMS etcd 暗号化が有効になっている。${note.ja}`,
        },
        [enabled, access],
      );
    }
    return fail(
      {
        en: 'KMS etcd encryption is not enabled: Secrets are encrypted only with platform-managed keys.',
        ja: 'KMS etcd 暗号化が有効になっておらず、Secret はプラットフォームマネージドキーでしか暗号化されていない。',
      },
      [enabled],
    );
  },
};
