/**
 * CLUS-GKE-004: nodes run Container-Optimized OS with containerd.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { gkePoolCheck } from './common.js';

export const gkeCosNodes: CloudCheck<GkeFacts> = gkePoolCheck(
  {
    id: 'cloud/gke-cos-nodes',
    catalogueId: 'CLUS-GKE-004',
    group: 'Cluster',
    provider: 'gke',
    severity: 'low',
    title: {
      en: 'Nodes run Container-Optimized OS',
      ja: 'ノードが Container-Optimized OS で動いている',
    },
    remediation: {
      en: 'Run `gcloud container clusters upgrade {name} --location {location} --image-type COS_CONTAINERD --node-pool POOL`.',
      ja: '`gcloud container clusters upgrade {name} --location {location} --image-type COS_CONTAINERD --node-pool POOL` を実行する。',
    },
    references: ['CIS GKE 5.5.1'],
  },
  {
    field: (pool) => [pool.at('config', 'imageType')],
    ok: (pool) => /^COS/i.test(pool.at('config', 'imageType').str() ?? ''),
    passMessage: {
      en: 'Every node pool runs Container-Optimized OS.',
      ja: 'すべてのノードプールが Container-Optimized OS で動いている。',
    },
    failMessage: (pools) => ({
      en: `Container-Optimized OS is not used in ${pools.en}.`,
      ja: `${pools.ja} で Container-Optimized OS が使われていない。`,
    }),
    autopilotMessage: {
      en: 'Autopilot nodes run Container-Optimized OS.',
      ja: 'Autopilot のノードは Container-Optimized OS で動いている。',
    },
  },
);
