/*
 * Nothing should be bound to the group system:masters.
 * Checked: every subject of a ClusterRoleBinding or RoleBinding of kind Group named
 * system:masters (subjects of other kinds with that name match nobody and are ignored). One
 * finding per subject, naming the binding and its role.
 * The API server grants this group every permission before RBAC is consulted, so the binding
 * changes nothing for its members; it shows that credentials in the group are expected to exist,
 * and it suggests a control (deleting the binding) that does not work.
 */
import { defineResourceRule } from '../../core/rule.js';
import { roleRefOf, subjectsOf } from './_bindings.js';
import { describeObject } from './_rbac.js';

type MessageId = 'systemMasters';

const SYSTEM_MASTERS = 'system:masters';

export default defineResourceRule<MessageId>({
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  meta: {
    id: 'rbac/system-masters-binding',
    title: { en: 'Role bound to system:masters', ja: 'system:masters へのロールのバインド' },
    description: {
      en: 'Members of the group system:masters are superusers: the API server allows all their requests before any authorization check, so no RoleBinding, ClusterRoleBinding or webhook can limit them, and removing a binding does not revoke their access. A binding to this group grants nothing, but it shows that credentials in the group are in use or planned, and it lets reviewers believe that access is controlled through RBAC when it is not.',
      ja: 'グループ system:masters のメンバーはスーパーユーザーです。API サーバーはあらゆる認可チェックの前にそのリクエストをすべて許可するため、RoleBinding、ClusterRoleBinding、Webhook のどれでも制限できず、バインディングを削除してもアクセスは取り消されません。このグループへのバインドは何も付与しませんが、このグループの認証情報が使われている、または使う予定であることを示しており、実際には RBAC で管理されていないアクセスを管理されているとレビュー担当者に思わせます。',
    },
    remediation: {
      en: 'Delete the subject from the binding and issue no credentials in system:masters: no client certificate with O=system:masters, no aws-auth or identity-provider mapping to the group. Give administrators a group of their own bound to cluster-admin, which can be revoked, and keep a system:masters credential only as a sealed break-glass.',
      ja: 'バインディングからこのサブジェクトを削除し、system:masters の認証情報を発行しないでください（O=system:masters のクライアント証明書、aws-auth や ID プロバイダーでのこのグループへの対応付けも含みます）。管理者には cluster-admin にバインドした専用のグループを与えれば取り消しが可能です。system:masters の認証情報は、封印した緊急用のものだけにとどめてください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      systemMasters: {
        en: 'Group "system:masters" gets {{role}} through {{binding}}, but its members bypass RBAC altogether: the binding neither grants nor limits anything, and deleting it would not revoke their access.',
        ja: 'グループ "system:masters" が {{binding}} により {{role}} を得ていますが、このグループのメンバーは RBAC を完全に迂回するため、このバインディングは何も付与も制限もせず、削除してもそのアクセスは取り消されません。',
      },
    },
    defaultOptions: {},
  },
  check(resource, context) {
    const role = roleRefOf(resource);
    if (role === undefined) {
      return;
    }
    for (const subject of subjectsOf(resource)) {
      if (subject.kind === 'Group' && subject.name === SYSTEM_MASTERS) {
        context.report({
          messageId: 'systemMasters',
          data: { binding: describeObject(resource), role: role.label },
          pointer: `/subjects/${subject.index}`,
        });
      }
    }
  },
});
