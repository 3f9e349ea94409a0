/**
 * CLUS-EKS-007: deletion protection is on.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { missingCloudInput } from '../../inputs.js';
import { fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const eksDeletionProtection: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-deletion-protection',
    catalogueId: 'CLUS-EKS-007',
    group: 'Cluster',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'Deletion protection is enabled',
      ja: '削除保護が有効',
    },
    remediation: {
      en: 'Run `aws eks update-cluster-config --name {name} --deletion-protection`.',
      ja: '`aws eks update-cluster-config --name {name} --deletion-protection` を実行する。',
    },
    references: ['prowler eks_cluster_deletion_protection_enabled'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const protection = facts.cluster.get('deletionProtection');
    if (protection.bool() === true) {
      return pass({ en: 'Deletion protection is enabled.', ja: '削除保護が有効になっている。' }, [
        protection,
      ]);
    }
    if (protection.bool() === false) {
      return fail({ en: 'Deletion protection is disabled.', ja: '削除保護が無効になっている。' }, [
        protection,
      ]);
    }
    return unknown(
      {
        en: 'describe-cluster has no deletionProtection (an older AWS CLI drops it).',
        ja: 'describe-cluster に deletionProtection がない(古い AWS CLI は出力しない)。',
      },
      [missingCloudInput('eks-cluster', facts.vars)],
      [protection],
    );
  },
};
