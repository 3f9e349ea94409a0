/**
 * AUTH-GKE-003: Workload Identity is on and no node pool runs as the Compute Engine default
 * service account.
 */
import { nodePools, poolLabel, type GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass, poolsText, poolsTextJa } from '../define.js';
import { noCluster, noPools } from './common.js';

function isDefaultAccount(account: string | undefined): boolean {
  return (
    account === undefined ||
    account === 'default' ||
    account.endsWith('-compute@developer.gserviceaccount.com')
  );
}

export const gkeWorkloadIdentity: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-workload-identity',
    catalogueId: 'AUTH-GKE-003',
    group: 'Auth',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'Workload Identity, not the default node service account',
      ja: 'Workload Identity を使い、既定のノードサービスアカウントを使っていない',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --workload-pool PROJECT_ID.svc.id.goog` and create pools with `--service-account` set to a minimal dedicated account.',
      ja: '`gcloud container clusters update {name} --location {location} --workload-pool PROJECT_ID.svc.id.goog` を実行し、最小権限の専用アカウントを `--service-account` に指定してプールを作成する。',
    },
    references: [
      'CIS GKE 5.2.1',
      'CIS GKE 5.2.2',
      'prowler gke_cluster_no_default_service_account',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const pool = facts.cluster.at('workloadIdentityConfig', 'workloadPool');
    const pools = nodePools(facts);
    if (pools === undefined) {
      if (pool.str() === undefined) {
        return fail(
          {
            en: 'Workload Identity is not enabled.',
            ja: 'Workload Identity が有効になっていない。',
          },
          [pool],
        );
      }
      return noPools(facts);
    }
    const accounts = pools.map((item) => item.at('config', 'serviceAccount'));
    const defaults = pools
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => isDefaultAccount(item.at('config', 'serviceAccount').str()));
    const problems = [
      ...(pool.str() === undefined
        ? [{ en: 'Workload Identity is not enabled', ja: 'Workload Identity が有効になっていない' }]
        : []),
      ...(defaults.length > 0
        ? [
            {
              en: `the Compute Engine default service account runs ${poolsText(defaults.map(({ item, index }) => poolLabel(item, index)))}`,
              ja: `${poolsTextJa(defaults.map(({ item, index }) => poolLabel(item, index)))} が Compute Engine のデフォルトサービスアカウントで動いている`,
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems), [pool, ...accounts]);
    }
    return pass(
      {
        en: `Workload Identity is enabled (${pool.str() ?? ''}) and node pools use dedicated service accounts.`,
        ja: `Workload Identity が有効で(${pool.str() ?? ''})、ノードプールは専用のサービスアカウントを使っている。`,
      },
      [pool, ...accounts],
    );
  },
};
