/**
 * CLUS-GKE-006: the Kubernetes dashboard add-on is off and alpha features are not enabled.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeDashboardAlpha: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-dashboard-alpha',
    catalogueId: 'CLUS-GKE-006',
    group: 'Cluster',
    provider: 'gke',
    severity: 'low',
    title: {
      en: 'No web dashboard and no alpha features',
      ja: 'Web ダッシュボードとアルファ機能を使っていない',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --update-addons=KubernetesDashboard=DISABLED`; alpha clusters must be recreated without `--enable-kubernetes-alpha`.',
      ja: '`gcloud container clusters update {name} --location {location} --update-addons=KubernetesDashboard=DISABLED` を実行する。アルファクラスターは `--enable-kubernetes-alpha` なしで作り直す。',
    },
    references: ['CIS GKE 5.10.1', 'CIS GKE 5.10.2'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const dashboard = facts.cluster.at('addonsConfig', 'kubernetesDashboard', 'disabled');
    const alpha = facts.cluster.get('enableKubernetesAlpha');
    const problems = [
      ...(dashboard.bool() === false
        ? [
            {
              en: 'the Kubernetes dashboard add-on is enabled',
              ja: 'Kubernetes ダッシュボードアドオンが有効になっている',
            },
          ]
        : []),
      ...(alpha.bool() === true
        ? [
            {
              en: 'Kubernetes alpha features are enabled',
              ja: 'Kubernetes のアルファ機能が有効になっている',
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems), [dashboard, alpha]);
    }
    return pass(
      {
        en: 'The dashboard is off and alpha features are not enabled.',
        ja: 'ダッシュボードは無効で、アルファ機能も有効になっていない。',
      },
      [dashboard, alpha],
    );
  },
};
