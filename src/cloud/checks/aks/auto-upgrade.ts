/**
 * CLUS-AKS-005: a cluster auto-upgrade channel is set (`patch`, `stable`, `rapid` or
 * `node-image`); null and `none` fail.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksAutoUpgrade: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-auto-upgrade',
    catalogueId: 'CLUS-AKS-005',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Cluster auto-upgrade channel is set',
      ja: 'クラスターの自動アップグレードチャネルが設定されている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --auto-upgrade-channel stable` and add a planned maintenance window.',
      ja: '`az aks update --resource-group {rg} --name {name} --auto-upgrade-channel stable` を実行し、計画メンテナンスの時間帯を設定する。',
    },
    references: [
      'Azure Policy: Azure Kubernetes Service Clusters should enable cluster auto-upgrade',
      'prowler aks_cluster_auto_upgrade_enabled',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const channel = aksField(facts, 'autoUpgradeProfile', 'upgradeChannel');
    const value = channel.str()?.toLowerCase();
    if (value !== undefined && ['patch', 'stable', 'rapid', 'node-image'].includes(value)) {
      return pass(
        {
          en: `The auto-upgrade channel is ${channel.str() ?? ''}.`,
          ja: `自動アップグレードチャネルは ${channel.str() ?? ''} になっている。`,
        },
        [channel],
      );
    }
    return fail(
      {
        en: `No auto-upgrade channel (${value ?? 'not set'}): upgrades happen only by hand.`,
        ja: `自動アップグレードチャネルがない(${value ?? '未設定'})ため、アップグレードは手動でしか行われない。`,
      },
      [channel],
    );
  },
};
