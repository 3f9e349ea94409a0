/*
 * Roles should not let their subjects read Secrets.
 * Checked: every rule of a Role or ClusterRole that grants get, list or watch on secrets in the
 * core API group, written out or through wildcards. A rule limited by resourceNames is reported at
 * medium severity. Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { probeGrantCheck, SECRETS_READ, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'readSecrets' | 'readNamedSecrets';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/secrets-read',
    title: {
      en: 'Read access to Secrets',
      ja: 'Secret の読み取り権限',
    },
    description: {
      en: 'Reading a Secret returns its value, so get, list or watch on secrets hands out every credential in scope: database passwords, API keys, TLS keys and the tokens of service accounts, which often carry more permissions than the reader has. list and watch return every Secret at once.',
      ja: 'Secret を読み取るとその値がそのまま返るため、secrets への get、list、watch は範囲内のすべての認証情報を渡すことになります。データベースのパスワード、API キー、TLS 鍵、さらに読み取り側より強い権限を持つことの多いサービスアカウントのトークンも含まれます。list と watch はすべての Secret を一度に返します。',
    },
    remediation: {
      en: 'Remove get, list and watch on secrets from the role. If a workload needs one Secret, mount it as a volume or environment variable instead, or limit the rule to get with resourceNames naming that Secret, in a Role rather than a ClusterRole.',
      ja: 'ロールから secrets への get、list、watch を削除してください。ワークロードが特定の Secret を必要とする場合は、ボリュームや環境変数としてマウントするか、ClusterRole ではなく Role で、resourceNames にその Secret を指定した get に限定してください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets',
      'https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      readSecrets: {
        en: 'Rule {{rule}} of {{role}} allows reading Secrets ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が Secret の読み取りを許可しています（{{permissions}}）。',
      },
      readNamedSecrets: {
        en: 'Rule {{rule}} of {{role}} allows reading the Secrets {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が Secret {{names}} の読み取りを許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { readNamedSecrets: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(SECRETS_READ, 'readSecrets', 'readNamedSecrets'),
});
