/**
 * CLUS-GKE-002: the cluster is on a release channel and every node pool auto-upgrades and
 * auto-repairs.
 */
import { nodePools, poolLabel, type GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass, poolsText, poolsTextJa, unknown } from '../define.js';
import { noCluster } from './common.js';
import { missingCloudInput } from '../../inputs.js';

const CHANNELS = ['RAPID', 'REGULAR', 'STABLE', 'EXTENDED'];

export const gkeAutoUpgrade: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-auto-upgrade',
    catalogueId: 'CLUS-GKE-002',
    group: 'Cluster',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'Release channel, node auto-upgrade and auto-repair',
      ja: 'リリースチャネル、ノードの自動アップグレードと自動修復',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --release-channel regular` and `gcloud container node-pools update POOL --cluster {name} --location {location} --enable-autoupgrade --enable-autorepair`.',
      ja: '`gcloud container clusters update {name} --location {location} --release-channel regular` と `gcloud container node-pools update POOL --cluster {name} --location {location} --enable-autoupgrade --enable-autorepair` を実行する。',
    },
    references: ['CIS GKE 5.5.2', 'CIS GKE 5.5.3', 'CIS GKE 5.5.4'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const channel = facts.cluster.at('releaseChannel', 'channel');
    const onChannel = CHANNELS.includes(channel.str()?.toUpperCase() ?? '');
    const pools = nodePools(facts);
    const evidence = [
      channel,
      ...(pools ?? []).flatMap((pool) => [
        pool.at('management', 'autoUpgrade'),
        pool.at('management', 'autoRepair'),
      ]),
    ];
    const manual = (pools ?? [])
      .map((pool, index) => ({ pool, index }))
      .filter(
        ({ pool }) =>
          pool.at('management', 'autoUpgrade').bool() !== true ||
          pool.at('management', 'autoRepair').bool() !== true,
      );
    const problems = [
      ...(onChannel
        ? []
        : [
            {
              en: `the cluster is on no release channel (${channel.str() ?? 'not set'})`,
              ja: `クラスターがどのリリースチャネルにも登録されていない(${channel.str() ?? '未設定'})`,
            },
          ]),
      ...(manual.length > 0
        ? [
            {
              en: `auto-upgrade or auto-repair is off in ${poolsText(manual.map(({ pool, index }) => poolLabel(pool, index)))}`,
              ja: `${poolsTextJa(manual.map(({ pool, index }) => poolLabel(pool, index)))} で自動アップグレードまたは自動修復が無効になっている`,
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems), evidence);
    }
    if (pools === undefined && facts.cluster.at('autopilot', 'enabled').bool() !== true) {
      return unknown(
        {
          en: 'The release channel is set, but the node pools are not in the description.',
          ja: 'リリースチャネルは設定されているが、ノードプールが記述に含まれていない。',
        },
        [missingCloudInput('gke-cluster', facts.vars)],
        evidence,
      );
    }
    return pass(
      {
        en: `The cluster follows the ${channel.str() ?? ''} channel and node pools auto-upgrade and auto-repair.`,
        ja: `クラスターは ${channel.str() ?? ''} チャネルに従い、ノードプールは自動アップグレードと自動修復を行っている。`,
      },
      evidence,
    );
  },
};
