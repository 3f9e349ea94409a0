/*
 * pss/seccomp-profile-restricted: the Pod Security `seccompProfile_restricted` check
 * (restricted, policy v1.19+; windows pods exempt from v1.25). It replaces
 * pss/seccomp-profile-baseline at the restricted level; what that rule reports is not reported
 * again here.
 * Checked fields: spec.securityContext.seccompProfile.type and
 * {init,ephemeral,}containers[*].securityContext.seccompProfile.type
 * Passing: RuntimeDefault or Localhost on the pod (containers may leave it unset) or on every
 * container.
 */
import { seccompProfileRestricted } from '../../pss/checks/seccomp-profile-restricted.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: seccompProfileRestricted,
  title: { en: 'Seccomp profile not set', ja: 'seccomp プロファイルが未設定' },
  description: {
    en: 'Restricted requires a seccomp profile: seccompProfile.type must be RuntimeDefault or Localhost, on the pod or on every container. Without one, containers may run with seccomp off.',
    ja: 'Restricted は seccomp プロファイルの指定を求めます。Pod またはすべてのコンテナで seccompProfile.type を RuntimeDefault か Localhost にする必要があります。指定がないと seccomp なしで動く場合があります。',
  },
  remediation: {
    en: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault (or Localhost with a profile).',
    ja: 'spec.securityContext.seccompProfile.type: RuntimeDefault（またはプロファイルを指定した Localhost）を設定してください。',
  },
  pod: ({ workload }) => `${workload.specPointer}/securityContext/seccompProfile/type`,
  container: ({ ref }) => `${ref.pointer}/securityContext/seccompProfile/type`,
});
