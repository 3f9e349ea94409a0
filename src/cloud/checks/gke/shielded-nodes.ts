/**
 * CLUS-GKE-003: Shielded GKE nodes with secure boot and integrity monitoring on every pool.
 */
import { nodePools, poolLabel, type GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass, poolsText, poolsTextJa } from '../define.js';
import { noCluster, noPools } from './common.js';

export const gkeShieldedNodes: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-shielded-nodes',
    catalogueId: 'CLUS-GKE-003',
    group: 'Cluster',
    provider: 'gke',
    severity: 'low',
    title: {
      en: 'Shielded nodes with secure boot and integrity monitoring',
      ja: 'セキュアブートと整合性モニタリング付きのシールドノード',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --enable-shielded-nodes` and recreate pools with `--shielded-secure-boot --shielded-integrity-monitoring`.',
      ja: '`gcloud container clusters update {name} --location {location} --enable-shielded-nodes` を実行し、`--shielded-secure-boot --shielded-integrity-monitoring` 付きでプールを作り直す。',
    },
    references: ['CIS GKE 5.5.5', 'CIS GKE 5.5.6', 'CIS GKE 5.5.7'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const shielded = facts.cluster.at('shieldedNodes', 'enabled');
    if (facts.cluster.at('autopilot', 'enabled').bool() === true) {
      return pass(
        {
          en: 'Autopilot nodes are shielded with secure boot.',
          ja: 'Autopilot のノードはセキュアブート付きのシールドされたノードである。',
        },
        [facts.cluster.at('autopilot', 'enabled')],
      );
    }
    const pools = nodePools(facts);
    if (pools === undefined) {
      return noPools(facts);
    }
    const evidence = [
      shielded,
      ...pools.flatMap((pool) => [
        pool.at('config', 'shieldedInstanceConfig', 'enableSecureBoot'),
        pool.at('config', 'shieldedInstanceConfig', 'enableIntegrityMonitoring'),
      ]),
    ];
    const weak = pools
      .map((pool, index) => ({ pool, index }))
      .filter(({ pool }) => {
        const config = pool.at('config', 'shieldedInstanceConfig');
        return (
          config.get('enableSecureBoot').bool() !== true ||
          config.get('enableIntegrityMonitoring').bool() === false
        );
      });
    const problems = [
      ...(shielded.bool() === true
        ? []
        : [
            {
              en: 'Shielded GKE nodes are not enabled',
              ja: 'Shielded GKE ノードが有効になっていない',
            },
          ]),
      ...(weak.length > 0
        ? [
            {
              en: `secure boot or integrity monitoring is off in ${poolsText(weak.map(({ pool, index }) => poolLabel(pool, index)))}`,
              ja: `${poolsTextJa(weak.map(({ pool, index }) => poolLabel(pool, index)))} でセキュアブートまたは整合性モニタリングが無効になっている`,
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems), evidence);
    }
    return pass(
      {
        en: 'Nodes are shielded with secure boot and integrity monitoring.',
        ja: 'ノードはセキュアブートと整合性モニタリング付きのシールドされたノードである。',
      },
      evidence,
    );
  },
};
