/**
 * CLUS-EKS-006: the upgrade policy. `EXTENDED` lets a cluster sit on an old version at extra
 * cost; `STANDARD` upgrades it automatically at the end of standard support.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const eksUpgradePolicy: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-upgrade-policy',
    catalogueId: 'CLUS-EKS-006',
    group: 'Cluster',
    provider: 'eks',
    severity: 'info',
    title: {
      en: 'Upgrade policy does not allow staying on extended support',
      ja: 'アップグレードポリシーが延長サポートへの滞留を許さない',
    },
    remediation: {
      en: 'Plan upgrades and run `aws eks update-cluster-config --name {name} --upgrade-policy supportType=STANDARD`.',
      ja: 'アップグレードを計画し、`aws eks update-cluster-config --name {name} --upgrade-policy supportType=STANDARD` を実行する。',
    },
    references: ['EKS API UpgradePolicyRequest'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const support = facts.cluster.at('upgradePolicy', 'supportType');
    const value = support.str()?.toUpperCase();
    if (value === 'STANDARD') {
      return pass(
        {
          en: 'supportType is STANDARD: the cluster is upgraded at the end of standard support.',
          ja: 'supportType が STANDARD で、標準サポートの終了時にクラスターがアップグレードされる。',
        },
        [support],
      );
    }
    if (value === 'EXTENDED') {
      return fail(
        {
          en: 'supportType is EXTENDED: the cluster may stay on an old version at extra cost.',
          ja: 'supportType が EXTENDED で、追加料金を払って古いバージョンに留まる可能性がある。',
        },
        [support],
      );
    }
    return unknown(
      {
        en: 'describe-cluster has no upgradePolicy (an older AWS CLI drops it).',
        ja: 'describe-cluster に upgradePolicy がない(古い AWS CLI は出力しない)。',
      },
      [missingCloudInput('eks-cluster', facts.vars)],
      [support],
    );
  },
};
