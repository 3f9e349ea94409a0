/*
 * Roles should not let their subjects create PersistentVolumes or rebind them.
 * Checked: every rule of a Role or ClusterRole that grants create, update or patch on
 * persistentvolumes in the core API group. Limited by resourceNames to particular volumes (only
 * update and patch can be): medium.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { PERSISTENT_VOLUME_WRITE, probeGrantCheck, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'volumeWrite' | 'volumeWriteNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/persistent-volume-write',
    title: {
      en: 'Permission to create or change PersistentVolumes',
      ja: 'PersistentVolume の作成・変更権限',
    },
    description: {
      en: "A PersistentVolume can point at any hostPath or network share, and a pod reaches it through a claim, which Pod Security admission does not inspect. Whoever can create one can mount the node's root file system into an ordinary pod, even in a namespace that enforces the restricted level; whoever can update one can rebind another tenant's released volume to their own claim.",
      ja: 'PersistentVolume は任意の hostPath やネットワーク共有を指すことができ、Pod は Pod Security アドミッションが検査しないクレームを通じてそれにアクセスします。PersistentVolume を作成できる者は、restricted レベルを適用した名前空間であっても、ノードのルートファイルシステムを通常の Pod にマウントできます。更新できる者は、他のテナントが解放したボリュームを自分のクレームに結び付け直せます。',
    },
    remediation: {
      en: 'Remove create, update and patch on persistentvolumes from the role. Let workloads obtain storage through PersistentVolumeClaims and StorageClasses with dynamic provisioning, and leave PersistentVolumes to administrators and CSI provisioners.',
      ja: 'ロールから persistentvolumes への create、update、patch を削除してください。ワークロードのストレージは動的プロビジョニングの StorageClass と PersistentVolumeClaim で確保し、PersistentVolume は管理者と CSI のプロビジョナーに任せてください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#persistent-volume-creation',
      'https://kubernetes.io/docs/concepts/storage/persistent-volumes/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      volumeWrite: {
        en: 'Rule {{rule}} of {{role}} allows creating or changing any PersistentVolume ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、任意の PersistentVolume の作成または変更を許可しています（{{permissions}}）。',
      },
      volumeWriteNamed: {
        en: 'Rule {{rule}} of {{role}} allows changing the PersistentVolumes {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、PersistentVolume {{names}} の変更を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { volumeWriteNamed: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(PERSISTENT_VOLUME_WRITE, 'volumeWrite', 'volumeWriteNamed'),
});
