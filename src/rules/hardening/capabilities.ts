/*
 * Containers should drop every Linux capability and add back only what they need.
 * Checked fields: securityContext.capabilities.drop and .add of every container (no pod-level
 * field exists).
 * Passing: drop contains ALL (any case, as container runtimes accept it), and add holds only
 * capabilities in the allowedAdd option. Names are compared without case and without a CAP_
 * prefix. Added capabilities from the dangerous list are reported at high severity, other
 * unlisted ones at low severity.
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { missingSettingPointer } from '../../core/workload.js';
import { indexedItems, isWindowsPod, stringListOption } from './_shared.js';

type MessageId = 'missingDropAll' | 'addsDangerous' | 'addsCapability';

interface Options {
  /** Capabilities that may be added without a finding. */
  allowedAdd: string[];
}

/** Capabilities that open a path to the node or to other workloads. */
const DANGEROUS = new Set([
  'ALL',
  'BPF',
  'DAC_READ_SEARCH',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_RAW',
  'PERFMON',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_TIME',
]);

/** `cap_sys_admin` → `SYS_ADMIN`. */
function normalize(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'hardening/capabilities',
    title: {
      en: 'Linux capabilities not minimised',
      ja: 'Linux ケーパビリティが最小化されていない',
    },
    description: {
      en: 'Container runtimes grant a default set of capabilities (on many, including NET_RAW, which allows spoofed packets) unless the container drops them. Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or BPF give a compromised process the means to escape to the node or attack its neighbours.',
      ja: 'コンテナが明示的に削除しない限り、コンテナランタイムは既定のケーパビリティ一式を付与します（多くのランタイムでは偽装パケットを送れる NET_RAW も含まれます）。SYS_ADMIN、NET_ADMIN、SYS_PTRACE、SYS_MODULE、BPF などのケーパビリティは、侵害されたプロセスにノードへの脱出や他のワークロードへの攻撃の手段を与えます。',
    },
    remediation: {
      en: 'Set securityContext.capabilities.drop: ["ALL"] on every container and add back only the capabilities the process really needs (typically none, or NET_BIND_SERVICE to bind ports below 1024).',
      ja: 'すべてのコンテナで securityContext.capabilities.drop: ["ALL"] を設定し、プロセスが本当に必要とするケーパビリティだけを add で戻してください（通常は不要で、1024 未満のポートを使う場合の NET_BIND_SERVICE 程度です）。',
    },
    severity: 'high',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
    ],
    standards: [
      { framework: 'hardening', control: 'capabilities' },
      { framework: 'pss', control: 'baseline' },
      { framework: 'pss', control: 'restricted' },
      { framework: 'nsa', control: 'pod-security' },
    ],
    messages: {
      missingDropAll: {
        en: 'Container "{{container}}" does not drop all capabilities (capabilities.drop lacks ALL).',
        ja: 'コンテナ "{{container}}" がすべてのケーパビリティを削除していません（capabilities.drop に ALL がありません）。',
      },
      addsDangerous: {
        en: 'Container "{{container}}" adds the dangerous capability {{capability}}.',
        ja: 'コンテナ "{{container}}" が危険なケーパビリティ {{capability}} を追加しています。',
      },
      addsCapability: {
        en: 'Container "{{container}}" adds the capability {{capability}}, which is not in the allowed list.',
        ja: 'コンテナ "{{container}}" が許可リストにないケーパビリティ {{capability}} を追加しています。',
      },
    },
    messageSeverities: { missingDropAll: 'medium', addsCapability: 'low' },
    defaultOptions: { allowedAdd: ['NET_BIND_SERVICE'] },
    validateOptions(options) {
      const problems: string[] = [];
      stringListOption(options, 'allowedAdd', problems);
      return problems;
    },
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    const allowed = new Set(context.options.allowedAdd.map(normalize));
    for (const ref of workload.containers) {
      const capabilities = ref.container.securityContext?.capabilities;
      const base = `${ref.pointer}/securityContext/capabilities`;
      const drops = indexedItems(capabilities?.drop).map(([name]) => normalize(name));
      if (!drops.includes('ALL')) {
        context.report({
          messageId: 'missingDropAll',
          data: { container: ref.name },
          pointer:
            capabilities === undefined
              ? missingSettingPointer(ref)
              : capabilities.drop === undefined
                ? base
                : `${base}/drop`,
          container: ref.name,
        });
      }
      for (const [raw, index] of indexedItems(capabilities?.add)) {
        const name = normalize(raw);
        if (allowed.has(name)) {
          continue;
        }
        context.report({
          messageId: DANGEROUS.has(name) ? 'addsDangerous' : 'addsCapability',
          data: { container: ref.name, capability: raw },
          pointer: `${base}/add/${index}`,
          container: ref.name,
        });
      }
    }
  },
});
