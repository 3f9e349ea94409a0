/*
 * Containers must not run as the root user.
 * Checked fields: securityContext.runAsUser and securityContext.runAsNonRoot, on the container or
 * inherited from the pod (the container's own value wins).
 * Passing: effective runAsUser > 0, or (runAsUser unset and) effective runAsNonRoot: true.
 * runAsUser: 0 fails even with runAsNonRoot: true (the kubelet would refuse to start it).
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { effectiveSetting, missingSettingPointer } from '../../core/workload.js';
import { isWindowsPod } from './_shared.js';

type MessageId = 'rootUser' | 'rootAllowed' | 'notSet';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/run-as-non-root',
    title: { en: 'Container may run as root', ja: 'root で動作しうるコンテナ' },
    description: {
      en: 'A process running as UID 0 owns every root-owned file in the image and keeps full power over anything it can reach; several container escapes only work for root. Kubernetes runs the image as whatever user it declares, which is often root, unless the manifest says otherwise.',
      ja: 'UID 0 で動作するプロセスはイメージ内の root 所有ファイルをすべて操作でき、到達できるものに対して強い権限を持ちます。root でなければ成立しないコンテナ脱出の脆弱性もあります。マニフェストで指定しない限り、Kubernetes はイメージが宣言するユーザー（多くは root）で実行します。',
    },
    remediation: {
      en: 'Set securityContext.runAsNonRoot: true and a non-zero runAsUser (on the pod to cover every container, or per container), and build the image with a matching non-root USER.',
      ja: 'securityContext.runAsNonRoot: true と 0 以外の runAsUser を設定してください（Pod レベルなら全コンテナに適用されます）。イメージ側も同じ非 root ユーザーを USER で指定してビルドしてください。',
    },
    severity: 'high',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    ],
    standards: [
      { framework: 'hardening', control: 'run-as-non-root' },
      { framework: 'pss', control: 'restricted' },
      { framework: 'nsa', control: 'non-root-containers' },
    ],
    messages: {
      rootUser: {
        en: 'Container "{{container}}" runs as root (runAsUser: 0).',
        ja: 'コンテナ "{{container}}" が root (runAsUser: 0) で動作します。',
      },
      rootAllowed: {
        en: 'Container "{{container}}" may run as root: runAsNonRoot is false and no non-zero runAsUser is set.',
        ja: 'コンテナ "{{container}}" は root で動作する可能性があります。runAsNonRoot が false で、0 以外の runAsUser も指定されていません。',
      },
      notSet: {
        en: 'Container "{{container}}" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set.',
        ja: 'コンテナ "{{container}}" は root で動作する可能性があります。runAsNonRoot: true も 0 以外の runAsUser も指定されていません。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    for (const ref of workload.containers) {
      const data = { container: ref.name };
      const user = effectiveSetting(workload, ref, 'runAsUser');
      if (user !== undefined && user.value === 0) {
        context.report({ messageId: 'rootUser', data, pointer: user.pointer, container: ref.name });
        continue;
      }
      if (user !== undefined && user.value > 0) {
        continue;
      }
      const nonRoot = effectiveSetting(workload, ref, 'runAsNonRoot');
      if (nonRoot?.value === true) {
        continue;
      }
      context.report(
        nonRoot === undefined
          ? { messageId: 'notSet', data, pointer: missingSettingPointer(ref), container: ref.name }
          : { messageId: 'rootAllowed', data, pointer: nonRoot.pointer, container: ref.name },
      );
    }
  },
});
