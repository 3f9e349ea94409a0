/**
 * CLUS-EKS-004: the KMS key that encrypts Secrets is usable. A disabled, deleted or revoked key
 * makes Secrets unreadable and the cluster degraded.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

const KMS_ISSUES = [
  'KmsKeyDisabled',
  'KmsKeyNotFound',
  'KmsKeyMarkedForDeletion',
  'KmsGrantRevoked',
];

export const eksKmsKeyHealthy: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-kms-key-healthy',
    catalogueId: 'CLUS-EKS-004',
    group: 'Cluster',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'The Secrets KMS key is healthy',
      ja: 'Secret 暗号化用の KMS キーが正常',
    },
    remediation: {
      en: 'Re-enable the key (`aws kms enable-key --key-id KEY_ID`), cancel its deletion (`aws kms cancel-key-deletion --key-id KEY_ID`) or restore the grant for the cluster role.',
      ja: 'キーを再有効化する(`aws kms enable-key --key-id KEY_ID`)、削除予定を取り消す(`aws kms cancel-key-deletion --key-id KEY_ID`)、またはクラスターロールへのグラントを戻す。',
    },
    references: ['EKS API ClusterIssue codes'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const config = facts.cluster.get('encryptionConfig');
    if (config.items().length === 0) {
      return notApplicable(
        { en: 'No customer KMS key is configured.', ja: 'カスタマー KMS キーが設定されていない。' },
        [config],
      );
    }
    const health = facts.cluster.get('health');
    if (!health.present) {
      return unknown(
        {
          en: 'describe-cluster has no health section (an older AWS CLI drops it).',
          ja: 'describe-cluster に health セクションがない(古い AWS CLI は出力しない)。',
        },
        [missingCloudInput('eks-cluster', facts.vars)],
        [health],
      );
    }
    const issues = health
      .get('issues')
      .items()
      .filter((issue) => KMS_ISSUES.includes(issue.get('code').str() ?? ''));
    if (issues.length > 0) {
      return fail(
        {
          en: `The cluster reports KMS issues: ${listText(issues.map((issue) => issue.get('code').str() ?? ''))}.`,
          ja: `クラスターが KMS の問題を報告している: ${listTextJa(issues.map((issue) => issue.get('code').str() ?? ''))}。`,
        },
        issues.map((issue) => issue.get('code')),
      );
    }
    return pass(
      {
        en: 'The cluster reports no KMS key issue.',
        ja: 'クラスターは KMS キーの問題を報告していない。',
      },
      [health.get('issues')],
    );
  },
};
