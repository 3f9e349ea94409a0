/*
 * Roles should not let their subjects create pods or the workloads that create pods.
 * Checked: every rule of a Role or ClusterRole that grants one of the `verbs` option (default:
 * create) on pods or replicationcontrollers (core), deployments, daemonsets, statefulsets or
 * replicasets (apps), jobs or cronjobs (batch). A create limited by resourceNames grants nothing
 * (a new object has no name when it is authorized); other verbs limited by names are reported.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import {
  describeObject,
  formatProbes,
  inspectedRules,
  isFullWildcard,
  matchProbes,
  validateIncludeSystemRoles,
  validateStringList,
  workloadProbes,
} from './_rbac.js';

type MessageId = 'createWorkloads';

interface Options {
  includeSystemRoles: boolean;
  /** Verbs that count: create by default; add update and patch to include template changes. */
  verbs: string[];
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/create-workloads',
    title: {
      en: 'Permission to create pods or workloads',
      ja: 'Pod またはワークロードの作成権限',
    },
    description: {
      en: 'Whoever can create a pod, directly or through a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or ReplicationController, chooses what it runs and as which service account, and can mount any Secret or ConfigMap of the namespace. They gain the permissions of every service account there, and on nodes without a restrictive Pod Security level they can take over the node.',
      ja: 'Pod を直接、あるいは Deployment、DaemonSet、StatefulSet、ReplicaSet、Job、CronJob、ReplicationController を通じて作成できる者は、何をどのサービスアカウントで実行するかを自由に選べ、名前空間内の任意の Secret や ConfigMap をマウントできます。その名前空間のすべてのサービスアカウントの権限を得ることになり、制限の強い Pod Security レベルが適用されていなければノードを乗っ取ることもできます。',
    },
    remediation: {
      en: 'Grant create on pods and workload resources only to deployment pipelines and controllers that need it, in a Role limited to their namespace, and enforce the restricted Pod Security level there. Give people read access and let changes flow through the pipeline.',
      ja: 'Pod やワークロードリソースの create は、それを必要とするデプロイパイプラインやコントローラーにだけ、対象の名前空間に限定した Role で付与し、その名前空間では restricted の Pod Security レベルを適用してください。人には読み取り権限を与え、変更はパイプラインを通して行うようにしてください。',
    },
    severity: 'medium',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      createWorkloads: {
        en: "Rule {{rule}} of {{role}} allows running pods of the subject's choosing ({{permissions}}).",
        ja: '{{role}} のルール {{rule}} が任意の Pod の実行を許可しています（{{permissions}}）。',
      },
    },
    defaultOptions: { includeSystemRoles: false, verbs: ['create'] },
    validateOptions(options) {
      return [...validateIncludeSystemRoles(options), ...validateStringList(options, 'verbs')];
    },
  },
  check(resource, context) {
    const probes = workloadProbes(context.options.verbs);
    for (const rule of inspectedRules(resource, context.options.includeSystemRoles)) {
      const matched = isFullWildcard(rule) ? undefined : matchProbes(rule, probes);
      if (matched === undefined) {
        continue;
      }
      context.report({
        messageId: 'createWorkloads',
        data: {
          role: describeObject(resource),
          rule: rule.index,
          permissions: formatProbes(matched.probes),
        },
        pointer: `/rules/${rule.index}`,
      });
    }
  },
});
