/**
 * CONN-GKE-002: the control plane has a private endpoint only and nodes have private addresses
 * only. Both the `privateClusterConfig` form and the newer endpoint/`networkConfig` form count.
 */
import { nodePools, type GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkePrivateCluster: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-private-cluster',
    catalogueId: 'CONN-GKE-002',
    group: 'Connectivity',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'Private endpoint and private nodes',
      ja: 'プライベートエンドポイントとプライベートノード',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --enable-private-nodes --enable-private-endpoint` (or create the cluster with those flags).',
      ja: '`gcloud container clusters update {name} --location {location} --enable-private-nodes --enable-private-endpoint` を実行する(またはこれらのフラグを付けて作成する)。',
    },
    references: ['CIS GKE 5.6.4', 'CIS GKE 5.6.5'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const privateConfig = facts.cluster.get('privateClusterConfig');
    const endpoints = facts.cluster.at('controlPlaneEndpointsConfig', 'ipEndpointsConfig');
    const privateEndpoint =
      privateConfig.get('enablePrivateEndpoint').bool() === true ||
      endpoints.get('enablePublicEndpoint').bool() === false ||
      endpoints.get('enabled').bool() === false;
    const pools = nodePools(facts) ?? [];
    const privateNodes =
      privateConfig.get('enablePrivateNodes').bool() === true ||
      facts.cluster.at('networkConfig', 'defaultEnablePrivateNodes').bool() === true ||
      (pools.length > 0 &&
        pools.every((pool) => pool.at('networkConfig', 'enablePrivateNodes').bool() === true));
    const evidence = [
      privateConfig.get('enablePrivateEndpoint'),
      privateConfig.get('enablePrivateNodes'),
      endpoints.get('enablePublicEndpoint'),
    ];
    if (privateEndpoint && privateNodes) {
      return pass(
        {
          en: 'The control plane endpoint is private and nodes have private addresses only.',
          ja: 'コントロールプレーンのエンドポイントはプライベートで、ノードもプライベートアドレスだけを持っている。',
        },
        evidence,
      );
    }
    const problems = [
      ...(privateEndpoint
        ? []
        : [
            {
              en: 'the control plane has a public endpoint',
              ja: 'コントロールプレーンにパブリックエンドポイントがある',
            },
          ]),
      ...(privateNodes
        ? []
        : [
            {
              en: 'nodes have public IP addresses',
              ja: 'ノードがパブリック IP アドレスを持っている',
            },
          ]),
    ];
    return fail(joinClauses(problems, ' and '), evidence);
  },
};
