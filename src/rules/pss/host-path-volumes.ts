/*
 * pss/host-path-volumes: the Pod Security `hostPathVolumes` check (baseline, policy v1.0+). At
 * the restricted level pss/restricted-volumes replaces it.
 * Checked field: spec.volumes[*].hostPath
 * Passing value: unset.
 */
import { hostPathVolumes } from '../../pss/checks/host-path-volumes.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: hostPathVolumes,
  title: { en: 'hostPath volume', ja: 'hostPath ボリューム' },
  description: {
    en: "Baseline forbids hostPath volumes: they expose the node's file system to the pod, including the container runtime socket and the kubelet's credentials.",
    ja: 'Baseline は hostPath ボリュームを禁止します。hostPath はコンテナランタイムのソケットや kubelet の認証情報を含むノードのファイルシステムを Pod に公開します。',
  },
  remediation: {
    en: 'Replace the hostPath volume with a configMap, secret, emptyDir, persistentVolumeClaim or CSI volume.',
    ja: 'hostPath ボリュームを configMap、secret、emptyDir、persistentVolumeClaim、CSI ボリュームなどに置き換えてください。',
  },
  volume: ({ pointer }) => `${pointer}/hostPath`,
});
