/**
 * CLUS-EKS-001: control-plane audit logs go to CloudWatch. The union of all enabled
 * `clusterLogging` entries counts, not the first entry alone.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { derived, fail, pass, unknown } from '../define.js';
import { loggingState, noCluster } from './common.js';
import { missingCloudInput } from '../../inputs.js';

export const eksAuditLog: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-audit-log',
    catalogueId: 'CLUS-EKS-001',
    group: 'Cluster',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'Control-plane audit log is enabled',
      ja: 'コントロールプレーンの監査ログが有効',
    },
    remediation: {
      en: 'Run `aws eks update-cluster-config --name {name} --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\'`.',
      ja: '`aws eks update-cluster-config --name {name} --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\'` を実行する。',
    },
    references: ['CIS EKS 2.1.1', 'FSBP EKS.8', 'EKS BPG: Enable audit logs'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const state = loggingState(facts);
    if (state === undefined) {
      return unknown(
        {
          en: 'describe-cluster has no logging section.',
          ja: 'describe-cluster に logging セクションがない。',
        },
        [missingCloudInput('eks-cluster', facts.vars)],
      );
    }
    const evidence = [
      ...state.entries,
      derived('cluster.logging (enabled types, union)', [...state.enabled]),
    ];
    if ([...state.enabled].some((type) => type.toLowerCase() === 'audit')) {
      return pass(
        { en: 'The audit log type is enabled.', ja: 'audit ログタイプが有効になっている。' },
        evidence,
      );
    }
    return fail(
      {
        en: 'No enabled clusterLogging entry includes the audit type.',
        ja: 'audit タイプを含む有効な clusterLogging エントリがない。',
      },
      evidence,
    );
  },
};
