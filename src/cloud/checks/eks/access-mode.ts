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
        return pass('authenticationMode is API: only access entries grant access.', [mode]);
      case 'API_AND_CONFIG_MAP':
        return fail(
          'authenticationMode is API_AND_CONFIG_MAP: the aws-auth ConfigMap still grants access alongside access entries.',
          [mode],
          'low',
        );
      case 'CONFIG_MAP':
        return fail(
          'authenticationMode is CONFIG_MAP: access is managed only through the aws-auth ConfigMap.',
          [mode],
        );
      default:
        return unknown(
          'describe-cluster has no accessConfig.authenticationMode (an older AWS CLI drops it).',
          [missingCloudInput('eks-cluster', facts.vars)],
          [mode],
        );
    }
  },
};
