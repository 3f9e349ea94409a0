/**
 * CLUS-AKS-002: every node pool encrypts temp disks and caches at the host.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { poolCheck } from './common.js';

export const aksEncryptionAtHost: CloudCheck<AksFacts> = poolCheck(
  {
    id: 'cloud/aks-encryption-at-host',
    catalogueId: 'CLUS-AKS-002',
    group: 'Cluster',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Node pools use host-based encryption',
      ja: 'ノードプールでホストベースの暗号化を使っている',
    },
    remediation: {
      en: 'Create pools with `az aks nodepool add --resource-group {rg} --cluster-name {name} --name POOL --enable-encryption-at-host` and move workloads to them.',
      ja: '`az aks nodepool add --resource-group {rg} --cluster-name {name} --name POOL --enable-encryption-at-host` でプールを作成し、ワークロードを移す。',
    },
    references: [
      'Azure Policy: Temp disks and cache for agent node pools in AKS clusters should be encrypted at host',
    ],
  },
  {
    keys: ['enableEncryptionAtHost'],
    ok: (node) => node.bool() === true,
    passMessage: {
      en: 'Every node pool encrypts at host.',
      ja: 'すべてのノードプールがホストで暗号化している。',
    },
    failMessage: (pools) => ({
      en: `Temp disks and caches are not encrypted at host in ${pools.en}.`,
      ja: `${pools.ja} で一時ディスクとキャッシュがホストで暗号化されていない。`,
    }),
  },
);
