/*
 * Roles should not let their subjects mint tokens for service accounts.
 * Checked: every rule of a Role or ClusterRole that grants create on serviceaccounts/token in the
 * core API group. Limited by resourceNames to particular service accounts: medium.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { probeGrantCheck, TOKEN_CREATE, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'tokenCreate' | 'tokenCreateNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/token-create',
    title: {
      en: 'Permission to create service account tokens',
      ja: 'サービスアカウントトークンの作成権限',
    },
    description: {
      en: 'create on serviceaccounts/token issues a fresh token for a service account through the TokenRequest API. Whoever holds it can act with the permissions of every service account in scope, including controllers and operators with far more access, for as long as the tokens they request remain valid.',
      ja: 'serviceaccounts/token への create は、TokenRequest API を通じてサービスアカウントの新しいトークンを発行します。この権限を持つ者は、はるかに強い権限を持つコントローラーやオペレーターを含め、範囲内のすべてのサービスアカウントの権限で、要求したトークンが有効な間ずっと操作できます。',
    },
    remediation: {
      en: 'Remove create on serviceaccounts/token. Workloads receive their own tokens through projected volumes and need no such permission; a component that really issues tokens should be limited with resourceNames to the service accounts it serves, in a Role of their namespace.',
      ja: 'serviceaccounts/token への create を削除してください。ワークロードは projected ボリュームで自身のトークンを受け取るため、この権限は不要です。実際にトークンを発行するコンポーネントは、対象の名前空間の Role で、resourceNames により担当するサービスアカウントに限定してください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request',
      'https://kubernetes.io/docs/reference/kubernetes-api/authentication-resources/token-request-v1/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      tokenCreate: {
        en: 'Rule {{rule}} of {{role}} allows creating tokens for any service account in scope ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が範囲内の任意のサービスアカウントのトークン作成を許可しています（{{permissions}}）。',
      },
      tokenCreateNamed: {
        en: 'Rule {{rule}} of {{role}} allows creating tokens for the service accounts {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がサービスアカウント {{names}} のトークン作成を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { tokenCreateNamed: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(TOKEN_CREATE, 'tokenCreate', 'tokenCreateNamed'),
});
