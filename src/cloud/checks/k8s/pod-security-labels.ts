/**
 * CLUS-ANY-001: application namespaces carry Pod Security Admission labels.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { appNamespaces } from '../../facts/k8s.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';

const MODES = ['enforce', 'warn', 'audit'];

export const k8sPodSecurityLabels: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-pod-security-labels',
    catalogueId: 'CLUS-ANY-001',
    group: 'Cluster',
    provider: 'kubernetes',
    severity: 'medium',
    title: {
      en: 'Pod Security Admission labels on application namespaces',
      ja: 'アプリケーション名前空間に Pod Security Admission のラベルがある',
    },
    remediation: {
      en: 'Label each namespace, e.g. `kubectl label namespace NS pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/warn=restricted`.',
      ja: '各名前空間にラベルを付ける。例: `kubectl label namespace NS pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/warn=restricted`。',
    },
    references: [
      'EKS BPG: Pod Security Standards and Pod Security Admission',
      'hardeneks ensure_namespace_psa_exist',
    ],
  },
  evaluate(facts, { options }) {
    if (!facts.k8s.has('Namespace')) {
      return unknown(
        {
          en: 'The Namespace objects were not given.',
          ja: 'Namespace オブジェクトが与えられていない。',
        },
        [missingKubernetesInput('Namespace')],
      );
    }
    const namespaces = appNamespaces(facts.k8s, options) ?? [];
    if (namespaces.length === 0) {
      return notApplicable({
        en: 'There are no application namespaces.',
        ja: 'アプリケーションの名前空間がない。',
      });
    }
    const objects = namespaces
      .map((name) => facts.k8s.find('Namespace', undefined, name))
      .filter((item) => item !== undefined);
    const evidence = objects.map((item) => item.node.at('metadata', 'labels'));
    const unlabelled = objects.filter(
      (item) =>
        !MODES.some(
          (mode) =>
            item.node.at('metadata', 'labels').get(`pod-security.kubernetes.io/${mode}`).str() !==
            undefined,
        ),
    );
    if (unlabelled.length > 0) {
      return fail(
        {
          en: `Namespaces without Pod Security labels: ${listText(unlabelled.map((item) => item.name))}.`,
          ja: `Pod Security ラベルのない名前空間: ${listTextJa(unlabelled.map((item) => item.name))}。`,
        },
        evidence,
      );
    }
    const noEnforce = objects.filter(
      (item) =>
        item.node.at('metadata', 'labels').get('pod-security.kubernetes.io/enforce').str() ===
        undefined,
    );
    const note =
      noEnforce.length > 0
        ? {
            en: ` ${listText(noEnforce.map((item) => item.name))} only warn or audit.`,
            ja: `${listTextJa(noEnforce.map((item) => item.name))} は warn または audit だけである。`,
          }
        : { en: '', ja: '' };
    return pass(
      {
        en: `Every application namespace has Pod Security labels.${note.en}`,
        ja: `すべてのアプリケーション名前空間に Pod Security ラベルがある。${note.ja}`,
      },
      evidence,
    );
  },
};
