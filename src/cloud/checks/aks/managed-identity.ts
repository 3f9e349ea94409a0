/**
 * AUTH-AKS-005: the cluster uses a managed identity, not a service principal with a secret.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksManagedIdentity: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-managed-identity',
    catalogueId: 'AUTH-AKS-005',
    group: 'Auth',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'The cluster uses a managed identity',
      ja: 'クラスターがマネージド ID を使っている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-managed-identity` (then `az aks nodepool upgrade --node-image-only` for the kubelet identity).',
      ja: '`az aks update --resource-group {rg} --name {name} --enable-managed-identity` を実行する(kubelet の ID には続けて `az aks nodepool upgrade --node-image-only`)。',
    },
    references: ['Azure Policy: Azure Kubernetes Service Clusters should use managed identities'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const clientId = aksField(facts, 'servicePrincipalProfile', 'clientId');
    const identity = aksField(facts, 'identity', 'type');
    const type = identity.str()?.toLowerCase() ?? '';
    const servicePrincipal =
      clientId.str() !== undefined && clientId.str()?.toLowerCase() !== 'msi';
    if (servicePrincipal) {
      return fail(
        {
          en: 'The cluster runs as a service principal with a client secret instead of a managed identity.',
          ja: 'クラスターはマネージド ID ではなく、クライアントシークレット付きのサービスプリンシパルで動いている。',
        },
        [clientId, identity],
      );
    }
    if (type.includes('systemassigned') || type.includes('userassigned')) {
      return pass(
        {
          en: `The cluster uses a ${identity.str() ?? ''} managed identity.`,
          ja: `クラスターは ${identity.str() ?? ''} のマネージド ID を使っている。`,
        },
        [identity, clientId],
      );
    }
    return fail(
      {
        en: `No managed identity (identity.type: ${identity.str() ?? 'not set'}).`,
        ja: `マネージド ID がない(identity.type: ${identity.str() ?? '未設定'})。`,
      },
      [identity, clientId],
    );
  },
};
