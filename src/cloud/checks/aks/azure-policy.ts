/**
 * CLUS-AKS-008: the Azure Policy add-on (Gatekeeper) is installed. Its map key is spelt
 * `azurepolicy` by az and `azurePolicy` in policy aliases; keys are matched ignoring case.
 */
import { addonProfile, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksAzurePolicy: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-azure-policy',
    catalogueId: 'CLUS-AKS-008',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Azure Policy add-on is installed',
      ja: 'Azure Policy アドオンが導入されている',
    },
    remediation: {
      en: 'Run `az aks enable-addons --resource-group {rg} --name {name} --addons azure-policy` and assign the Kubernetes baseline or restricted initiative.',
      ja: '`az aks enable-addons --resource-group {rg} --name {name} --addons azure-policy` を実行し、Kubernetes のベースラインまたは制限のイニシアチブを割り当てる。',
    },
    references: [
      'Azure Policy: Azure Policy Add-on for Kubernetes service (AKS) should be installed and enabled on your clusters',
      'CIS AKS 4.3',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const enabled = addonProfile(facts, 'azurepolicy').get('enabled');
    if (enabled.bool() === true) {
      return pass(
        {
          en: 'The Azure Policy add-on is enabled.',
          ja: 'Azure Policy アドオンが有効になっている。',
        },
        [enabled],
      );
    }
    return fail(
      {
        en: 'The Azure Policy add-on is not enabled.',
        ja: 'Azure Policy アドオンが有効になっていない。',
      },
      [enabled],
    );
  },
};
