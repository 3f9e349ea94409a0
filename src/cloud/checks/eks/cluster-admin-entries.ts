/**
 * AUTH-EKS-003: few principals hold cluster-wide admin access policies, and none is an IAM user.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import {
  fail,
  joinClauses,
  listText,
  listTextJa,
  notApplicable,
  pass,
  unknown,
} from '../define.js';
import { noCluster } from './common.js';

function isAdminPolicy(policyArn: string, scope: string | undefined): boolean {
  return (
    policyArn.endsWith('/AmazonEKSClusterAdminPolicy') ||
    (policyArn.endsWith('/AmazonEKSAdminPolicy') && scope?.toLowerCase() === 'cluster')
  );
}

export const eksClusterAdminEntries: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-cluster-admin-entries',
    catalogueId: 'AUTH-EKS-003',
    group: 'Auth',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'Few cluster-admin access entries, none for IAM users',
      ja: 'クラスター管理者のアクセスエントリが少数で IAM ユーザーを含まない',
    },
    remediation: {
      en: 'Give admin access to a small set of IAM roles assumed by people (`aws eks associate-access-policy --cluster-name {name} --principal-arn ROLE_ARN --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy --access-scope type=cluster`) and remove user entries (`aws eks disassociate-access-policy …`).',
      ja: '管理者権限は人が引き受ける少数の IAM ロールにだけ与え(`aws eks associate-access-policy --cluster-name {name} --principal-arn ROLE_ARN --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy --access-scope type=cluster`)、IAM ユーザーのエントリは外す(`aws eks disassociate-access-policy …`)。',
    },
    references: [
      'EKS BPG: Use IAM Roles when multiple users need identical access to the cluster',
      'EKS BPG: Regularly audit access to the cluster',
    ],
  },
  evaluate(facts, { options }) {
    if (!facts.hasCluster && facts.associatedPolicies.length === 0) {
      return noCluster(facts);
    }
    const mode = facts.cluster.at('accessConfig', 'authenticationMode').str()?.toUpperCase();
    if (facts.associatedPolicies.length === 0) {
      if (mode === 'CONFIG_MAP') {
        return notApplicable(
          {
            en: 'authenticationMode is CONFIG_MAP: access entries are not used.',
            ja: 'authenticationMode が CONFIG_MAP のため、アクセスエントリは使われていない。',
          },
          [facts.cluster.at('accessConfig', 'authenticationMode')],
        );
      }
      if (facts.accessEntryArns !== undefined && facts.accessEntryArns.length === 0) {
        return pass({
          en: 'The cluster has no access entries.',
          ja: 'クラスターにアクセスエントリがない。',
        });
      }
      const principals = facts.accessEntryArns ?? [];
      return unknown(
        {
          en: 'The access policies associated with access entries were not given.',
          ja: 'アクセスエントリに関連付けられたアクセスポリシーが与えられていない。',
        },
        principals.length > 0
          ? principals
              .slice(0, 5)
              .map((item) =>
                missingCloudInput('eks-associated-access-policies', { ...facts.vars, item }),
              )
          : [
              missingCloudInput('eks-access-entries-list', facts.vars),
              missingCloudInput('eks-associated-access-policies', {
                ...facts.vars,
                item: '<principal-arn>',
              }),
            ],
      );
    }
    const admins: string[] = [];
    const evidence: Node[] = [];
    for (const document of facts.associatedPolicies) {
      const principal = document.get('principalArn').str() ?? '(unknown principal)';
      for (const policy of document.get('associatedAccessPolicies').items()) {
        if (
          isAdminPolicy(policy.get('policyArn').str() ?? '', policy.at('accessScope', 'type').str())
        ) {
          admins.push(principal);
          evidence.push(policy.get('policyArn'));
          break;
        }
      }
    }
    const users = admins.filter((arn) => arn.includes(':user/'));
    const problems = [
      ...(admins.length > options.maxClusterAdmins
        ? [
            {
              en: `${admins.length} principals hold cluster-wide admin (more than ${options.maxClusterAdmins})`,
              ja: `${admins.length} 個のプリンシパルがクラスター全体の管理者権限を持っている(上限 ${options.maxClusterAdmins} を超えている)`,
            },
          ]
        : []),
      ...(users.length > 0
        ? [
            {
              en: `IAM user${users.length > 1 ? 's' : ''} ${listText(users)} hold${users.length > 1 ? '' : 's'} cluster-wide admin`,
              ja: `IAM ユーザー ${listTextJa(users)} がクラスター全体の管理者権限を持っている`,
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems, '; ', false), evidence);
    }
    const described = new Set(
      facts.associatedPolicies.map((document) => document.get('principalArn').str()),
    );
    const missing = (facts.accessEntryArns ?? []).filter((arn) => !described.has(arn));
    if (missing.length > 0) {
      return unknown(
        {
          en: `Associated policies were not given for ${listText(missing)}.`,
          ja: `${listTextJa(missing)} の関連付けられたポリシーが与えられていない。`,
        },
        missing
          .slice(0, 5)
          .map((item) =>
            missingCloudInput('eks-associated-access-policies', { ...facts.vars, item }),
          ),
        evidence,
      );
    }
    return pass(
      {
        en: `${admins.length} principal${admins.length === 1 ? '' : 's'} hold${admins.length === 1 ? 's' : ''} cluster-wide admin, none an IAM user.`,
        ja: `${admins.length} 個のプリンシパルがクラスター全体の管理者権限を持っており、IAM ユーザーは含まれていない。`,
      },
      evidence,
    );
  },
};
