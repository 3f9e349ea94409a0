/*
 * A hostPath volume that a container can write to lets it change the node's files.
 * Checked: volumeMounts of every container that mount a hostPath volume.
 * Passing: readOnly: true on the mount, or a node path under an entry of allowedPaths.
 * Container runtime sockets are left to workload/container-runtime-socket, which reports them
 * whatever readOnly says.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import {
  hostPathMounts,
  isWithin,
  normalisePath,
  runtimeExposure,
  validateAllowedPaths,
  HOST_PATH_RULE_META,
} from './_host-paths.js';

type MessageId = 'writable';

interface Options {
  /** Node paths (and everything under them) that may be mounted writable. */
  allowedPaths: string[];
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'workload/writable-host-path',
    title: { en: 'Writable hostPath mount', ja: '書き込み可能な hostPath マウント' },
    description: {
      en: "A hostPath volume mounted without readOnly lets the container write to the node's file system. Depending on the path, that is enough to plant a binary or cron job the node will run, replace kubelet or runtime configuration, fill the node's disk, or tamper with other pods' data and logs; a compromised container keeps that foothold after the pod is gone.",
      ja: 'readOnly を付けずにマウントした hostPath ボリュームでは、コンテナからノードのファイルシステムに書き込めます。パスによっては、ノードが実行するバイナリや cron ジョブを仕込む、kubelet やランタイムの設定を書き換える、ノードのディスクを使い果たす、他の Pod のデータやログを改ざんするといったことが可能になり、侵害されたコンテナは Pod が消えた後も足場を残せます。',
    },
    remediation: {
      en: 'Set readOnly: true on the volume mount, or replace the hostPath volume with an emptyDir, a PersistentVolumeClaim or a CSI volume. If a node agent must write to a specific directory, add it to allowedPaths and mount only that directory.',
      ja: 'ボリュームマウントに readOnly: true を設定するか、hostPath ボリュームを emptyDir、PersistentVolumeClaim、CSI ボリュームに置き換えてください。ノードエージェントが特定のディレクトリに書き込む必要がある場合は、そのディレクトリを allowedPaths に追加し、そのディレクトリだけをマウントしてください。',
    },
    severity: 'high',
    ...HOST_PATH_RULE_META,
    messages: {
      writable: {
        en: 'Container "{{container}}" mounts host path "{{path}}" (volume "{{volume}}") writable; set readOnly: true on the mount.',
        ja: 'コンテナ "{{container}}" がホストのパス "{{path}}" を書き込み可能な状態でマウントしています (ボリューム "{{volume}}")。マウントに readOnly: true を設定してください。',
      },
    },
    defaultOptions: { allowedPaths: [] },
    validateOptions: validateAllowedPaths,
  },
  check(workload, context) {
    const allowed = context.options.allowedPaths.map(normalisePath);
    for (const mount of hostPathMounts(workload)) {
      if (
        mount.mount.readOnly === true ||
        runtimeExposure(mount.path)?.kind === 'socket' ||
        allowed.some((base) => isWithin(mount.path, base))
      ) {
        continue;
      }
      context.report({
        messageId: 'writable',
        data: { container: mount.ref.name, path: mount.path, volume: mount.volume },
        pointer: `${mount.pointer}/readOnly`,
        container: mount.ref.name,
      });
    }
  },
});
