/*
 * Roles should list the verbs, resources and API groups they grant instead of using `*`.
 * Checked fields: rules[].apiGroups, rules[].resources (`*` and `*\/subresource`) and
 * rules[].verbs of Roles and ClusterRoles.
 * A rule with `*` in all three (and no resourceNames) is reported as equivalent to cluster-admin
 * (critical); `*` in verbs or resources is high; `*` in apiGroups alone is medium.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import {
  describeObject,
  inspectedRules,
  isFullWildcard,
  validateIncludeSystemRoles,
} from './_rbac.js';

type MessageId = 'fullWildcard' | 'wildcard' | 'wildcardGroups';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/wildcard',
    title: {
      en: 'Wildcard in RBAC rule',
      ja: 'RBAC ルールのワイルドカード',
    },
    description: {
      en: 'A "*" in the verbs, resources or API groups of a role grants more than anyone reviewed: every verb including escalate, bind and impersonate, every subresource including pods/exec and secrets, and every resource type added to the cluster later.',
      ja: 'ロールの verbs、resources、apiGroups に "*" があると、レビューされた範囲を超える権限が付与されます。escalate、bind、impersonate を含むすべての操作、pods/exec や secrets を含むすべてのリソース、さらに将来クラスターに追加されるリソース種別までが対象になります。',
    },
    remediation: {
      en: 'Replace each "*" with the explicit list of API groups, resources and verbs the subject needs; kubectl auth can-i --list or the API server audit log shows what is actually used.',
      ja: '各 "*" を、サブジェクトが必要とする API グループ、リソース、操作の明示的なリストに置き換えてください。実際に使われている権限は kubectl auth can-i --list や API サーバーの監査ログで確認できます。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      fullWildcard: {
        en: 'Rule {{rule}} of {{role}} allows every verb on every resource of every API group, the same power as cluster-admin.',
        ja: '{{role}} のルール {{rule}} はすべての API グループのすべてのリソースに対するすべての操作を許可しており、cluster-admin と同等の権限です。',
      },
      wildcard: {
        en: 'Rule {{rule}} of {{role}} uses a wildcard in {{fields}}.',
        ja: '{{role}} のルール {{rule}} の {{fields}} にワイルドカードが使われています。',
      },
      wildcardGroups: {
        en: 'Rule {{rule}} of {{role}} uses a wildcard in apiGroups, so it also covers resources of the same name in every other API group.',
        ja: '{{role}} のルール {{rule}} の apiGroups にワイルドカードが使われており、ほかのすべての API グループの同名リソースにも適用されます。',
      },
    },
    messageSeverities: { fullWildcard: 'critical', wildcardGroups: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check(resource, context) {
    for (const rule of inspectedRules(resource, context.options.includeSystemRoles)) {
      const data = { role: describeObject(resource), rule: rule.index };
      const pointer = `/rules/${rule.index}`;
      if (isFullWildcard(rule)) {
        context.report({ messageId: 'fullWildcard', data, pointer });
        continue;
      }
      const fields = [
        rule.apiGroups.includes('*') ? 'apiGroups' : '',
        rule.resources.some((item) => item === '*' || item.startsWith('*/')) ? 'resources' : '',
        rule.verbs.includes('*') ? 'verbs' : '',
      ].filter(Boolean);
      if (fields.length === 1 && fields[0] === 'apiGroups') {
        context.report({ messageId: 'wildcardGroups', data, pointer });
      } else if (fields.length > 0) {
        context.report({
          messageId: 'wildcard',
          data: { ...data, fields: fields.join(', ') },
          pointer,
        });
      }
    }
  },
});
