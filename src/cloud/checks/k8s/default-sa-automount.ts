/**
 * AUTH-ANY-003: the `default` ServiceAccount of each application namespace does not automount its
 * token, so pods that need no API access get no credential.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { appNamespaces } from '../../facts/k8s.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';

export const k8sDefaultSaAutomount: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-default-sa-automount',
    catalogueId: 'AUTH-ANY-003',
    group: 'Auth',
    provider: 'kubernetes',
    severity: 'low',
    title: {
      en: 'Default ServiceAccounts do not automount tokens',
      ja: 'default ServiceAccount がトークンを自動マウントしない',
    },
    remediation: {
      en: 'Run `kubectl patch serviceaccount default -n NS -p \'{"automountServiceAccountToken": false}\'` in each application namespace.',
      ja: '各アプリケーション名前空間で `kubectl patch serviceaccount default -n NS -p \'{"automountServiceAccountToken": false}\'` を実行する。',
    },
    references: [
      'CIS 4.1.5',
      'CIS 4.1.6',
      'EKS BPG: Disable auto-mounting of service account tokens',
    ],
  },
  evaluate(facts, { options }) {
    if (!facts.k8s.has('ServiceAccount')) {
      return unknown(
        { en: 'The ServiceAccounts were not given.', ja: 'ServiceAccount が与えられていない。' },
        [missingKubernetesInput('ServiceAccount')],
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
    const accounts = namespaces.map((namespace) => ({
      namespace,
      account: facts.k8s.find('ServiceAccount', namespace, 'default'),
    }));
    const evidence = accounts.flatMap(({ account }) =>
      account === undefined ? [] : [account.node.get('automountServiceAccountToken')],
    );
    const mounting = accounts.filter(
      ({ account }) =>
        account !== undefined && account.node.get('automountServiceAccountToken').bool() !== false,
    );
    if (mounting.length > 0) {
      return fail(
        {
          en: `The default ServiceAccount automounts its token in ${listText(mounting.map(({ namespace }) => namespace))}.`,
          ja: `${listTextJa(mounting.map(({ namespace }) => namespace))} で default ServiceAccount がトークンを自動マウントしている。`,
        },
        evidence,
      );
    }
    const absent = accounts
      .filter(({ account }) => account === undefined)
      .map(({ namespace }) => namespace);
    if (absent.length > 0) {
      return unknown(
        {
          en: `The default ServiceAccounts of ${listText(absent)} were not given.`,
          ja: `${listTextJa(absent)} の default ServiceAccount が与えられていない。`,
        },
        [missingKubernetesInput('ServiceAccount')],
        evidence,
      );
    }
    return pass(
      {
        en: 'No default ServiceAccount automounts its token.',
        ja: 'トークンを自動マウントする default ServiceAccount はない。',
      },
      evidence,
    );
  },
};
