/**
 * CONN-GKE-003: every node pool runs the GKE metadata server (`GKE_METADATA`), which conceals the
 * node's credentials and serves Workload Identity tokens instead.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { gkePoolCheck } from './common.js';

export const gkeMetadataServer: CloudCheck<GkeFacts> = gkePoolCheck(
  {
    id: 'cloud/gke-metadata-server',
    catalogueId: 'CONN-GKE-003',
    group: 'Connectivity',
    provider: 'gke',
    severity: 'high',
    title: {
      en: 'The GKE metadata server conceals node credentials',
      ja: 'GKE メタデータサーバーでノードの認証情報を隠している',
    },
    remediation: {
      en: 'Enable Workload Identity on the cluster and run `gcloud container node-pools update POOL --cluster {name} --location {location} --workload-metadata GKE_METADATA`.',
      ja: 'クラスターで Workload Identity を有効にし、`gcloud container node-pools update POOL --cluster {name} --location {location} --workload-metadata GKE_METADATA` を実行する。',
    },
    references: ['CIS GKE 5.4.1'],
  },
  {
    field: (pool) => [pool.at('config', 'workloadMetadataConfig', 'mode')],
    ok: (pool) => {
      const config = pool.at('config', 'workloadMetadataConfig');
      return (
        config.get('mode').str() === 'GKE_METADATA' ||
        config.get('nodeMetadata').str() === 'GKE_METADATA_SERVER'
      );
    },
    passMessage: {
      en: 'Every node pool runs the GKE metadata server.',
      ja: 'すべてのノードプールで GKE メタデータサーバーが動いている。',
    },
    failMessage: (pools) => ({
      en: `The Compute Engine metadata server is exposed to pods in ${pools.en}.`,
      ja: `${pools.ja} で Compute Engine メタデータサーバーが Pod に公開されている。`,
    }),
    autopilotMessage: {
      en: 'Autopilot always runs the GKE metadata server.',
      ja: 'Autopilot では常に GKE メタデータサーバーが動いている。',
    },
  },
);
