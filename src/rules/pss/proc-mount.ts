/*
 * pss/proc-mount: the Pod Security `procMount` check (baseline, policy v1.0+; from v1.35 pods
 * with spec.hostUsers: false pass). At restricted v1.35+ pss/proc-mount-restricted replaces it.
 * Checked field: {init,ephemeral,}containers[*].securityContext.procMount
 * Passing values: Default, or unset.
 */
import { procMount } from '../../pss/checks/proc-mount.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: procMount,
  title: { en: 'Unmasked /proc', ja: 'マスクされない /proc' },
  description: {
    en: 'Baseline requires the default /proc mount type: an Unmasked /proc exposes kernel interfaces that the container runtime normally hides or makes read-only.',
    ja: 'Baseline は既定の /proc マウントを求めます。Unmasked の /proc は、コンテナランタイムが通常は隠すか読み取り専用にするカーネルのインターフェースを公開します。',
  },
  remediation: {
    en: 'Remove securityContext.procMount or set it to Default.',
    ja: 'securityContext.procMount を削除するか Default にしてください。',
  },
  container: ({ ref }) => `${ref.pointer}/securityContext/procMount`,
});
