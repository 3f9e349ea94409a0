/*
 * Even read-only, some node paths give a container what it should never see: the credentials of
 * the node and of the other pods on it, or the node's processes, kernel and system files.
 * Checked: volumeMounts with readOnly: true of hostPath volumes. A mount is reported when its node
 * path is a sensitive path, lies under one whose whole tree is sensitive (/var/lib/kubelet,
 * /etc/kubernetes, /proc...), or is a directory that contains one (/etc, /var/lib).
 * Not reported here: writable mounts (workload/writable-host-path) and paths that are or contain
 * a container runtime socket (workload/container-runtime-socket), so that no mount is reported
 * twice; paths under an entry of allowedPaths.
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

type MessageId = 'credentials' | 'system';

interface Options {
  /** Node paths (and everything under them) that may be mounted read-only. */
  allowedPaths: string[];
}

interface SensitivePath {
  path: string;
  /** Whether everything under the path is sensitive too, or only the directory itself. */
  tree: boolean;
  kind: MessageId;
}

/** Sensitive node paths, most sensitive first: the first that applies names the finding. */
const SENSITIVE: readonly SensitivePath[] = [
  // Credentials of the node, the cluster and the pods on the node.
  { path: '/var/lib/kubelet', tree: true, kind: 'credentials' },
  { path: '/etc/kubernetes', tree: true, kind: 'credentials' },
  { path: '/var/lib/etcd', tree: true, kind: 'credentials' },
  { path: '/etc/rancher', tree: true, kind: 'credentials' },
  { path: '/var/lib/rancher/k3s', tree: true, kind: 'credentials' },
  { path: '/etc/shadow', tree: true, kind: 'credentials' },
  { path: '/etc/gshadow', tree: true, kind: 'credentials' },
  { path: '/etc/ssh', tree: true, kind: 'credentials' },
  { path: '/root', tree: true, kind: 'credentials' },
  { path: '/home', tree: true, kind: 'credentials' },
  // The node's processes, kernel, devices, programs and container storage.
  { path: '/proc', tree: true, kind: 'system' },
  { path: '/sys/kernel', tree: true, kind: 'system' },
  { path: '/boot', tree: true, kind: 'system' },
  { path: '/var/lib/docker', tree: true, kind: 'system' },
  { path: '/var/lib/containerd', tree: true, kind: 'system' },
  { path: '/var/lib/containers', tree: true, kind: 'system' },
  { path: '/sys', tree: false, kind: 'system' },
  { path: '/dev', tree: false, kind: 'system' },
  { path: '/etc', tree: false, kind: 'system' },
  { path: '/usr', tree: false, kind: 'system' },
  { path: '/lib', tree: false, kind: 'system' },
  { path: '/lib64', tree: false, kind: 'system' },
  { path: '/bin', tree: false, kind: 'system' },
  { path: '/sbin', tree: false, kind: 'system' },
];

/**
 * The sensitive path a node path exposes. Paths it equals or lies under (for trees) come before
 * paths it contains, and credentials before system paths: `/etc` names `/etc/kubernetes`, `/sys`
 * names itself rather than `/sys/kernel`.
 */
function sensitivePathOf(path: string): SensitivePath | undefined {
  const direct = SENSITIVE.filter((entry) =>
    entry.tree ? isWithin(path, entry.path) : path === entry.path,
  );
  const contained = SENSITIVE.filter((entry) => entry.path !== path && isWithin(entry.path, path));
  const credentials = (entry: SensitivePath): boolean => entry.kind === 'credentials';
  return direct.find(credentials) ?? contained.find(credentials) ?? direct[0] ?? contained[0];
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'workload/sensitive-host-path',
    title: {
      en: 'Sensitive host path mounted read-only',
      ja: '機密性の高いホストパスの読み取り専用マウント',
    },
    description: {
      en: "readOnly stops a container from changing a hostPath, not from reading it. Node paths such as /var/lib/kubelet, /etc/kubernetes or /etc hold the kubelet's credentials, cluster certificates and the Secrets and service account tokens of every pod on the node; /proc, /sys, /dev and the system directories reveal the node's processes, kernel and software. A compromised container that can read them can impersonate the node or other workloads, or plan an escape.",
      ja: 'readOnly はコンテナが hostPath を変更するのを防ぐだけで、読み取りは防ぎません。/var/lib/kubelet、/etc/kubernetes、/etc などのノードのパスには、kubelet の認証情報、クラスターの証明書、ノード上のすべての Pod の Secret やサービスアカウントトークンが置かれています。/proc、/sys、/dev やシステムディレクトリからは、ノードのプロセス、カーネル、ソフトウェアの情報が分かります。これらを読める侵害されたコンテナは、ノードや他のワークロードになりすましたり、脱出の準備をしたりできます。',
    },
    remediation: {
      en: 'Mount only what the workload needs: a narrower path (one log directory instead of /var, a single file instead of /etc), or none at all, using the Kubernetes API, the kubelet metrics endpoints or a projected volume instead. Node agents that truly need such a path belong in a dedicated, tightly controlled namespace; list the path in allowedPaths for them.',
      ja: 'ワークロードに必要なものだけをマウントしてください。より狭いパス（/var ではなく特定のログディレクトリ、/etc ではなく単一のファイル）にするか、Kubernetes API、kubelet のメトリクスエンドポイント、projected ボリュームを使ってマウントをなくします。本当にそのパスが必要なノードエージェントは、厳しく管理された専用の名前空間に置き、そのパスを allowedPaths に記載してください。',
    },
    severity: 'high',
    ...HOST_PATH_RULE_META,
    messages: {
      credentials: {
        en: 'Container "{{container}}" mounts host path "{{path}}" (volume "{{volume}}") read-only, which exposes credentials the node keeps in "{{sensitive}}".',
        ja: 'コンテナ "{{container}}" がホストのパス "{{path}}" を読み取り専用でマウントしています (ボリューム "{{volume}}")。ノードが "{{sensitive}}" に保存している認証情報が読み取れます。',
      },
      system: {
        en: 'Container "{{container}}" mounts host path "{{path}}" (volume "{{volume}}") read-only, which exposes the node\'s system path "{{sensitive}}".',
        ja: 'コンテナ "{{container}}" がホストのパス "{{path}}" を読み取り専用でマウントしています (ボリューム "{{volume}}")。ノードのシステムパス "{{sensitive}}" が読み取れます。',
      },
    },
    messageSeverities: { system: 'medium' },
    defaultOptions: { allowedPaths: [] },
    validateOptions: validateAllowedPaths,
  },
  check(workload, context) {
    const allowed = context.options.allowedPaths.map(normalisePath);
    for (const mount of hostPathMounts(workload)) {
      if (
        mount.mount.readOnly !== true ||
        runtimeExposure(mount.path) !== undefined ||
        allowed.some((base) => isWithin(mount.path, base))
      ) {
        continue;
      }
      const sensitive = sensitivePathOf(mount.path);
      if (sensitive === undefined) {
        continue;
      }
      context.report({
        messageId: sensitive.kind,
        data: {
          container: mount.ref.name,
          path: mount.path,
          volume: mount.volume,
          sensitive: sensitive.path,
        },
        pointer: mount.pointer,
        container: mount.ref.name,
      });
    }
  },
});
