/**
 * AUTH-EKS-004: no aws-auth mapping puts an IAM principal in `system:masters`, which bypasses
 * RBAC and cannot be revoked by removing bindings. In `API` mode EKS ignores the ConfigMap, so
 * the finding is informational.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';
import { lookupAwsAuth } from './aws-auth-common.js';

export const eksAwsAuthMasters: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-aws-auth-masters',
    catalogueId: 'AUTH-EKS-004',
    group: 'Auth',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'No aws-auth mapping to system:masters',
      ja: 'aws-auth で system:masters へのマッピングがない',
    },
    remediation: {
      en: 'Replace `system:masters` with a group bound to a scoped ClusterRole, or move to access entries (`aws eks create-access-entry --cluster-name {name} --principal-arn ARN` plus `associate-access-policy`), then edit the mapping with `kubectl edit configmap aws-auth -n kube-system`.',
      ja: '`system:masters` を権限を絞った ClusterRole にバインドしたグループに置き換えるか、アクセスエントリへ移行し(`aws eks create-access-entry --cluster-name {name} --principal-arn ARN` と `associate-access-policy`)、`kubectl edit configmap aws-auth -n kube-system` でマッピングを修正する。',
    },
    references: ['CIS EKS 5.5.1', 'CIS EKS 4.1.1', 'EKS BPG: aws-auth ConfigMap'],
  },
  evaluate(facts) {
    const lookup = lookupAwsAuth(facts);
    if ('outcome' in lookup) {
      return lookup.outcome;
    }
    const { found, apiMode } = lookup;
    const masters = found.mappings.filter((mapping) => mapping.groups.includes('system:masters'));
    if (masters.length > 0) {
      return fail(
        {
          en: `${listText(masters.map((mapping) => mapping.arn))} ${masters.length > 1 ? 'are' : 'is'} mapped to system:masters${apiMode ? ' (ignored while authenticationMode is API)' : ''}.`,
          ja: `${listTextJa(masters.map((mapping) => mapping.arn))} が system:masters にマッピングされている${apiMode ? '(authenticationMode が API の間は無視される)' : ''}。`,
        },
        masters.map((mapping) => mapping.node.get('groups')),
        apiMode ? 'info' : undefined,
      );
    }
    if (found.errors.length > 0) {
      return unknown(
        {
          en: `aws-auth could not be read completely: ${found.errors.map((error) => `${error.key}: ${error.message}`).join('; ')}.`,
          ja: `aws-auth を完全には読み取れなかった: ${found.errors.map((error) => `${error.key}: ${error.message}`).join('。')}。`,
        },
        [],
        found.errors.map((error) => error.node),
      );
    }
    return pass(
      {
        en: `No aws-auth mapping grants system:masters (${found.mappings.length} mappings).`,
        ja: `system:masters を与える aws-auth のマッピングはない(マッピング ${found.mappings.length} 件)。`,
      },
      found.keys,
    );
  },
};
