/**
 * CLUS-AKS-014: no deprecated or unsafe features: HTTP application routing, the Kubernetes
 * dashboard, pod-managed identity (AAD Pod Identity) or PodSecurityPolicy.
 */
import { addonProfile, aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass } from '../define.js';
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
        label: { en: 'HTTP application routing', ja: 'HTTP アプリケーションルーティング' },
        node: addonProfile(facts, 'httpApplicationRouting').get('enabled'),
      },
      {
        label: { en: 'the Kubernetes dashboard', ja: 'Kubernetes ダッシュボード' },
        node: addonProfile(facts, 'kubeDashboard').get('enabled'),
      },
      {
        label: { en: 'pod-managed identity', ja: 'ポッドマネージド ID' },
        node: aksField(facts, 'podIdentityProfile', 'enabled'),
      },
      {
        label: { en: 'PodSecurityPolicy', ja: 'PodSecurityPolicy' },
        node: aksField(facts, 'enablePodSecurityPolicy'),
      },
    ];
    const on = features.filter((feature) => feature.node.bool() === true);
    if (on.length > 0) {
      return fail(
        {
          en: `Deprecated or unsafe features are enabled: ${listText(on.map((feature) => feature.label.en))}.`,
          ja: `非推奨または安全でない機能が有効になっている: ${listTextJa(on.map((feature) => feature.label.ja))}。`,
        },
        on.map((feature) => feature.node),
      );
    }
    return pass(
      {
        en: 'No deprecated or unsafe add-on is enabled.',
        ja: '非推奨または安全でないアドオンは有効になっていない。',
      },
      features.map((feature) => feature.node),
    );
  },
};
