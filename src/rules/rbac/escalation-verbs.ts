/*
 * Roles should not grant the RBAC escape hatches: escalate, bind and impersonate.
 * Checked: every rule of a Role or ClusterRole that grants escalate or bind on roles or
 * clusterroles (rbac.authorization.k8s.io), or impersonate on users, groups or serviceaccounts
 * (core) or uids (authentication.k8s.io). One finding per rule, at the severity of the worst grant:
 *   critical  impersonate users or groups without resourceNames, or of the group system:masters;
 *   high      impersonate service accounts or uids; escalate or bind on any role, or on named
 *             roles that include cluster-admin;
 *   medium    impersonate or escalate/bind limited to other named objects.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import {
  describeObject,
  ESCALATE_BIND,
  formatNames,
  formatProbes,
  IMPERSONATE_OTHERS,
  IMPERSONATE_USERS,
  inspectedRules,
  isFullWildcard,
  matchProbes,
  validateIncludeSystemRoles,
  type PolicyRule,
} from './_rbac.js';

type MessageId =
  | 'impersonateAnyone'
  | 'impersonateMasters'
  | 'impersonate'
  | 'impersonateNamed'
  | 'escalateBind'
  | 'escalateBindNamed';

interface Options {
  includeSystemRoles: boolean;
}

interface Verdict {
  messageId: MessageId;
  data: Record<string, string | number>;
}

function verdictOf(rule: PolicyRule): Verdict | undefined {
  const users = matchProbes(rule, IMPERSONATE_USERS);
  const others = matchProbes(rule, IMPERSONATE_OTHERS);
  const roles = matchProbes(rule, ESCALATE_BIND);
  const all = [...(users?.probes ?? []), ...(others?.probes ?? []), ...(roles?.probes ?? [])];
  if (all.length === 0) {
    return undefined;
  }
  const permissions = formatProbes(all);
  const names = formatNames(rule);
  if (users !== undefined && !users.named) {
    return { messageId: 'impersonateAnyone', data: { permissions } };
  }
  if (
    users?.probes.some((probe) => probe.resource === 'groups') === true &&
    rule.resourceNames.includes('system:masters')
  ) {
    return { messageId: 'impersonateMasters', data: { permissions } };
  }
  if (others !== undefined && !others.named) {
    return { messageId: 'impersonate', data: { permissions } };
  }
  const verbs = [...new Set(roles?.probes.map((probe) => probe.verb))].join(', ');
  if (roles !== undefined && (!roles.named || rule.resourceNames.includes('cluster-admin'))) {
    return { messageId: 'escalateBind', data: { permissions, verbs } };
  }
  if (users !== undefined || others !== undefined) {
    return { messageId: 'impersonateNamed', data: { permissions, names } };
  }
  return { messageId: 'escalateBindNamed', data: { permissions, verbs, names } };
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/escalation-verbs',
    title: {
      en: 'Permission to escalate, bind or impersonate',
      ja: 'escalate、bind、impersonate の権限',
    },
    description: {
      en: 'RBAC normally stops a subject from granting permissions it does not hold itself. escalate lets it write roles with any permission, bind lets it bind any role, including cluster-admin, and impersonate lets it send requests as another user, group or service account. Each is a direct path to more privileges than the role appears to grant.',
      ja: 'RBAC は通常、自分が持っていない権限を他者に与えることを禁止しています。escalate は任意の権限を持つロールの作成や変更を、bind は cluster-admin を含む任意のロールのバインドを、impersonate は別のユーザー、グループ、サービスアカウントとしてのリクエストを可能にします。いずれも、ロールが一見与えている以上の権限に直結する経路です。',
    },
    remediation: {
      en: 'Remove escalate, bind and impersonate from roles of workloads and ordinary users. Where a controller must manage RBAC, limit bind to the roles it hands out with resourceNames; where impersonation is needed, limit it with resourceNames to the identities concerned and never allow groups such as system:masters.',
      ja: 'ワークロードや一般ユーザーのロールから escalate、bind、impersonate を削除してください。コントローラーが RBAC を管理する必要がある場合は、resourceNames で bind を配布対象のロールに限定してください。なりすましが必要な場合は、resourceNames で対象の ID に限定し、system:masters などのグループは決して許可しないでください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      impersonateAnyone: {
        en: 'Rule {{rule}} of {{role}} allows impersonating any user or group, cluster administrators included ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がクラスター管理者を含む任意のユーザーやグループへのなりすましを許可しています（{{permissions}}）。',
      },
      impersonateMasters: {
        en: 'Rule {{rule}} of {{role}} allows impersonating the group system:masters, which bypasses all authorization ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、すべての認可を迂回するグループ system:masters へのなりすましを許可しています（{{permissions}}）。',
      },
      impersonate: {
        en: 'Rule {{rule}} of {{role}} allows acting as other service accounts or identities ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が他のサービスアカウントや ID としての操作を許可しています（{{permissions}}）。',
      },
      impersonateNamed: {
        en: 'Rule {{rule}} of {{role}} allows acting as {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が {{names}} としての操作を許可しています（{{permissions}}）。',
      },
      escalateBind: {
        en: 'Rule {{rule}} of {{role}} allows {{verbs}} on roles, so the subject can obtain permissions it does not hold ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がロールに対する {{verbs}} を許可しており、サブジェクトは自分が持たない権限を得られます（{{permissions}}）。',
      },
      escalateBindNamed: {
        en: 'Rule {{rule}} of {{role}} allows {{verbs}} on the roles {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がロール {{names}} に対する {{verbs}} を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: {
      impersonateAnyone: 'critical',
      impersonateMasters: 'critical',
      impersonateNamed: 'medium',
      escalateBindNamed: 'medium',
    },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check(resource, context) {
    for (const rule of inspectedRules(resource, context.options.includeSystemRoles)) {
      const verdict = isFullWildcard(rule) ? undefined : verdictOf(rule);
      if (verdict === undefined) {
        continue;
      }
      context.report({
        messageId: verdict.messageId,
        data: { role: describeObject(resource), rule: rule.index, ...verdict.data },
        pointer: `/rules/${rule.index}`,
      });
    }
  },
});
