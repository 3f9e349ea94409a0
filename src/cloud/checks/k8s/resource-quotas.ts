/**
 * CLUS-ANY-002: every application namespace has a ResourceQuota.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { appNamespaces } from '../../facts/k8s.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { derived, fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';

export const k8sResourceQuotas: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-resource-quotas',
    catalogueId: 'CLUS-ANY-002',
    group: 'Cluster',
    provider: 'kubernetes',
    severity: 'low',
    title: {
      en: 'ResourceQuota in every application namespace',
      ja: 'すべてのアプリケーション名前空間に ResourceQuota がある',
    },
    remediation: {
      en: 'Create a ResourceQuota per namespace (`kubectl create quota default --hard=requests.cpu=4,requests.memory=8Gi,pods=50 -n NS`).',
      ja: '名前空間ごとに ResourceQuota を作成する(`kubectl create quota default --hard=requests.cpu=4,requests.memory=8Gi,pods=50 -n NS`)。',
    },
    references: ['hardeneks ensure_namespace_quotas_exist'],
  },
  evaluate(facts, { options }) {
    if (!facts.k8s.has('ResourceQuota')) {
      return unknown(
        { en: 'The ResourceQuotas were not given.', ja: 'ResourceQuota が与えられていない。' },
        [missingKubernetesInput('ResourceQuota')],
      );
    }
    const namespaces = appNamespaces(facts.k8s, options);
    if (namespaces === undefined) {
      return unknown(
        {
          en: 'The namespaces of the cluster are not known.',
          ja: 'クラスターの名前空間がわからない。',
        },
        [missingKubernetesInput('Namespace')],
      );
    }
    if (namespaces.length === 0) {
      return notApplicable({
        en: 'There are no application namespaces.',
        ja: 'アプリケーションの名前空間がない。',
      });
    }
    const quotas = facts.k8s.ofKind('ResourceQuota');
    const without = namespaces.filter(
      (namespace) => !quotas.some((quota) => quota.namespace === namespace),
    );
    const evidence = namespaces.map((namespace) =>
      derived(
        `namespace ${namespace}`,
        quotas.filter((quota) => quota.namespace === namespace).map((quota) => quota.name),
      ),
    );
    if (without.length > 0) {
      return fail(
        {
          en: `Namespaces without a ResourceQuota: ${listText(without)}.`,
          ja: `ResourceQuota のない名前空間: ${listTextJa(without)}。`,
        },
        evidence,
      );
    }
    return pass(
      {
        en: 'Every application namespace has a ResourceQuota.',
        ja: 'すべてのアプリケーション名前空間に ResourceQuota がある。',
      },
      evidence,
    );
  },
};
