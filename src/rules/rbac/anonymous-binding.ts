/*
 * Roles should not be bound to everyone: the user system:anonymous, the group
 * system:unauthenticated (requests without credentials) or the group system:authenticated (every
 * user and service account that can log in).
 * Checked: every such subject of a ClusterRoleBinding or RoleBinding (subjects of another kind with
 * these names match nobody and are ignored). The severity depends on who and on what the role
 * grants, as far as the input shows (aggregation expanded; cluster-admin known by name):
 *   anonymous or unauthenticated: critical if the role grants a dangerous permission or is not in
 *     the input, high otherwise;
 *   authenticated: critical for cluster-admin or "*" on everything, high for another dangerous
 *     permission or a role not in the input, medium otherwise.
 * Roles in the allowedRoles option (Kubernetes' and kubeadm's own public roles by default) are
 * skipped unless the input shows them granting a dangerous permission.
 */
import { defineResourceRule } from '../../core/rule.js';
import { audienceOf, boundRole, roleGrant, subjectsOf } from './_bindings.js';
import { describeObject, validateStringList } from './_rbac.js';

type MessageId =
  | 'anonymousGrant'
  | 'anonymousUnresolved'
  | 'anonymousLimited'
  | 'authenticatedFull'
  | 'authenticatedGrant'
  | 'authenticatedUnresolved'
  | 'authenticatedLimited';

interface Options {
  /** Names of roles that may be bound to these groups unless they grant something dangerous. */
  allowedRoles: string[];
}

const ANONYMOUS =
  'Anyone who can reach the API server, without credentials, gets {{role}} through {{binding}} (subject {{subject}})';
const ANONYMOUS_JA =
  '認証情報なしで API サーバーに到達できる誰もが、{{binding}} により {{role}} を得ています（サブジェクト {{subject}}）';
const AUTHENTICATED =
  'Every authenticated user and service account gets {{role}} through {{binding}} (subject {{subject}})';
const AUTHENTICATED_JA =
  '認証されたすべてのユーザーとサービスアカウントが、{{binding}} により {{role}} を得ています（サブジェクト {{subject}}）';

export default defineResourceRule<MessageId, Options>({
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  meta: {
    id: 'rbac/anonymous-binding',
    title: {
      en: 'Role bound to anonymous or all authenticated users',
      ja: '匿名ユーザーまたは全認証済みユーザーへのロールのバインド',
    },
    description: {
      en: 'system:anonymous and system:unauthenticated stand for requests without credentials, so a binding to them hands its permissions to anyone who can reach the API server. system:authenticated includes every user and every service account token in the cluster, and on some platforms every account of the identity provider. Kubernetes binds these groups only to roles that reveal versions, health and API discovery.',
      ja: 'system:anonymous と system:unauthenticated は認証情報のないリクエストを表すため、これらへのバインドは API サーバーに到達できる誰にでもその権限を渡します。system:authenticated にはクラスター内のすべてのユーザーとすべてのサービスアカウントのトークンが含まれ、プラットフォームによっては ID プロバイダーのすべてのアカウントも含まれます。Kubernetes 自身がこれらのグループにバインドするのは、バージョン、ヘルス、API ディスカバリーを公開するロールだけです。',
    },
    remediation: {
      en: 'Delete the binding, or replace the subject with the users, groups or service accounts that need the role. Disable anonymous authentication on the API server where nothing depends on it, or limit it to the health endpoints.',
      ja: 'バインディングを削除するか、サブジェクトをそのロールを必要とするユーザー、グループ、サービスアカウントに置き換えてください。匿名認証に依存するものがなければ API サーバーで無効にするか、ヘルスチェック用のエンドポイントに限定してください。',
    },
    severity: 'critical',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#hardening',
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    indexKinds: ['Role', 'ClusterRole'],
    messages: {
      anonymousGrant: {
        en: `${ANONYMOUS}, which allows {{grant}}.`,
        ja: `${ANONYMOUS_JA}。{{grant}} が許可されます。`,
      },
      anonymousUnresolved: {
        en: `${ANONYMOUS}; the role is not in the input, so what it grants is unknown.`,
        ja: `${ANONYMOUS_JA}。ロールが入力にないため、付与される権限は不明です。`,
      },
      anonymousLimited: {
        en: `${ANONYMOUS}.`,
        ja: `${ANONYMOUS_JA}。`,
      },
      authenticatedFull: {
        en: `${AUTHENTICATED}, which allows {{grant}}.`,
        ja: `${AUTHENTICATED_JA}。{{grant}} が許可されます。`,
      },
      authenticatedGrant: {
        en: `${AUTHENTICATED}, which allows {{grant}}.`,
        ja: `${AUTHENTICATED_JA}。{{grant}} が許可されます。`,
      },
      authenticatedUnresolved: {
        en: `${AUTHENTICATED}; the role is not in the input, so what it grants is unknown.`,
        ja: `${AUTHENTICATED_JA}。ロールが入力にないため、付与される権限は不明です。`,
      },
      authenticatedLimited: {
        en: `${AUTHENTICATED}.`,
        ja: `${AUTHENTICATED_JA}。`,
      },
    },
    messageSeverities: {
      anonymousLimited: 'high',
      authenticatedGrant: 'high',
      authenticatedUnresolved: 'high',
      authenticatedLimited: 'medium',
    },
    defaultOptions: {
      allowedRoles: [
        'system:public-info-viewer',
        'system:discovery',
        'system:basic-user',
        'kubeadm:bootstrap-signer-clusterinfo',
      ],
    },
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
      ['anonymous', 'unauthenticated', 'authenticated'].includes(audienceOf(subject)),
    );
    if (subjects.length === 0) {
      return;
    }
    const granted = roleGrant(role, context.index);
    const dangerous = granted.state === 'full' || granted.state === 'risky';
    if (!dangerous && context.options.allowedRoles.includes(role.name)) {
      return;
    }
    for (const subject of subjects) {
      const anonymous = audienceOf(subject) !== 'authenticated';
      let messageId: MessageId;
      switch (granted.state) {
        case 'full':
          messageId = anonymous ? 'anonymousGrant' : 'authenticatedFull';
          break;
        case 'risky':
          messageId = anonymous ? 'anonymousGrant' : 'authenticatedGrant';
          break;
        case 'unresolved':
          messageId = anonymous ? 'anonymousUnresolved' : 'authenticatedUnresolved';
          break;
        case 'limited':
          messageId = anonymous ? 'anonymousLimited' : 'authenticatedLimited';
          break;
      }
      context.report({
        messageId,
        data: {
          subject: subject.label,
          binding: describeObject(resource),
          role: role.label,
          ...(granted.state === 'full' || granted.state === 'risky'
            ? { grant: granted.grant }
            : {}),
        },
        pointer: `/subjects/${subject.index}`,
      });
    }
  },
});
