/**
 * CLUS-AKS-006: node OS security updates are applied automatically (`NodeImage` or
 * `SecurityPatch`). `az` prints `nodeOsUpgradeChannel`, ARM `nodeOSUpgradeChannel`.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksNodeOsUpgrade: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-node-os-upgrade',
    catalogueId: 'CLUS-AKS-006',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Node OS auto-upgrade channel is set',
      ja: 'ノード OS の自動アップグレードチャネルが設定されている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --node-os-upgrade-channel NodeImage` (or `SecurityPatch`).',
      ja: '`az aks update --resource-group {rg} --name {name} --node-os-upgrade-channel NodeImage`(または `SecurityPatch`)を実行する。',
    },
    references: [
      'Azure Policy: Azure Kubernetes Service Clusters should enable node os auto-upgrade',
      'prowler aks_cluster_node_os_upgrade_channel_enabled',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const channel = aksField(facts, 'autoUpgradeProfile', 'nodeOsUpgradeChannel');
    const clusterChannel = aksField(facts, 'autoUpgradeProfile', 'upgradeChannel');
    const value = channel.str()?.toLowerCase();
    if (value === 'nodeimage' || value === 'securitypatch') {
      return pass(
        {
          en: `The node OS upgrade channel is ${channel.str() ?? ''}.`,
          ja: `ノード OS のアップグレードチャネルは ${channel.str() ?? ''} になっている。`,
        },
        [channel],
      );
    }
    if (value === undefined && clusterChannel.str()?.toLowerCase() === 'node-image') {
      return pass(
        {
          en: 'The cluster upgrade channel node-image also updates node images.',
          ja: 'クラスターのアップグレードチャネル node-image がノードイメージも更新している。',
        },
        [channel, clusterChannel],
      );
    }
    return fail(
      {
        en: `Node OS updates are not automatic (nodeOsUpgradeChannel: ${channel.str() ?? 'not set'}).`,
        ja: `ノード OS の更新が自動になっていない(nodeOsUpgradeChannel: ${channel.str() ?? '未設定'})。`,
      },
      [channel, clusterChannel],
    );
  },
};
