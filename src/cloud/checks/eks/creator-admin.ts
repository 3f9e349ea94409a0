/**
 * AUTH-EKS-002: the principal that created the cluster is not silently a cluster admin.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const eksCreatorAdmin: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-creator-admin',
    catalogueId: 'AUTH-EKS-002',
    group: 'Auth',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'The cluster creator is not bootstrapped as cluster admin',
      ja: 'クラスター作成者が自動的にクラスター管理者になっていない',
    },
    remediation: {
      en: "Grant admin through explicit access entries, then remove the creator's entry (`aws eks delete-access-entry --cluster-name {name} --principal-arn CREATOR_ARN`); create new clusters with `--access-config bootstrapClusterCreatorAdminPermissions=false`.",
      ja: '明示的なアクセスエントリで管理者権限を付与してから作成者のエントリを削除する(`aws eks delete-access-entry --cluster-name {name} --principal-arn CREATOR_ARN`)。新しいクラスターは `--access-config bootstrapClusterCreatorAdminPermissions=false` で作成する。',
    },
    references: [
      'EKS BPG: Remove the cluster-admin permissions from the cluster creator principal',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const bootstrap = facts.cluster.at('accessConfig', 'bootstrapClusterCreatorAdminPermissions');
    const value = bootstrap.bool();
    if (value === false) {
      return pass(
        {
          en: 'The creator was not made cluster admin at creation.',
          ja: '作成者は作成時にクラスター管理者にされていない。',
        },
        [bootstrap],
      );
    }
    if (value === true) {
      return fail(
        {
          en: 'The creator was bootstrapped as cluster admin; unless its access entry was removed since, that principal keeps invisible admin rights.',
          ja: '作成者がクラスター管理者としてブートストラップされている。その後アクセスエントリを削除していない限り、そのプリンシパルは見えない管理者権限を持ち続ける。',
        },
        [bootstrap],
      );
    }
    return unknown(
      {
        en: 'describe-cluster has no accessConfig.bootstrapClusterCreatorAdminPermissions.',
        ja: 'describe-cluster に accessConfig.bootstrapClusterCreatorAdminPermissions がない。',
      },
      [missingCloudInput('eks-cluster', facts.vars)],
      [bootstrap],
    );
  },
};
