/*
 * Privileged containers run with every capability and full access to the host's devices.
 * Checked field: {init,ephemeral,}containers[*].securityContext.privileged
 * Passing values: false, or unset.
 */
import { defineWorkloadRule } from '../../core/rule.js';

export default defineWorkloadRule<'privileged'>({
  meta: {
    id: 'hardening/privileged',
    title: { en: 'Privileged container', ja: '特権コンテナ' },
    description: {
      en: 'A privileged container has all Linux capabilities and direct access to host devices; escaping to the node is trivial.',
      ja: '特権コンテナはすべての Linux ケーパビリティとホストデバイスへの直接アクセスを持ち、ノードへの脱出が容易です。',
    },
    remediation: {
      en: 'Remove securityContext.privileged or set it to false; grant only the specific capabilities the process needs.',
      ja: 'securityContext.privileged を削除するか false にし、プロセスに必要なケーパビリティだけを個別に付与してください。',
    },
    severity: 'critical',
    category: 'hardening',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    standards: [
      { framework: 'hardening', control: 'privileged' },
      { framework: 'pss', control: 'baseline' },
      { framework: 'nsa', control: 'pod-security' },
    ],
    messages: {
      privileged: {
        en: 'Container "{{container}}" runs privileged (securityContext.privileged: true).',
        ja: 'コンテナ "{{container}}" が特権モードで動作します (securityContext.privileged: true)。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    for (const ref of workload.containers) {
      if (ref.container.securityContext?.privileged === true) {
        context.report({
          messageId: 'privileged',
          data: { container: ref.name },
          pointer: `${ref.pointer}/securityContext/privileged`,
          container: ref.name,
        });
      }
    }
  },
});
