/**
 * CLUS-AKS-003: OS and data disks are encrypted with customer-managed keys (a disk encryption set).
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksDiskCmk: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-disk-cmk',
    catalogueId: 'CLUS-AKS-003',
    group: 'Cluster',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Node disks use customer-managed keys',
      ja: 'ノードのディスクがカスタマー管理キーを使っている',
    },
    remediation: {
      en: 'Create a disk encryption set and create the cluster with `az aks create … --node-osdisk-diskencryptionset-id DES_ID`.',
      ja: 'ディスク暗号化セットを作成し、`az aks create … --node-osdisk-diskencryptionset-id DES_ID` でクラスターを作成する。',
    },
    references: [
      'Azure Policy: Both operating systems and data disks in AKS clusters should be encrypted by customer-managed keys',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const set = aksField(facts, 'diskEncryptionSetId');
    if (set.str() !== undefined) {
      return pass(
        {
          en: 'Node disks are encrypted with a disk encryption set.',
          ja: 'ノードのディスクはディスク暗号化セットで暗号化されている。',
        },
        [set],
      );
    }
    return fail(
      {
        en: 'No disk encryption set: node disks use platform-managed keys.',
        ja: 'ディスク暗号化セットがなく、ノードのディスクはプラットフォームマネージドキーを使っている。',
      },
      [set],
    );
  },
};
