/*
 * Roles should not be bound to default service accounts, which every pod that names no service
 * account runs as.
 * Checked: every subject of a ClusterRoleBinding or RoleBinding that is a service account named
 * default (as a ServiceAccount subject or the user system:serviceaccount:<ns>:default), or a group
 * of all service accounts (system:serviceaccounts, system:serviceaccounts:<ns>), which includes
 * the default ones. High when the role grants a dangerous permission (as far as the input shows,
 * aggregation expanded), medium otherwise. Roles that grant everything are left to
 * rbac/cluster-admin-binding; roles in the allowedRoles option are skipped unless the input shows
 * them granting a dangerous permission.
 */
import { defineResourceRule } from '../../core/rule.js';
import { audienceOf, boundRole, roleGrant, subjectsOf } from './_bindings.js';
import { describeObject, validateStringList } from './_rbac.js';

type MessageId =
  | 'defaultGrant'
  | 'defaultUnresolved'
  | 'defaultLimited'
  | 'allGrant'
  | 'allUnresolved'
  | 'allLimited';

interface Options {
  /** Names of roles that may be bound to these subjects unless they grant something dangerous. */
  allowedRoles: string[];
}

const DEFAULT = 'Subject {{subject}}, a default service account, gets {{role}} through {{binding}}';
const DEFAULT_JA =
  'default サービスアカウントであるサブジェクト {{subject}} が {{binding}} により {{role}} を得ています';
const ALL =
  'Subject {{subject}}, which includes the default service accounts, gets {{role}} through {{binding}}';
const ALL_JA =
  'default サービスアカウントを含むサブジェクト {{subject}} が {{binding}} により {{role}} を得ています';

export default defineResourceRule<MessageId, Options>({
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  meta: {
    id: 'rbac/default-service-account-binding',
    title: {
      en: 'Role bound to a default service account',
      ja: 'default サービスアカウントへのロールのバインド',
    },
    description: {
      en: 'Every namespace has a service account named default, and every pod that names no service account runs as it. Permissions bound to it therefore go to every such pod of the namespace, including ones added later for unrelated purposes, and to anyone who compromises any of them. Binding to the groups of all service accounts has the same effect.',
      ja: 'すべての名前空間には default という名前のサービスアカウントがあり、サービスアカウントを指定しない Pod はすべてこれで実行されます。そのため、これにバインドされた権限は、後から無関係な目的で追加されたものも含め、名前空間内のそのようなすべての Pod と、そのいずれかを侵害した者に渡ります。すべてのサービスアカウントを表すグループへのバインドも同じ結果になります。',
    },
    remediation: {
      en: 'Create a dedicated service account for the workload that needs the role, bind the role to it and set serviceAccountName in the pod template. Leave default service accounts without bindings, and set automountServiceAccountToken: false on them.',
      ja: 'ロールを必要とするワークロード専用のサービスアカウントを作成してロールをバインドし、Pod テンプレートで serviceAccountName を指定してください。default サービスアカウントにはバインドを付けず、automountServiceAccountToken: false を設定してください。',
    },
    severity: 'medium',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#service-account-permissions',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    indexKinds: ['Role', 'ClusterRole'],
    messages: {
      defaultGrant: {
        en: `${DEFAULT}, which allows {{grant}}.`,
        ja: `${DEFAULT_JA}。{{grant}} が許可されます。`,
      },
      defaultUnresolved: {
        en: `${DEFAULT}; the role is not in the input, so what it grants is unknown.`,
        ja: `${DEFAULT_JA}。ロールが入力にないため、付与される権限は不明です。`,
      },
      defaultLimited: {
        en: `${DEFAULT}.`,
        ja: `${DEFAULT_JA}。`,
      },
      allGrant: {
        en: `${ALL}, which allows {{grant}}.`,
        ja: `${ALL_JA}。{{grant}} が許可されます。`,
      },
      allUnresolved: {
        en: `${ALL}; the role is not in the input, so what it grants is unknown.`,
        ja: `${ALL_JA}。ロールが入力にないため、付与される権限は不明です。`,
      },
      allLimited: {
        en: `${ALL}.`,
        ja: `${ALL_JA}。`,
      },
    },
    messageSeverities: { defaultGrant: 'high', allGrant: 'high' },
    defaultOptions: { allowedRoles: ['system:service-account-issuer-discovery'] },
    validateOptions(options) {
      return validateStringList(options, 'allowedRoles');
    },
  },
  check(resource, context) {
    const role = boundRole(resource, context.index);
    if (role === undefined) {
      return;
    }
    const subjects = subjectsOf(resource).filter((subject) =>
      ['defaultServiceAccount', 'allServiceAccounts'].includes(audienceOf(subject)),
    );
    if (subjects.length === 0) {
      return;
    }
    const granted = roleGrant(role, context.index);
    if (granted.state === 'full') {
      return;
    }
    if (granted.state !== 'risky' && context.options.allowedRoles.includes(role.name)) {
      return;
    }
    for (const subject of subjects) {
      const prefix = audienceOf(subject) === 'defaultServiceAccount' ? 'default' : 'all';
      const suffix =
        granted.state === 'risky'
          ? 'Grant'
          : granted.state === 'unresolved'
            ? 'Unresolved'
            : 'Limited';
      context.report({
        messageId: `${prefix}${suffix}`,
        data: {
          subject: subject.label,
          binding: describeObject(resource),
          role: role.label,
          ...(granted.state === 'risky' ? { grant: granted.grant } : {}),
        },
        pointer: `/subjects/${subject.index}`,
      });
    }
  },
});
