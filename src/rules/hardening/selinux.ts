/*
 * Pods and containers must not choose custom SELinux users, roles or types.
 * Checked fields: spec.securityContext.seLinuxOptions and each container's
 * securityContext.seLinuxOptions (user, role, type; level is free).
 * Passing: user and role empty; type empty or one of the allowedTypes option (by default the
 * container types the Pod Security Standards allow).
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import type { SELinuxOptions } from '../../core/k8s.js';
import { defineWorkloadRule, type RuleContext } from '../../core/rule.js';
import { isWindowsPod, stringListOption } from './_shared.js';

type MessageId =
  'podUser' | 'podRole' | 'podType' | 'containerUser' | 'containerRole' | 'containerType';

interface Options {
  /** SELinux types a pod or container may request. */
  allowedTypes: string[];
}

const POD_MESSAGES = { user: 'podUser', role: 'podRole', type: 'podType' } as const;
const CONTAINER_MESSAGES = {
  user: 'containerUser',
  role: 'containerRole',
  type: 'containerType',
} as const;

/** Reports the forbidden parts of one seLinuxOptions, of the pod or of a container. */
function checkOptions(
  options: SELinuxOptions,
  pointer: string,
  container: string | undefined,
  context: RuleContext<MessageId, Options>,
): void {
  const report = (field: 'user' | 'role' | 'type', value: string): void => {
    const base = { pointer: `${pointer}/${field}` };
    if (container === undefined) {
      context.report({ ...base, messageId: POD_MESSAGES[field], data: { [field]: value } });
    } else {
      context.report({
        ...base,
        messageId: CONTAINER_MESSAGES[field],
        data: { container, [field]: value },
        container,
      });
    }
  };
  if (options.user !== undefined && options.user !== '') {
    report('user', options.user);
  }
  if (options.role !== undefined && options.role !== '') {
    report('role', options.role);
  }
  if (
    options.type !== undefined &&
    options.type !== '' &&
    !context.options.allowedTypes.includes(options.type)
  ) {
    report('type', options.type);
  }
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'hardening/selinux',
    title: { en: 'Custom SELinux options', ja: 'カスタムの SELinux オプション' },
    description: {
      en: "On SELinux nodes the runtime gives every container a confined type such as container_t. A custom user or role, or a type like spc_t or unconfined_t, lifts that confinement and can give the process the host's access to files and devices.",
      ja: 'SELinux が有効なノードでは、ランタイムが各コンテナに container_t などの制限されたタイプを割り当てます。独自の user や role、あるいは spc_t や unconfined_t のようなタイプを指定するとこの制限が外れ、プロセスがホストと同等にファイルやデバイスへアクセスできるようになる場合があります。',
    },
    remediation: {
      en: 'Remove seLinuxOptions.user, .role and any custom .type from the pod and its containers; set only level (the MCS categories) if you need to share volumes between pods.',
      ja: 'Pod とコンテナの seLinuxOptions から user、role、独自の type を削除してください。Pod 間でボリュームを共有する必要がある場合は level（MCS カテゴリ）だけを指定してください。',
    },
    severity: 'medium',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container',
    ],
    standards: [
      { framework: 'hardening', control: 'selinux' },
      { framework: 'pss', control: 'baseline' },
      { framework: 'nsa', control: 'container-environment-hardening' },
    ],
    messages: {
      podUser: {
        en: 'The pod sets the custom SELinux user "{{user}}".',
        ja: 'Pod が独自の SELinux ユーザー "{{user}}" を指定しています。',
      },
      podRole: {
        en: 'The pod sets the custom SELinux role "{{role}}".',
        ja: 'Pod が独自の SELinux ロール "{{role}}" を指定しています。',
      },
      podType: {
        en: 'The pod sets the SELinux type "{{type}}", which is not an allowed container type.',
        ja: 'Pod が許可されたコンテナ用タイプではない SELinux タイプ "{{type}}" を指定しています。',
      },
      containerUser: {
        en: 'Container "{{container}}" sets the custom SELinux user "{{user}}".',
        ja: 'コンテナ "{{container}}" が独自の SELinux ユーザー "{{user}}" を指定しています。',
      },
      containerRole: {
        en: 'Container "{{container}}" sets the custom SELinux role "{{role}}".',
        ja: 'コンテナ "{{container}}" が独自の SELinux ロール "{{role}}" を指定しています。',
      },
      containerType: {
        en: 'Container "{{container}}" sets the SELinux type "{{type}}", which is not an allowed container type.',
        ja: 'コンテナ "{{container}}" が許可されたコンテナ用タイプではない SELinux タイプ "{{type}}" を指定しています。',
      },
    },
    defaultOptions: {
      allowedTypes: ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'],
    },
    validateOptions(options) {
      const problems: string[] = [];
      stringListOption(options, 'allowedTypes', problems);
      return problems;
    },
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    const podOptions = workload.podSpec.securityContext?.seLinuxOptions;
    if (podOptions !== undefined) {
      checkOptions(
        podOptions,
        `${workload.specPointer}/securityContext/seLinuxOptions`,
        undefined,
        context,
      );
    }
    for (const ref of workload.containers) {
      const own = ref.container.securityContext?.seLinuxOptions;
      if (own !== undefined) {
        checkOptions(own, `${ref.pointer}/securityContext/seLinuxOptions`, ref.name, context);
      }
    }
  },
});
