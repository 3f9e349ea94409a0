/**
 * AUTH-AKS-002: Azure RBAC authorizes Kubernetes requests (`enableAzureRbac`, ARM
 * `enableAzureRBAC`).
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { flagCheck } from './common.js';

export const aksAzureRbac: CloudCheck<AksFacts> = flagCheck(
  {
    id: 'cloud/aks-azure-rbac',
    catalogueId: 'AUTH-AKS-002',
    group: 'Auth',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Azure RBAC for Kubernetes authorization is enabled',
      ja: 'Kubernetes の認可に Azure RBAC を使っている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-azure-rbac` and grant the built-in "Azure Kubernetes Service RBAC" roles.',
      ja: '`az aks update --resource-group {rg} --name {name} --enable-azure-rbac` を実行し、組み込みの「Azure Kubernetes Service RBAC」ロールを割り当てる。',
    },
    references: ['CIS AKS 5.5.2', 'kubescape C-0241'],
  },
  {
    keys: ['aadProfile', 'enableAzureRbac'],
    want: true,
    passMessage: {
      en: 'Azure RBAC authorizes Kubernetes requests.',
      ja: 'Azure RBAC が Kubernetes のリクエストを認可している。',
    },
    failMessage: {
      en: 'Azure RBAC for Kubernetes authorization is not enabled',
      ja: 'Kubernetes の認可に Azure RBAC が有効になっていない',
    },
  },
);
