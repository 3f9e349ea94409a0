/*
 * Containers must forbid privilege escalation explicitly.
 * Checked field: securityContext.allowPrivilegeEscalation of every container (no pod-level field).
 * Passing: false. Unset behaves as true (and a privileged container or one with CAP_SYS_ADMIN
 * always escalates), so it fails too.
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { missingSettingPointer } from '../../core/workload.js';
import { isWindowsPod } from './_shared.js';

type MessageId = 'allowed' | 'notSet';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/allow-privilege-escalation',
    title: { en: 'Privilege escalation allowed', ja: '特権昇格が許可されている' },
    description: {
      en: 'Unless allowPrivilegeEscalation is false, the kernel lets a process gain more privileges than its parent, for example through setuid binaries or file capabilities. The default is to allow it, so only an explicit false closes this path.',
      ja: 'allowPrivilegeEscalation が false でない限り、カーネルは setuid バイナリやファイルケーパビリティなどを通じて、プロセスが親より多くの権限を得ることを許します。既定では許可されるため、明示的に false を指定しなければこの経路は閉じません。',
    },
    remediation: {
      en: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
      ja: 'すべてのコンテナで securityContext.allowPrivilegeEscalation: false を設定してください。',
    },
    severity: 'high',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://docs.kernel.org/userspace-api/no_new_privs.html',
    ],
    standards: [
      { framework: 'hardening', control: 'allow-privilege-escalation' },
      { framework: 'pss', control: 'restricted' },
      { framework: 'nsa', control: 'pod-security' },
    ],
    messages: {
      allowed: {
        en: 'Container "{{container}}" allows privilege escalation (allowPrivilegeEscalation: true).',
        ja: 'コンテナ "{{container}}" が特権昇格を許可しています (allowPrivilegeEscalation: true)。',
      },
      notSet: {
        en: 'Container "{{container}}" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed.',
        ja: 'コンテナ "{{container}}" は allowPrivilegeEscalation: false を指定していないため、特権昇格が許可されます。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    for (const ref of workload.containers) {
      const value = ref.container.securityContext?.allowPrivilegeEscalation;
      if (value === false) {
        continue;
      }
      context.report(
        value === true
          ? {
              messageId: 'allowed',
              data: { container: ref.name },
              pointer: `${ref.pointer}/securityContext/allowPrivilegeEscalation`,
              container: ref.name,
            }
          : {
              messageId: 'notSet',
              data: { container: ref.name },
              pointer: missingSettingPointer(ref),
              container: ref.name,
            },
      );
    }
  },
});
