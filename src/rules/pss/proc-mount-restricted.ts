/*
 * pss/proc-mount-restricted: the Pod Security `procMount_restricted` check (restricted, policy
 * v1.35+). Unlike pss/proc-mount, it applies to pods with spec.hostUsers: false too; what
 * pss/proc-mount reports is not reported again here.
 * Checked field: {init,ephemeral,}containers[*].securityContext.procMount
 * Passing values: Default, or unset.
 */
import { procMountRestricted } from '../../pss/checks/proc-mount-restricted.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: procMountRestricted,
  title: {
    en: 'Unmasked /proc in a user namespace',
    ja: 'ユーザー名前空間でのマスクされない /proc',
  },
  description: {
    en: 'Restricted (from policy version v1.35) requires the default /proc mount type even in pods that run in a user namespace (spec.hostUsers: false), which baseline lets use an Unmasked /proc.',
    ja: 'Restricted（ポリシーバージョン v1.35 以降）は、ユーザー名前空間で動く Pod（spec.hostUsers: false）でも既定の /proc マウントを求めます。Baseline ではこうした Pod に Unmasked の /proc が許されます。',
  },
  remediation: {
    en: 'Remove securityContext.procMount or set it to Default.',
    ja: 'securityContext.procMount を削除するか Default にしてください。',
  },
  container: ({ ref }) => `${ref.pointer}/securityContext/procMount`,
});
