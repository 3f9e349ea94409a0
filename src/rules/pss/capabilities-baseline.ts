/*
 * pss/capabilities-baseline: the Pod Security `capabilities_baseline` check (baseline, policy
 * v1.0+). Checked field: {init,ephemeral,}containers[*].securityContext.capabilities.add
 * Passing values: the capabilities a container runtime grants by default.
 */
import { capabilitiesBaseline } from '../../pss/checks/capabilities-baseline.js';
import { definePssRule } from './_factory.js';

const DEFAULT_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

export default definePssRule({
  check: capabilitiesBaseline,
  title: { en: 'Non-default capability added', ja: '既定外のケーパビリティの追加' },
  description: {
    en: 'Baseline lets containers add only the capabilities that container runtimes grant by default (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Others, such as SYS_ADMIN or NET_ADMIN, give a process powers over the node.',
    ja: 'Baseline では、コンテナランタイムが既定で与えるケーパビリティ（AUDIT_WRITE、CHOWN、DAC_OVERRIDE、FOWNER、FSETID、KILL、MKNOD、NET_BIND_SERVICE、SETFCAP、SETGID、SETPCAP、SETUID、SYS_CHROOT）しか追加できません。SYS_ADMIN や NET_ADMIN などはノードに対する強い権限をプロセスに与えます。',
  },
  remediation: {
    en: 'Remove the other capabilities from securityContext.capabilities.add (names are exact and upper case, without the CAP_ prefix).',
    ja: 'securityContext.capabilities.add から既定外のケーパビリティを削除してください（名前は CAP_ 接頭辞なしの大文字で完全一致です）。',
  },
  container: ({ ref, container }) => {
    const field = `${ref.pointer}/securityContext/capabilities/add`;
    const index = (container.securityContext?.capabilities?.add ?? []).findIndex(
      (capability) => !DEFAULT_CAPABILITIES.includes(capability),
    );
    return index < 0 ? field : `${field}/${index}`;
  },
});
