/*
 * pss/allow-privilege-escalation: the Pod Security `allowPrivilegeEscalation` check
 * (restricted, policy v1.8+; pods with spec.os.name=windows are exempt from v1.25).
 * Checked field: {init,ephemeral,}containers[*].securityContext.allowPrivilegeEscalation
 * Passing value: false, set explicitly.
 */
import { allowPrivilegeEscalation } from '../../pss/checks/allow-privilege-escalation.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: allowPrivilegeEscalation,
  title: { en: 'Privilege escalation allowed', ja: '権限昇格の許可' },
  description: {
    en: 'Restricted requires every container to set securityContext.allowPrivilegeEscalation to false, so that setuid binaries and file capabilities cannot give a process more privileges than its parent.',
    ja: 'Restricted はすべてのコンテナで securityContext.allowPrivilegeEscalation を false にすることを求めます。これにより setuid バイナリやファイルケーパビリティで親プロセスより強い権限を得ることを防ぎます。',
  },
  remediation: {
    en: 'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container.',
    ja: 'すべてのコンテナ、init コンテナ、エフェメラルコンテナに securityContext.allowPrivilegeEscalation: false を設定してください。',
  },
  container: ({ ref }) => `${ref.pointer}/securityContext/allowPrivilegeEscalation`,
});
