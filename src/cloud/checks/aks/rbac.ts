/**
 * AUTH-AKS-004: Kubernetes RBAC is enabled (`enableRbac`, ARM `enableRBAC`). Without it every
 * authenticated user is an administrator.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { aksField } from '../../facts/aks.js';
import { missingCloudInput } from '../../inputs.js';
import { fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const aksRbac: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-rbac',
    catalogueId: 'AUTH-AKS-004',
    group: 'Auth',
    provider: 'aks',
    severity: 'critical',
    title: {
      en: 'Kubernetes RBAC is enabled',
      ja: 'Kubernetes RBAC が有効',
    },
    remediation: {
      en: 'RBAC cannot be turned on in place: create a new cluster (RBAC is on by default; do not pass `--disable-rbac`) and migrate workloads.',
      ja: 'RBAC は後から有効にできないため、新しいクラスターを作成し(既定で有効。`--disable-rbac` を付けない)、ワークロードを移行する。',
    },
    references: [
      'Azure Policy: Role-Based Access Control (RBAC) should be used on Kubernetes Services',
      'prowler aks_cluster_rbac_enabled',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const rbac = aksField(facts, 'enableRbac');
    if (rbac.bool() === true) {
      return pass(
        { en: 'Kubernetes RBAC is enabled.', ja: 'Kubernetes RBAC が有効になっている。' },
        [rbac],
      );
    }
    if (rbac.bool() === false) {
      return fail(
        {
          en: 'Kubernetes RBAC is disabled: every authenticated user has full access.',
          ja: 'Kubernetes RBAC が無効で、認証済みのすべてのユーザーがフルアクセスを持っている。',
        },
        [rbac],
      );
    }
    return unknown(
      {
        en: 'The cluster description does not say whether RBAC is enabled.',
        ja: 'クラスターの記述から RBAC が有効かどうかがわからない。',
      },
      [missingCloudInput('aks-cluster', facts.vars)],
      [rbac],
    );
  },
};
