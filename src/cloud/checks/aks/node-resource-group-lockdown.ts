/**
 * CLUS-AKS-015: the node resource group is read-only, so its resources cannot be changed around AKS.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksNodeResourceGroupLockdown: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-node-resource-group-lockdown',
    catalogueId: 'CLUS-AKS-015',
    group: 'Cluster',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Node resource group is locked down',
      ja: 'ノードリソースグループがロックダウンされている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --nrg-lockdown-restriction-level ReadOnly`.',
      ja: '`az aks update --resource-group {rg} --name {name} --nrg-lockdown-restriction-level ReadOnly` を実行する。',
    },
    references: ['AKS docs: Node resource group lockdown'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const level = aksField(facts, 'nodeResourceGroupProfile', 'restrictionLevel');
    if (level.str()?.toLowerCase() === 'readonly') {
      return pass(
        {
          en: 'The node resource group is ReadOnly.',
          ja: 'ノードリソースグループは ReadOnly になっている。',
        },
        [level],
      );
    }
    return fail(
      {
        en: `The node resource group is not locked down (restrictionLevel: ${level.str() ?? 'not set'}).`,
        ja: `ノードリソースグループがロックダウンされていない(restrictionLevel: ${level.str() ?? '未設定'})。`,
      },
      [level],
    );
  },
};
