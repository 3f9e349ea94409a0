/**
 * CLUS-AKS-007: the Defender for Containers sensor runs (runtime threat detection, image scanning).
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { flagCheck } from './common.js';

export const aksDefender: CloudCheck<AksFacts> = flagCheck(
  {
    id: 'cloud/aks-defender',
    catalogueId: 'CLUS-AKS-007',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Defender for Containers sensor is enabled',
      ja: 'Defender for Containers のセンサーが有効',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-defender` (with the Defender for Containers plan on the subscription).',
      ja: 'サブスクリプションで Defender for Containers プランを有効にし、`az aks update --resource-group {rg} --name {name} --enable-defender` を実行する。',
    },
    references: [
      'CIS AKS 5.1.1',
      'Azure Policy: Azure Kubernetes Service clusters should have Defender profile enabled',
      'prowler aks_cluster_defender_enabled',
    ],
  },
  {
    keys: ['securityProfile', 'defender', 'securityMonitoring', 'enabled'],
    want: true,
    passMessage: {
      en: 'The Defender sensor is enabled.',
      ja: 'Defender センサーが有効になっている。',
    },
    failMessage: {
      en: 'The Defender for Containers sensor is not enabled',
      ja: 'Defender for Containers センサーが有効になっていない',
    },
  },
);
