/**
 * AUTH-EKS-005: aws-auth hygiene: it parses, maps no whole accounts (`mapAccounts`), and maps
 * roles rather than IAM users.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, listText, listTextJa, pass } from '../define.js';
import { lookupAwsAuth } from './aws-auth-common.js';

export const eksAwsAuthHygiene: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-aws-auth-hygiene',
    catalogueId: 'AUTH-EKS-005',
    group: 'Auth',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'aws-auth is well-formed and maps roles only',
      ja: 'aws-auth が正しい形式でロールだけをマッピングしている',
    },
    remediation: {
      en: 'Fix the YAML in `kubectl edit configmap aws-auth -n kube-system`, delete `mapAccounts`, replace `mapUsers` entries with IAM roles, and prefer access entries (`aws eks create-access-entry --cluster-name {name} …`).',
      ja: '`kubectl edit configmap aws-auth -n kube-system` で YAML を直し、`mapAccounts` を削除し、`mapUsers` のエントリを IAM ロールに置き換える。アクセスエントリ(`aws eks create-access-entry --cluster-name {name} …`)への移行を優先する。',
    },
    references: [
      'EKS BPG: Use IAM Roles when multiple users need identical access to the cluster',
      'EKS BPG: aws-auth ConfigMap',
    ],
  },
  evaluate(facts) {
    const lookup = lookupAwsAuth(facts);
    if ('outcome' in lookup) {
      return lookup.outcome;
    }
    const { found, apiMode } = lookup;
    const users = found.mappings.filter((mapping) => mapping.key === 'mapUsers');
    const serious = [
      ...found.errors.map((error) => ({
        en: `${error.key} is malformed (${error.message}); a broken mapping can lock administrators out`,
        ja: `${error.key} の形式が不正である(${error.message})。壊れたマッピングは管理者を締め出すおそれがある`,
      })),
      ...(found.accounts.length > 0
        ? [
            {
              en: `mapAccounts maps every principal of account${found.accounts.length > 1 ? 's' : ''} ${listText(found.accounts)}`,
              ja: `mapAccounts がアカウント ${listTextJa(found.accounts)} のすべてのプリンシパルをマッピングしている`,
            },
          ]
        : []),
    ];
    const minor =
      users.length > 0
        ? [
            {
              en: `mapUsers maps IAM user${users.length > 1 ? 's' : ''} ${listText(users.map((mapping) => mapping.arn))}; map roles instead`,
              ja: `mapUsers が IAM ユーザー ${listTextJa(users.map((mapping) => mapping.arn))} をマッピングしている。代わりにロールをマッピングする`,
            },
          ]
        : [];
    if (serious.length > 0 || minor.length > 0) {
      const severity = apiMode ? 'info' : serious.length > 0 ? undefined : 'low';
      return fail(
        joinClauses([...serious, ...minor]),
        [...new Set([...found.errors.map((error) => error.node), ...found.keys])],
        severity,
      );
    }
    const sessionless = found.mappings.filter(
      (mapping) =>
        !mapping.groups.some((group) => group.startsWith('system:node')) &&
        !(mapping.username ?? '').includes('{{SessionName}}'),
    );
    const note =
      sessionless.length > 0
        ? {
            en: ` Consider {{SessionName}} in the usernames of human roles (${listText(sessionless.map((mapping) => mapping.arn))}) so audit logs show who acted.`,
            ja: `監査ログに操作した人が残るよう、人が使うロール(${listTextJa(sessionless.map((mapping) => mapping.arn))})のユーザー名に {{SessionName}} を含めることを検討する。`,
          }
        : { en: '', ja: '' };
    return pass(
      {
        en: `aws-auth parses and maps roles only.${note.en}`,
        ja: `aws-auth は正しく解析でき、ロールだけをマッピングしている。${note.ja}`,
      },
      found.keys,
    );
  },
};
