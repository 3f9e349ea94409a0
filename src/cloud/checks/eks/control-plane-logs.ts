/**
 * CLUS-EKS-002: every required control-plane log type is on (all five by default; configurable
 * with `cloud.eksRequiredLogTypes`). The union of enabled entries counts.
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { derived, fail, listText, listTextJa, pass, unknown } from '../define.js';
import { loggingState, noCluster } from './common.js';

export const eksControlPlaneLogs: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-control-plane-logs',
    catalogueId: 'CLUS-EKS-002',
    group: 'Cluster',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'All required control-plane log types are enabled',
      ja: '必要なコントロールプレーンログがすべて有効',
    },
    remediation: {
      en: 'Run `aws eks update-cluster-config --name {name} --logging \'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\'`.',
      ja: '`aws eks update-cluster-config --name {name} --logging \'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\'` を実行する。',
    },
    references: ['CIS EKS 2.1.1', 'prowler eks_control_plane_logging_all_types_enabled'],
  },
  evaluate(facts, { options }) {
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
    const enabled = new Set([...state.enabled].map((type) => type.toLowerCase()));
    const missing = options.eksRequiredLogTypes.filter((type) => !enabled.has(type.toLowerCase()));
    const evidence = [
      ...state.entries,
      derived('cluster.logging (enabled types, union)', [...state.enabled]),
    ];
    if (missing.length > 0) {
      return fail(
        {
          en: `Log types not enabled: ${listText(missing)}.`,
          ja: `有効になっていないログタイプ: ${listTextJa(missing)}。`,
        },
        evidence,
      );
    }
    return pass(
      {
        en: `All required log types are enabled (${listText([...options.eksRequiredLogTypes])}).`,
        ja: `必要なログタイプがすべて有効になっている(${listTextJa([...options.eksRequiredLogTypes])})。`,
      },
      evidence,
    );
  },
};
