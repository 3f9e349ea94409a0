/**
 * CONN-AKS-005: no node pool gives its nodes public IP addresses.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { poolCheck } from './common.js';

export const aksNodesPrivate: CloudCheck<AksFacts> = poolCheck(
  {
    id: 'cloud/aks-nodes-private',
    catalogueId: 'CONN-AKS-005',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Nodes have no public IP addresses',
      ja: 'ノードにパブリック IP アドレスがない',
    },
    remediation: {
      en: 'Recreate the pools without `--enable-node-public-ip` (`az aks nodepool add --resource-group {rg} --cluster-name {name} --name NEWPOOL`) and delete the old ones.',
      ja: '`--enable-node-public-ip` なしでプールを作り直し(`az aks nodepool add --resource-group {rg} --cluster-name {name} --name NEWPOOL`)、古いプールを削除する。',
    },
    references: [
      'CIS AKS 5.4.3',
      'prowler aks_clusters_created_with_private_nodes',
      'kubescape C-0248',
    ],
  },
  {
    keys: ['enableNodePublicIp'],
    ok: (node) => node.bool() !== true,
    passMessage: {
      en: 'No node pool assigns public IPs to nodes.',
      ja: 'ノードにパブリック IP を割り当てるノードプールはない。',
    },
    failMessage: (pools) => ({
      en: `Nodes get public IP addresses in ${pools.en}.`,
      ja: `${pools.ja} のノードにパブリック IP アドレスが割り当てられている。`,
    }),
  },
);
