/*
 * Volume mounts should not propagate mounts back to the host.
 * Checked field: volumeMounts[*].mountPropagation of every container (init, regular and
 * ephemeral). Reported: Bidirectional, with one of two messages: in a privileged container, mounts
 * made inside the container propagate to the host; in any other container the API server rejects
 * the pod (Bidirectional is only valid for privileged containers). HostToContainer and None pass.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { indexedItems } from '../hardening/_shared.js';

type MessageId = 'bidirectional' | 'bidirectionalRejected';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'workload/mount-propagation',
    title: { en: 'Bidirectional mount propagation', ja: '双方向のマウント伝播' },
    description: {
      en: "With mountPropagation: Bidirectional, every mount the container makes under the volume's path is also made on the node and seen by every other pod that mounts the same host directory. A compromised container can then hide or replace host files and other pods' volumes by mounting over them, and mounts it leaves behind survive the pod. Kubernetes accepts it only for privileged containers.",
      ja: 'mountPropagation: Bidirectional を指定すると、コンテナがボリュームのパス配下で行ったマウントはノード上でも行われ、同じホストのディレクトリをマウントする他のすべての Pod からも見えます。侵害されたコンテナは、上からマウントすることでホストのファイルや他の Pod のボリュームを隠したり差し替えたりでき、残されたマウントは Pod の終了後も残ります。Kubernetes はこれを特権コンテナにのみ許可しています。',
    },
    remediation: {
      en: 'Remove mountPropagation or set it to HostToContainer, which still lets the container see mounts made on the host. Keep Bidirectional only for the node components that must publish mounts to the kubelet (CSI node plugins, for example), and suppress the finding there with a reason.',
      ja: 'mountPropagation を削除するか HostToContainer にしてください。HostToContainer でも、ホスト側で行われたマウントはコンテナから見えます。Bidirectional は、マウントを kubelet に公開する必要のあるノードコンポーネント（CSI のノードプラグインなど）に限り、そこでは理由を付けて抑制してください。',
    },
    severity: 'medium',
    category: 'workload',
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation',
      'https://kubernetes-csi.github.io/docs/deploying.html',
    ],
    standards: [{ framework: 'nsa', control: 'pod-security' }],
    messages: {
      bidirectional: {
        en: 'Container "{{container}}" mounts volume "{{volume}}" at {{path}} with Bidirectional propagation, so mounts it makes there appear on the node.',
        ja: 'コンテナ "{{container}}" はボリューム "{{volume}}" を {{path}} に Bidirectional の伝播でマウントしており、そこで行ったマウントがノードにも現れます。',
      },
      bidirectionalRejected: {
        en: 'Container "{{container}}" mounts volume "{{volume}}" at {{path}} with Bidirectional propagation but is not privileged, so the API server rejects the pod.',
        ja: 'コンテナ "{{container}}" はボリューム "{{volume}}" を {{path}} に Bidirectional の伝播でマウントしていますが、特権コンテナではないため、API サーバーは Pod を拒否します。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    for (const ref of workload.containers) {
      const privileged = ref.container.securityContext?.privileged === true;
      for (const [mount, index] of indexedItems(ref.container.volumeMounts)) {
        if (mount.mountPropagation !== 'Bidirectional') {
          continue;
        }
        context.report({
          messageId: privileged ? 'bidirectional' : 'bidirectionalRejected',
          data: {
            container: ref.name,
            volume: mount.name ?? '?',
            path: mount.mountPath ?? '?',
          },
          pointer: `${ref.pointer}/volumeMounts/${index}/mountPropagation`,
          container: ref.name,
        });
      }
    }
  },
});
