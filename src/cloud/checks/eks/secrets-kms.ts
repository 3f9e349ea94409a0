/**
 * CLUS-EKS-003: Secrets are envelope-encrypted with a customer KMS key. Since Kubernetes 1.28,
 * EKS envelope-encrypts all API data with an AWS-owned key, so a missing `encryptionConfig` then
 * means "no customer key", not plaintext, and the severity drops to low.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { compareMinor, minorOf } from '../../versions.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const eksSecretsKms: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-secrets-kms',
    catalogueId: 'CLUS-EKS-003',
    group: 'Cluster',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'Secrets are encrypted with a customer KMS key',
      ja: 'Secret がカスタマー管理の KMS キーで暗号化されている',
    },
    remediation: {
      en: 'Run `aws eks associate-encryption-config --cluster-name {name} --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:REGION:ACCOUNT:key/KEY_ID"}}]\'` (it cannot be removed afterwards).',
      ja: '`aws eks associate-encryption-config --cluster-name {name} --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:REGION:ACCOUNT:key/KEY_ID"}}]\'` を実行する(後から外せない)。',
    },
    references: [
      'CIS EKS 5.3.1',
      'FSBP EKS.3',
      'EKS BPG: Use AWS KMS for envelope encryption of Kubernetes secrets',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const config = facts.cluster.get('encryptionConfig');
    const version = facts.cluster.get('version');
    const withKey = config.items().find(
      (entry) =>
        entry
          .get('resources')
          .strings()
          .some((resource) => resource.toLowerCase() === 'secrets') &&
        entry.at('provider', 'keyArn').str() !== undefined,
    );
    if (withKey !== undefined) {
      return pass(
        {
          en: 'Secrets are envelope-encrypted with a customer KMS key.',
          ja: 'Secret はカスタマー KMS キーでエンベロープ暗号化されている。',
        },
        [withKey.get('resources'), withKey.at('provider', 'keyArn')],
      );
    }
    const minor = minorOf(version.str());
    if (minor !== undefined && compareMinor(minor, '1.28') >= 0) {
      return fail(
        {
          en: `No customer KMS key encrypts Secrets. On ${minor}, EKS still envelope-encrypts all Kubernetes API data with an AWS-owned key, so they are not stored in plaintext; a customer key adds key control, rotation and audit.`,
          ja: `Secret を暗号化するカスタマー KMS キーがない。${minor} では EKS がすべての Kubernetes API データを AWS 所有のキーでエンベロープ暗号化しているため平文では保存されないが、カスタマーキーを使うとキーの管理、ローテーション、監査ができる。`,
        },
        [config, version],
        'low',
      );
    }
    return fail(
      {
        en: `No KMS envelope encryption for Secrets${minor === undefined ? '' : ` on ${minor}`}: they are protected only by the encryption of the etcd volumes.`,
        ja: `${minor === undefined ? '' : `${minor} で`}Secret の KMS エンベロープ暗号化がなく、etcd ボリュームの暗号化でしか保護されていない。`,
      },
      [config, version],
    );
  },
};
