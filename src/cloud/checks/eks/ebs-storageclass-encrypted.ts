/**
 * CLUS-EKS-011: StorageClasses of the EBS CSI driver (and EKS Auto Mode's) request encryption.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';

const EBS_PROVISIONERS = ['ebs.csi.aws.com', 'ebs.csi.eks.amazonaws.com', 'kubernetes.io/aws-ebs'];

export const eksEbsStorageClassEncrypted: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-ebs-storageclass-encrypted',
    catalogueId: 'CLUS-EKS-011',
    group: 'Cluster',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'EBS StorageClasses encrypt volumes',
      ja: 'EBS の StorageClass がボリュームを暗号化する',
    },
    remediation: {
      en: 'Add `parameters: {encrypted: "true"}` (and optionally `kmsKeyId`) to each EBS StorageClass; StorageClasses are immutable, so create a new one and migrate claims.',
      ja: '各 EBS StorageClass に `parameters: {encrypted: "true"}`(必要なら `kmsKeyId` も)を追加する。StorageClass は変更できないため、新しく作成して PVC を移行する。',
    },
    references: ['hardeneks use_encryption_with_ebs', 'EKS BPG: Encryption at rest'],
  },
  evaluate(facts) {
    if (!facts.k8s.has('StorageClass')) {
      return unknown(
        {
          en: 'The StorageClasses of the cluster were not given.',
          ja: 'クラスターの StorageClass が与えられていない。',
        },
        [missingKubernetesInput('StorageClass')],
      );
    }
    const classes = facts.k8s
      .ofKind('StorageClass')
      .filter((item) => EBS_PROVISIONERS.includes(item.node.get('provisioner').str() ?? ''));
    if (classes.length === 0) {
      return notApplicable({
        en: 'No StorageClass uses the EBS provisioner.',
        ja: 'EBS プロビジョナーを使う StorageClass はない。',
      });
    }
    const evidence = classes.map((item) => item.node.at('parameters', 'encrypted'));
    const plain = classes.filter((item) => item.node.at('parameters', 'encrypted').bool() !== true);
    if (plain.length > 0) {
      if (facts.ebsEncryptionByDefault?.bool() === true) {
        return pass(
          {
            en: `${listText(plain.map((item) => item.name))} do not request encryption, but EBS encryption by default is on.`,
            ja: `${listTextJa(plain.map((item) => item.name))} は暗号化を要求していないが、EBS のデフォルト暗号化が有効になっている。`,
          },
          [facts.ebsEncryptionByDefault, ...evidence],
        );
      }
      return fail(
        {
          en: `StorageClass${plain.length > 1 ? 'es' : ''} ${listText(plain.map((item) => item.name))} do${plain.length > 1 ? '' : 'es'} not set encrypted: "true".`,
          ja: `StorageClass ${listTextJa(plain.map((item) => item.name))} が encrypted: "true" を設定していない。`,
        },
        evidence,
      );
    }
    return pass(
      {
        en: 'Every EBS StorageClass sets encrypted: "true".',
        ja: 'すべての EBS StorageClass が encrypted: "true" を設定している。',
      },
      evidence,
    );
  },
};
