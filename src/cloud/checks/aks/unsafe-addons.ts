/**
 * CLUS-AKS-014: no deprecated or unsafe features: HTTP application routing, the Kubernetes
 * dashboard, pod-managed identity (AAD Pod Identity) or PodSecurityPolicy.
 */
import { addonProfile, aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksUnsafeAddons: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-unsafe-addons',
    catalogueId: 'CLUS-AKS-014',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'No deprecated or unsafe add-ons',
      ja: '非推奨または危険なアドオンを使っていない',
    },
    remediation: {
      en: 'Run `az aks disable-addons --resource-group {rg} --name {name} --addons http_application_routing` (and `kube-dashboard`), and move from pod-managed identity to workload identity.',
      ja: '`az aks disable-addons --resource-group {rg} --name {name} --addons http_application_routing`(および `kube-dashboard`)を実行し、ポッドマネージド ID からワークロード ID に移行する。',
    },
    references: [
      'AKS docs: HTTP application routing add-on',
      'AKS docs: Use Microsoft Entra pod-managed identities (deprecated)',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const features = [
      {
        label: 'HTTP application routing',
        node: addonProfile(facts, 'httpApplicationRouting').get('enabled'),
      },
      {
        label: 'the Kubernetes dashboard',
        node: addonProfile(facts, 'kubeDashboard').get('enabled'),
      },
      { label: 'pod-managed identity', node: aksField(facts, 'podIdentityProfile', 'enabled') },
      { label: 'PodSecurityPolicy', node: aksField(facts, 'enablePodSecurityPolicy') },
    ];
    const on = features.filter((feature) => feature.node.bool() === true);
    if (on.length > 0) {
      return fail(
        `Deprecated or unsafe features are enabled: ${listText(on.map((feature) => feature.label))}.`,
        on.map((feature) => feature.node),
      );
    }
    return pass(
      'No deprecated or unsafe add-on is enabled.',
      features.map((feature) => feature.node),
    );
  },
};
