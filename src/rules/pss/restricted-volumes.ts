/*
 * pss/restricted-volumes: the Pod Security `restrictedVolumes` check (restricted, policy v1.0+).
 * It replaces pss/host-path-volumes at the restricted level; the hostPath volumes that rule
 * reports are not reported again here.
 * Checked field: spec.volumes[*]
 * Passing sources: configMap, csi, downwardAPI, emptyDir, ephemeral, image,
 * persistentVolumeClaim, projected, secret.
 */
import { restrictedVolumes } from '../../pss/checks/restricted-volumes.js';
import { definePssRule } from './_factory.js';

const ALLOWED = [
  'name',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

export default definePssRule({
  check: restrictedVolumes,
  title: { en: 'Volume type not allowed', ja: '許可されていないボリューム種別' },
  description: {
    en: 'Restricted allows only the volume types that cannot reach the node or network storage on their own: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.',
    ja: 'Restricted は、それ自体ではノードやネットワークストレージに直接アクセスしないボリューム種別（configMap、csi、downwardAPI、emptyDir、ephemeral、image、persistentVolumeClaim、projected、secret）だけを許可します。',
  },
  remediation: {
    en: 'Mount network or node storage through a PersistentVolumeClaim (the cluster administrator defines the PersistentVolume), or use one of the allowed volume types.',
    ja: 'ネットワークやノードのストレージは PersistentVolumeClaim 経由でマウントする（PersistentVolume はクラスター管理者が定義します）か、許可されたボリューム種別を使ってください。',
  },
  volume: ({ volume, pointer }) => {
    const source = Object.keys(volume).find(
      (key) => !ALLOWED.includes(key) && volume[key] !== undefined && volume[key] !== null,
    );
    return source === undefined ? pointer : `${pointer}/${source}`;
  },
});
