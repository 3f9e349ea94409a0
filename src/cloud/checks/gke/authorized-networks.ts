/**
 * CONN-GKE-001: control-plane authorized networks are on and do not admit 0.0.0.0/0. Newer API
 * versions mirror the setting under `controlPlaneEndpointsConfig.ipEndpointsConfig`; a cluster
 * whose IP endpoints are off (DNS endpoint only) passes.
 */
import { isWorld } from '../../cidr.js';
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeAuthorizedNetworks: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-authorized-networks',
    catalogueId: 'CONN-GKE-001',
    group: 'Connectivity',
    provider: 'gke',
    severity: 'high',
    title: {
      en: 'Control-plane authorized networks are enabled',
      ja: 'コントロールプレーンの承認済みネットワークが有効',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --enable-master-authorized-networks --master-authorized-networks 203.0.113.0/24`.',
      ja: '`gcloud container clusters update {name} --location {location} --enable-master-authorized-networks --master-authorized-networks 203.0.113.0/24` を実行する。',
    },
    references: ['CIS GKE 5.6.3'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const endpoints = facts.cluster.at('controlPlaneEndpointsConfig', 'ipEndpointsConfig');
    if (endpoints.get('enabled').bool() === false) {
      return pass(
        {
          en: 'The IP-based control-plane endpoints are disabled (DNS endpoint only).',
          ja: 'IP ベースのコントロールプレーンエンドポイントが無効になっている(DNS エンドポイントのみ)。',
        },
        [endpoints.get('enabled')],
      );
    }
    const legacy = facts.cluster.get('masterAuthorizedNetworksConfig');
    const config = legacy.present ? legacy : endpoints.get('authorizedNetworksConfig');
    const enabled = config.get('enabled');
    const blocks = config
      .get('cidrBlocks')
      .items()
      .map((block) => block.get('cidrBlock').str() ?? '');
    const evidence = [enabled, config.get('cidrBlocks')];
    if (enabled.bool() !== true) {
      return fail(
        {
          en: 'Authorized networks are disabled: any address can reach the control plane endpoint.',
          ja: '承認済みネットワークが無効で、どのアドレスからもコントロールプレーンのエンドポイントに到達できる。',
        },
        evidence,
      );
    }
    const world = blocks.filter(isWorld);
    if (world.length > 0) {
      return fail(
        {
          en: `Authorized networks admit ${listText(world)}.`,
          ja: `承認済みネットワークが ${listTextJa(world)} を受け入れている。`,
        },
        evidence,
      );
    }
    return pass(
      blocks.length > 0
        ? {
            en: `Authorized networks allow only ${listText(blocks)}.`,
            ja: `承認済みネットワークは ${listTextJa(blocks)} だけを許可している。`,
          }
        : {
            en: 'Authorized networks are on with no external range.',
            ja: '承認済みネットワークが有効で、外部の範囲は含まれていない。',
          },
      evidence,
    );
  },
};
