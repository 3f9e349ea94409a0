/**
 * CONN-AKS-003: a private cluster (the API server has only a private endpoint).
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { accessProfile, noCluster } from './common.js';

export const aksPrivateCluster: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-private-cluster',
    catalogueId: 'CONN-AKS-003',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'The cluster is private',
      ja: 'プライベートクラスターになっている',
    },
    remediation: {
      en: 'Create the cluster with `az aks create … --enable-private-cluster`, or add API Server VNet integration and `az aks update --resource-group {rg} --name {name} --enable-private-cluster`.',
      ja: '`az aks create … --enable-private-cluster` で作成するか、API Server VNet 統合を使って `az aks update --resource-group {rg} --name {name} --enable-private-cluster` を実行する。',
    },
    references: [
      'CIS AKS 5.4.2',
      'Azure Policy: Azure Kubernetes Service Private Clusters should be enabled',
      'kubescape C-0252',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = accessProfile(facts);
    if (access.privateCluster) {
      return pass(
        {
          en: 'apiServerAccessProfile.enablePrivateCluster is true.',
          ja: 'apiServerAccessProfile.enablePrivateCluster が true になっている。',
        },
        [access.privateNode],
      );
    }
    return fail(
      {
        en: 'The API server has a public endpoint.',
        ja: 'API サーバーにパブリックエンドポイントがある。',
      },
      [access.privateNode],
    );
  },
};
