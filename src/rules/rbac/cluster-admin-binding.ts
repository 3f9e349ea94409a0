/*
 * cluster-admin, or a role that grants as much, should not be bound to anyone but Kubernetes' own
 * components.
 * Checked: every subject of a ClusterRoleBinding or RoleBinding whose role is the ClusterRole
 * cluster-admin (by name when it is not in the input) or a role in the input whose effective
 * rules (aggregation expanded) include "*" in apiGroups, resources and verbs.
 * Subjects skipped: Kubernetes' own identities (user and group names starting with system:, other
 * than service accounts), the public groups (reported by rbac/anonymous-binding), and those in
 * the allowedSubjects option. A ClusterRoleBinding is critical; a RoleBinding, which grants full
 * control of its namespace only, is high.
 */
import { defineResourceRule } from '../../core/rule.js';
import { audienceOf, boundRole, matchesPattern, roleGrant, subjectsOf } from './_bindings.js';
import { describeObject, validateStringList } from './_rbac.js';

type MessageId = 'clusterAdmin' | 'clusterAdminInNamespace';

interface Options {
  /** User and group names (service accounts as system:serviceaccount:<ns>:<name>), `*` suffix. */
  allowedSubjects: string[];
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  meta: {
    id: 'rbac/cluster-admin-binding',
    title: {
      en: 'cluster-admin bound to a user or workload',
      ja: 'ユーザーやワークロードへの cluster-admin のバインド',
    },
    description: {
      en: 'cluster-admin allows every action on every resource. Bound to a person, it turns one stolen credential into control of the whole cluster; bound to a service account, it does the same for any compromise of the pods that use it. Roles that grant "*" on everything are the same thing under another name.',
      ja: 'cluster-admin はすべてのリソースに対するすべての操作を許可します。人に付与すれば認証情報が 1 つ盗まれただけでクラスター全体が奪われ、サービスアカウントに付与すればそれを使う Pod が侵害されただけで同じことが起こります。すべてに "*" を許可するロールは、名前が違うだけで同じものです。',
    },
    remediation: {
      en: 'Bind a role with only the permissions the subject needs, in a RoleBinding where the work is limited to one namespace. Keep full administrator access for a small break-glass group that is used rarely and audited; list deliberate exceptions in allowedSubjects.',
      ja: 'サブジェクトに必要な権限だけを持つロールをバインドし、作業が 1 つの名前空間に収まる場合は RoleBinding を使ってください。完全な管理者権限は、まれにしか使われず監査される緊急用の少人数グループに限定し、意図した例外は allowedSubjects に記載してください。',
    },
    severity: 'critical',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    indexKinds: ['Role', 'ClusterRole'],
    messages: {
      clusterAdmin: {
        en: 'Subject {{subject}} gets full control of the cluster: {{binding}} grants {{role}}, which allows {{grant}}.',
        ja: 'サブジェクト {{subject}} がクラスター全体の完全な権限を得ています。{{binding}} が {{role}} を付与しており、{{grant}} が許可されます。',
      },
      clusterAdminInNamespace: {
        en: 'Subject {{subject}} gets full control of the namespace of {{binding}}, which grants {{role}} allowing {{grant}}.',
        ja: 'サブジェクト {{subject}} が {{binding}} の名前空間の完全な権限を得ています。このバインディングは {{role}} を付与しており、{{grant}} が許可されます。',
      },
    },
    messageSeverities: { clusterAdminInNamespace: 'high' },
    defaultOptions: { allowedSubjects: [] },
    validateOptions(options) {
      return validateStringList(options, 'allowedSubjects');
    },
  },
  check(resource, context) {
    const role = boundRole(resource, context.index);
    if (role === undefined) {
      return;
    }
    const granted = roleGrant(role, context.index);
    if (granted.state !== 'full') {
      return;
    }
    for (const subject of subjectsOf(resource)) {
      const audience = audienceOf(subject);
      if (
        (audience !== 'other' &&
          audience !== 'defaultServiceAccount' &&
          audience !== 'allServiceAccounts') ||
        matchesPattern(subject.identity, context.options.allowedSubjects)
      ) {
        continue;
      }
      context.report({
        messageId:
          resource.object.kind === 'ClusterRoleBinding'
            ? 'clusterAdmin'
            : 'clusterAdminInNamespace',
        data: {
          subject: subject.label,
          binding: describeObject(resource),
          role: role.label,
          grant: granted.grant,
        },
        pointer: `/subjects/${subject.index}`,
      });
    }
  },
});
