/**
 * CLUS-AKS-013: node pools use Trusted Launch (secure boot and vTPM). Informational.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { poolCheck } from './common.js';

export const aksTrustedLaunch: CloudCheck<AksFacts> = poolCheck(
  {
    id: 'cloud/aks-trusted-launch',
    catalogueId: 'CLUS-AKS-013',
    group: 'Cluster',
    provider: 'aks',
    severity: 'info',
    title: {
      en: 'Node pools use Trusted Launch',
      ja: 'ノードプールでトラステッド起動を使っている',
    },
    remediation: {
      en: 'Add pools with `az aks nodepool add --resource-group {rg} --cluster-name {name} --name POOL --enable-secure-boot --enable-vtpm`.',
      ja: '`az aks nodepool add --resource-group {rg} --cluster-name {name} --name POOL --enable-secure-boot --enable-vtpm` でプールを追加する。',
    },
    references: ['AKS docs: Trusted Launch'],
  },
  {
    keys: ['securityProfile'],
    ok: (node) =>
      node.get('enableSecureBoot').bool() === true && node.get('enableVtpm').bool() === true,
    passMessage: {
      en: 'Every node pool enables secure boot and vTPM.',
      ja: 'すべてのノードプールでセキュアブートと vTPM が有効になっている。',
    },
    failMessage: (pools) => ({
      en: `Secure boot and vTPM are not both enabled in ${pools.en}.`,
      ja: `${pools.ja} でセキュアブートと vTPM の両方が有効にはなっていない。`,
    }),
  },
);
