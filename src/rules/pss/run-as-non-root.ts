/*
 * pss/run-as-non-root: the Pod Security `runAsNonRoot` check (restricted, policy v1.0+; from
 * v1.35 pods with spec.hostUsers: false pass).
 * Checked fields: spec.securityContext.runAsNonRoot and
 * {init,ephemeral,}containers[*].securityContext.runAsNonRoot
 * Passing: true on the pod (containers may leave it unset) or on every container; never false.
 */
import { runAsNonRoot } from '../../pss/checks/run-as-non-root.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: runAsNonRoot,
  title: { en: 'May run as root', ja: 'root として実行される可能性' },
  description: {
    en: 'Restricted requires runAsNonRoot: true, on the pod or on every container, so that the kubelet refuses to start a container whose user is root.',
    ja: 'Restricted は Pod またはすべてのコンテナで runAsNonRoot: true を求めます。これにより、root ユーザーで動くコンテナの起動を kubelet が拒否します。',
  },
  remediation: {
    en: 'Set spec.securityContext.runAsNonRoot: true (and a non-zero runAsUser if the image runs as root by default); remove runAsNonRoot: false from containers.',
    ja: 'spec.securityContext.runAsNonRoot: true を設定し（イメージが既定で root として動く場合は 0 以外の runAsUser も）、コンテナの runAsNonRoot: false を削除してください。',
  },
  pod: ({ workload }) => `${workload.specPointer}/securityContext/runAsNonRoot`,
  container: ({ ref }) => `${ref.pointer}/securityContext/runAsNonRoot`,
});
