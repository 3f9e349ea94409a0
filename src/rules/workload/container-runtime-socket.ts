/*
 * A container that can reach the container runtime's socket controls every container on the node
 * and, by starting a privileged one, the node itself.
 * Checked: volumeMounts of every container that mount a hostPath volume; the node path is the
 * volume's path joined with the mount's subPath.
 * Reported: a runtime socket (Docker, containerd, CRI-O, cri-dockerd, Podman, and the k3s, k0s
 * and MicroK8s locations; the Docker and containerd named pipes on Windows), any *.sock under a
 * runtime's socket directory, and a directory that contains one (`/`, `/run`, `/var/run`...).
 * readOnly: true does not help: connecting to a socket is not a write to the file system.
 * Directories are reported at high severity: they are often mounted for other reasons.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { hostPathMounts, runtimeExposure, HOST_PATH_RULE_META } from './_host-paths.js';

type MessageId = 'socket' | 'directory';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'workload/container-runtime-socket',
    title: { en: 'Container runtime socket mounted', ja: 'コンテナランタイムのソケットのマウント' },
    description: {
      en: "The container runtime's socket (docker.sock, containerd.sock, crio.sock...) accepts commands from anyone who can connect to it, with the runtime's root privileges. A container that mounts it can list and enter every other container on the node, read their secrets, and start a privileged container that takes over the node. Mounting the socket read-only changes nothing, because connecting is not a write.",
      ja: 'コンテナランタイムのソケット（docker.sock、containerd.sock、crio.sock など）は、接続できる相手からのコマンドをランタイムの root 権限で受け付けます。これをマウントしたコンテナは、ノード上の他のすべてのコンテナを一覧・操作し、その Secret を読み取り、特権コンテナを起動してノードを乗っ取ることができます。接続は書き込みではないため、読み取り専用でマウントしても状況は変わりません。',
    },
    remediation: {
      en: 'Remove the mount. Build images with a daemonless builder (rootless BuildKit, Buildah) or a remote build service, and gather container metadata through the Kubernetes API or the kubelet instead of the runtime. Agents that truly need the runtime belong in a dedicated, tightly controlled namespace with an exception.',
      ja: 'マウントを削除してください。イメージのビルドにはデーモン不要のビルダー（rootless の BuildKit、Buildah）かリモートのビルドサービスを使い、コンテナの情報はランタイムではなく Kubernetes API や kubelet から取得してください。本当にランタイムが必要なエージェントは、厳しく管理された専用の名前空間に置き、例外として扱ってください。',
    },
    severity: 'critical',
    ...HOST_PATH_RULE_META,
    messages: {
      socket: {
        en: 'Container "{{container}}" mounts the container runtime socket "{{path}}" (volume "{{volume}}").',
        ja: 'コンテナ "{{container}}" がコンテナランタイムのソケット "{{path}}" をマウントしています (ボリューム "{{volume}}")。',
      },
      directory: {
        en: 'Container "{{container}}" mounts host directory "{{path}}" (volume "{{volume}}"), which contains the container runtime socket "{{socket}}".',
        ja: 'コンテナ "{{container}}" がホストのディレクトリ "{{path}}" をマウントしています (ボリューム "{{volume}}")。このディレクトリにはコンテナランタイムのソケット "{{socket}}" が含まれます。',
      },
    },
    messageSeverities: { directory: 'high' },
    defaultOptions: {},
  },
  check(workload, context) {
    for (const mount of hostPathMounts(workload)) {
      const exposure = runtimeExposure(mount.path);
      if (exposure === undefined) {
        continue;
      }
      const data = { container: mount.ref.name, path: mount.path, volume: mount.volume };
      context.report({
        ...(exposure.kind === 'socket'
          ? { messageId: 'socket', data }
          : { messageId: 'directory', data: { ...data, socket: exposure.socket } }),
        pointer: mount.pointer,
        container: mount.ref.name,
      });
    }
  },
});
