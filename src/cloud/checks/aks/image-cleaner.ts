/**
 * CLUS-AKS-012: Image Cleaner removes unused, vulnerable images from nodes.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { flagCheck } from './common.js';

export const aksImageCleaner: CloudCheck<AksFacts> = flagCheck(
  {
    id: 'cloud/aks-image-cleaner',
    catalogueId: 'CLUS-AKS-012',
    group: 'Cluster',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Image Cleaner is enabled',
      ja: 'Image Cleaner が有効',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-image-cleaner`.',
      ja: '`az aks update --resource-group {rg} --name {name} --enable-image-cleaner` を実行する。',
    },
    references: ['Azure Policy: Azure Kubernetes Service Clusters should enable Image Cleaner'],
  },
  {
    keys: ['securityProfile', 'imageCleaner', 'enabled'],
    want: true,
    passMessage: { en: 'Image Cleaner is enabled.', ja: 'Image Cleaner が有効になっている。' },
    failMessage: {
      en: 'Image Cleaner is not enabled: unused images with known vulnerabilities stay on nodes',
      ja: 'Image Cleaner が有効になっておらず、既知の脆弱性を含む未使用のイメージがノードに残る',
    },
  },
);
