/**
 * CONN-AKS-008: SSH to nodes is disabled on every pool (`securityProfile.sshAccess: Disabled`);
 * absent or `LocalUser` fails, as in Azure Policy.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { poolCheck } from './common.js';

export const aksNodeSshDisabled: CloudCheck<AksFacts> = poolCheck(
  {
    id: 'cloud/aks-node-ssh-disabled',
    catalogueId: 'CONN-AKS-008',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'SSH to nodes is disabled',
      ja: 'ノードへの SSH が無効',
    },
    remediation: {
      en: 'Run `az aks nodepool update --resource-group {rg} --cluster-name {name} --name POOL --ssh-access disabled` for each pool.',
      ja: '各プールで `az aks nodepool update --resource-group {rg} --cluster-name {name} --name POOL --ssh-access disabled` を実行する。',
    },
    references: ['Azure Policy: Azure Kubernetes Clusters should disable SSH'],
  },
  {
    keys: ['securityProfile', 'sshAccess'],
    ok: (node) => node.str()?.toLowerCase() === 'disabled',
    passMessage: {
      en: 'SSH is disabled on every node pool.',
      ja: 'すべてのノードプールで SSH が無効になっている。',
    },
    failMessage: (pools) => ({
      en: `SSH is not disabled in ${pools.en} (sshAccess missing or LocalUser).`,
      ja: `${pools.ja} で SSH が無効になっていない(sshAccess がないか LocalUser になっている)。`,
    }),
  },
);
