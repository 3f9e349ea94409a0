/*
 * Containers should run with a read-only root filesystem.
 * Checked field: securityContext.readOnlyRootFilesystem of every container (there is no
 * pod-level field, so nothing is inherited).
 * Passing: true. Unset means writable.
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { missingSettingPointer } from '../../core/workload.js';
import { isWindowsPod } from './_shared.js';

type MessageId = 'writable' | 'notSet';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/read-only-root-filesystem',
    title: { en: 'Writable root filesystem', ja: '書き込み可能なルートファイルシステム' },
    description: {
      en: 'A writable root filesystem lets an intruder drop tools, change binaries or configuration, and persist for the life of the container. Application state belongs in volumes, so the image filesystem can be read-only.',
      ja: 'ルートファイルシステムが書き込み可能だと、侵入者はツールを持ち込んだり、バイナリや設定を書き換えたりして、コンテナが動いている間居座ることができます。アプリケーションの状態はボリュームに置くべきなので、イメージのファイルシステムは読み取り専用にできます。',
    },
    remediation: {
      en: 'Set securityContext.readOnlyRootFilesystem: true on every container, and mount an emptyDir volume at each path the process must write to (for example /tmp).',
      ja: 'すべてのコンテナで securityContext.readOnlyRootFilesystem: true を設定し、プロセスが書き込む必要のあるパス（/tmp など）には emptyDir ボリュームをマウントしてください。',
    },
    severity: 'medium',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
    ],
    standards: [
      { framework: 'hardening', control: 'read-only-root-filesystem' },
      { framework: 'nsa', control: 'immutable-filesystem' },
    ],
    messages: {
      writable: {
        en: 'Container "{{container}}" has a writable root filesystem (readOnlyRootFilesystem: false).',
        ja: 'コンテナ "{{container}}" のルートファイルシステムが書き込み可能です (readOnlyRootFilesystem: false)。',
      },
      notSet: {
        en: 'Container "{{container}}" does not set readOnlyRootFilesystem: true, so its root filesystem is writable.',
        ja: 'コンテナ "{{container}}" は readOnlyRootFilesystem: true を指定していないため、ルートファイルシステムが書き込み可能です。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    for (const ref of workload.containers) {
      const value = ref.container.securityContext?.readOnlyRootFilesystem;
      if (value === true) {
        continue;
      }
      context.report(
        value === false
          ? {
              messageId: 'writable',
              data: { container: ref.name },
              pointer: `${ref.pointer}/securityContext/readOnlyRootFilesystem`,
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
