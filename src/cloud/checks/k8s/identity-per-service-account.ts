/**
 * AUTH-EKS-009, for every provider: each cloud identity annotated on a ServiceAccount
 * (`eks.amazonaws.com/role-arn`, `azure.workload.identity/client-id`,
 * `iam.gke.io/gcp-service-account`) serves one ServiceAccount, and no `default` ServiceAccount
 * carries one.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, listText, listTextJa, pass, unknown } from '../define.js';

export const IDENTITY_ANNOTATIONS = [
  'eks.amazonaws.com/role-arn',
  'azure.workload.identity/client-id',
  'iam.gke.io/gcp-service-account',
];

export const k8sIdentityPerServiceAccount: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-identity-per-service-account',
    catalogueId: 'AUTH-EKS-009',
    group: 'Auth',
    provider: 'kubernetes',
    severity: 'low',
    title: {
      en: 'Each cloud identity serves one ServiceAccount',
      ja: 'クラウド ID を ServiceAccount ごとに分けている',
    },
    remediation: {
      en: 'Create one IAM role / managed identity / Google service account per application and annotate a dedicated ServiceAccount (`kubectl annotate serviceaccount APP -n NS eks.amazonaws.com/role-arn=ROLE_ARN`); remove identity annotations from `default` ServiceAccounts.',
      ja: 'アプリケーションごとに IAM ロール / マネージド ID / Google サービスアカウントを作り、専用の ServiceAccount に付ける(`kubectl annotate serviceaccount APP -n NS eks.amazonaws.com/role-arn=ROLE_ARN`)。`default` ServiceAccount からは ID のアノテーションを外す。',
    },
    references: [
      'EKS BPG: Use one IAM role per application',
      'EKS BPG: Use dedicated service accounts for each application',
    ],
  },
  evaluate(facts) {
    if (!facts.k8s.has('ServiceAccount')) {
      return unknown(
        { en: 'The ServiceAccounts were not given.', ja: 'ServiceAccount が与えられていない。' },
        [missingKubernetesInput('ServiceAccount')],
      );
    }
    const byIdentity = new Map<string, { refs: string[]; nodes: Node[] }>();
    const defaults: Node[] = [];
    const defaultRefs: string[] = [];
    for (const account of facts.k8s.ofKind('ServiceAccount')) {
      const annotations = account.node.at('metadata', 'annotations');
      for (const key of IDENTITY_ANNOTATIONS) {
        const node = annotations.get(key);
        const identity = node.str();
        if (identity === undefined) {
          continue;
        }
        if (account.name === 'default') {
          defaults.push(node);
          defaultRefs.push(account.ref);
        }
        const entry = byIdentity.get(identity) ?? { refs: [], nodes: [] };
        entry.refs.push(account.ref);
        entry.nodes.push(node);
        byIdentity.set(identity, entry);
      }
    }
    const shared = [...byIdentity.entries()].filter(([, entry]) => entry.refs.length > 1);
    const problems = [
      ...shared.map(([identity, entry]) => ({
        en: `${identity} is shared by ${listText(entry.refs)}`,
        ja: `${identity} を ${listTextJa(entry.refs)} が共有している`,
      })),
      ...(defaultRefs.length > 0
        ? [
            {
              en: `default ServiceAccounts carry identities (${listText(defaultRefs)})`,
              ja: `default ServiceAccount に ID が付いている(${listTextJa(defaultRefs)})`,
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems, '; ', false), [
        ...new Set([...shared.flatMap(([, entry]) => entry.nodes), ...defaults]),
      ]);
    }
    return pass(
      {
        en: `${byIdentity.size} cloud identit${byIdentity.size === 1 ? 'y serves' : 'ies each serve'} a single, non-default ServiceAccount.`,
        ja: `${byIdentity.size} 個のクラウド ID がそれぞれ、default 以外の単一の ServiceAccount だけに使われている。`,
      },
      [...byIdentity.values()].flatMap((entry) => entry.nodes),
    );
  },
};
