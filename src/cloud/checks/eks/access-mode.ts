/**
 * AUTH-EKS-001: access entries (`API`) rather than the aws-auth ConfigMap decide who may use the
 * cluster. `API_AND_CONFIG_MAP` is mid-migration; `CONFIG_MAP` the legacy mode.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const eksAccessMode: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-access-mode',
    catalogueId: 'AUTH-EKS-001',
    group: 'Auth',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'Cluster access is managed with access entries',
      ja: 'クラスターへのアクセスをアクセスエントリで管理している',
    },
    remediation: {
      en: 'Create access entries for every aws-auth mapping, then run `aws eks update-cluster-config --name {name} --access-config authenticationMode=API` (the change is one-way).',
      ja: 'aws-auth の各マッピングに対応するアクセスエントリを作成してから `aws eks update-cluster-config --name {name} --access-config authenticationMode=API` を実行する(元に戻せない)。',
    },
    references: ['CIS EKS 4.1.7', 'EKS BPG: Cluster Access Manager', 'kubescape C-0285'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const mode = facts.cluster.at('accessConfig', 'authenticationMode');
    switch (mode.str()?.toUpperCase()) {
      case 'API':
        return pass(
          {
            en: 'authenticationMode is API: only access entries grant access.',
            ja: 'authenticationMode が API で、アクセス権を与えるのはアクセスエントリだけである。',
          },
          [mode],
        );
      case 'API_AND_CONFIG_MAP':
        return fail(
          {
            en: 'authenticationMode is API_AND_CONFIG_MAP: the aws-auth ConfigMap still grants access alongside access entries.',
            ja: 'authenticationMode が API_AND_CONFIG_MAP で、アクセスエントリと並んで aws-auth ConfigMap もまだアクセス権を与えている。',
          },
          [mode],
          'low',
        );
      case 'CONFIG_MAP':
        return fail(
          {
            en: 'authenticationMode is CONFIG_MAP: access is managed only through the aws-auth ConfigMap.',
            ja: 'authenticationMode が CONFIG_MAP で、アクセスは aws-auth ConfigMap だけで管理されている。',
          },
          [mode],
        );
      default:
        return unknown(
          {
            en: 'describe-cluster has no accessConfig.authenticationMode (an older AWS CLI drops it).',
            ja: 'describe-cluster に accessConfig.authenticationMode がない(古い AWS CLI は出力しない)。',
          },
          [missingCloudInput('eks-cluster', facts.vars)],
          [mode],
        );
    }
  },
};
