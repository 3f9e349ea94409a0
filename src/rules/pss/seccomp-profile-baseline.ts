/*
 * pss/seccomp-profile-baseline: the Pod Security `seccompProfile_baseline` check (baseline).
 * Policy v1.0 to v1.18 read the alpha annotations seccomp.security.alpha.kubernetes.io/pod and
 * container.seccomp.security.alpha.kubernetes.io/<container>; v1.19+ read the fields
 * spec.securityContext.seccompProfile.type and
 * {init,ephemeral,}containers[*].securityContext.seccompProfile.type (RuntimeDefault or
 * Localhost, when set). At restricted v1.19+ pss/seccomp-profile-restricted replaces it.
 */
import { seccompProfileBaseline } from '../../pss/checks/seccomp-profile-baseline.js';
import { annotationPointer, definePssRule } from './_factory.js';

/** The first policy version that reads the fields instead of the annotations. */
const FIELDS_MINOR = 19;

export default definePssRule({
  check: seccompProfileBaseline,
  title: { en: 'Seccomp disabled', ja: 'seccomp の無効化' },
  description: {
    en: 'Baseline forbids turning seccomp off: a seccompProfile of the pod or of a container, when set, must have type RuntimeDefault or Localhost (Unconfined fails). Policy versions before v1.19 check the alpha seccomp annotations instead.',
    ja: 'Baseline は seccomp の無効化を禁止します。Pod やコンテナに seccompProfile を指定する場合、type は RuntimeDefault か Localhost でなければなりません（Unconfined は不可）。v1.19 より前のポリシーバージョンでは代わりにアルファ版の seccomp 注釈を確認します。',
  },
  remediation: {
    en: 'Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a profile), or remove the Unconfined setting.',
    ja: 'securityContext.seccompProfile.type を RuntimeDefault（またはプロファイルを指定した Localhost）にするか、Unconfined の指定を削除してください。',
  },
  pod: ({ workload, minor }) =>
    minor < FIELDS_MINOR
      ? annotationPointer(workload, 'seccomp.security.alpha.kubernetes.io/pod')
      : `${workload.specPointer}/securityContext/seccompProfile/type`,
  container: ({ workload, ref, container, minor }) =>
    minor < FIELDS_MINOR
      ? annotationPointer(
          workload,
          `container.seccomp.security.alpha.kubernetes.io/${container.name ?? ''}`,
        )
      : `${ref.pointer}/securityContext/seccompProfile/type`,
});
