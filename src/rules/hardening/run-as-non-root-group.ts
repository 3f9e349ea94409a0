/*
 * Containers must not run with the root group (GID 0) as primary or supplementary group.
 * Checked fields: securityContext.runAsGroup (container, else inherited from the pod),
 * spec.securityContext.fsGroup and spec.securityContext.supplementalGroups.
 * Passing: effective runAsGroup > 0, fsGroup unset or non-zero, no 0 in supplementalGroups.
 * An unset runAsGroup is reported at low severity: the image decides the group then, and the
 * group of most images' users (or of an unknown UID) is root.
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { effectiveSetting, missingSettingPointer } from '../../core/workload.js';
import { indexedItems, isWindowsPod } from './_shared.js';

type MessageId = 'rootGroup' | 'groupNotSet' | 'rootFsGroup' | 'rootSupplementalGroup';

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/run-as-non-root-group',
    title: { en: 'Container may run with the root group', ja: 'root グループで動作しうるコンテナ' },
    description: {
      en: 'A process whose primary or supplementary group is GID 0 can read and write every file the image or a volume leaves group-writable for root, which is common. When runAsGroup is unset, the image decides the group, and that is usually root. fsGroup and supplementalGroups add groups to every container of the pod.',
      ja: 'プライマリまたは補助グループが GID 0 のプロセスは、イメージやボリュームで root グループに書き込みが許されたファイル（よくあります）を読み書きできます。runAsGroup を指定しないとグループはイメージ次第となり、多くの場合 root です。fsGroup と supplementalGroups は Pod 内のすべてのコンテナにグループを追加します。',
    },
    remediation: {
      en: 'Set securityContext.runAsGroup to a non-zero GID (on the pod or per container), and keep 0 out of fsGroup and supplementalGroups.',
      ja: 'securityContext.runAsGroup に 0 以外の GID を設定し（Pod レベルまたはコンテナごと）、fsGroup と supplementalGroups に 0 を指定しないでください。',
    },
    severity: 'medium',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/',
    ],
    standards: [
      { framework: 'hardening', control: 'run-as-non-root-group' },
      { framework: 'nsa', control: 'non-root-containers' },
    ],
    messages: {
      rootGroup: {
        en: 'Container "{{container}}" runs with the root group (runAsGroup: 0).',
        ja: 'コンテナ "{{container}}" が root グループ (runAsGroup: 0) で動作します。',
      },
      groupNotSet: {
        en: 'Container "{{container}}" does not set runAsGroup, so the image decides its group, often root.',
        ja: 'コンテナ "{{container}}" は runAsGroup を指定していないため、グループはイメージ次第となり、多くの場合 root です。',
      },
      rootFsGroup: {
        en: 'The pod sets fsGroup: 0, which gives every container the root group and makes volumes group-owned by root.',
        ja: 'Pod が fsGroup: 0 を指定しています。すべてのコンテナに root グループが付与され、ボリュームも root グループの所有になります。',
      },
      rootSupplementalGroup: {
        en: 'The pod adds the root group (GID 0) to supplementalGroups.',
        ja: 'Pod が supplementalGroups に root グループ (GID 0) を追加しています。',
      },
    },
    messageSeverities: { groupNotSet: 'low' },
    defaultOptions: {},
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    for (const ref of workload.containers) {
      const data = { container: ref.name };
      const group = effectiveSetting(workload, ref, 'runAsGroup');
      if (group === undefined) {
        context.report({
          messageId: 'groupNotSet',
          data,
          pointer: missingSettingPointer(ref),
          container: ref.name,
        });
      } else if (group.value === 0) {
        context.report({
          messageId: 'rootGroup',
          data,
          pointer: group.pointer,
          container: ref.name,
        });
      }
    }
    const podContext = workload.podSpec.securityContext;
    const podPointer = `${workload.specPointer}/securityContext`;
    if (podContext?.fsGroup === 0) {
      context.report({ messageId: 'rootFsGroup', pointer: `${podPointer}/fsGroup` });
    }
    for (const [gid, index] of indexedItems(podContext?.supplementalGroups)) {
      if (gid === 0) {
        context.report({
          messageId: 'rootSupplementalGroup',
          pointer: `${podPointer}/supplementalGroups/${index}`,
        });
      }
    }
  },
});
