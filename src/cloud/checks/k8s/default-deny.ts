/**
 * CONN-ANY-001: every application namespace denies by default in both directions: one policy with
 * an empty podSelector, both policyTypes and no rules, or separate ingress and egress deny-alls.
 * Without an enforcer the policies are inert, so the check fails.
 */
import { policyEngine } from '../../engine.js';
import type { ClusterFacts } from '../../facts/index.js';
import { appNamespaces } from '../../facts/k8s.js';
import { missingKubernetesInput } from '../../inputs.js';
import { deniesAll, networkPolicies } from '../../netpol.js';
import type { CloudCheck, Evidence } from '../../types.js';
import { derived, fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';

export const k8sDefaultDeny: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-default-deny',
    catalogueId: 'CONN-ANY-001',
    group: 'Connectivity',
    provider: 'kubernetes',
    severity: 'medium',
    title: {
      en: 'Default-deny NetworkPolicy in every application namespace',
      ja: 'すべてのアプリケーション名前空間にデフォルト拒否の NetworkPolicy がある',
    },
    remediation: {
      en: 'In each application namespace apply a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress, Egress]` and no rules, then allow the flows each app needs (DNS first).',
      ja: '各アプリケーション名前空間に `podSelector: {}`、`policyTypes: [Ingress, Egress]` でルールのない NetworkPolicy を適用し、そのうえで各アプリに必要な通信(まず DNS)を許可する。',
    },
    references: [
      'EKS BPG: Create a default deny policy',
      'CIS EKS 4.3.2',
      'CIS AKS 4.4.2',
      'hardeneks check_default_deny_policy_exists',
    ],
  },
  evaluate(facts, { options }) {
    const engine = policyEngine(facts);
    if (!facts.k8s.has('NetworkPolicy')) {
      return unknown(
        {
          en: 'The NetworkPolicies of the cluster were not given.',
          ja: 'クラスターの NetworkPolicy が与えられていない。',
        },
        [missingKubernetesInput('NetworkPolicy')],
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
    const policies = networkPolicies(facts.k8s);
    const evidence: Evidence[] = [];
    const missing: string[] = [];
    for (const namespace of namespaces) {
      const local = policies.filter((policy) => policy.namespace === namespace);
      const ingress = local.find((policy) => deniesAll(policy, 'Ingress'));
      const egress = local.find((policy) => deniesAll(policy, 'Egress'));
      evidence.push(
        derived(`namespace ${namespace}`, {
          ingressDeny: ingress?.name ?? null,
          egressDeny: egress?.name ?? null,
        }),
      );
      if (ingress === undefined || egress === undefined) {
        missing.push(
          `${namespace} (${[...(ingress === undefined ? ['ingress'] : []), ...(egress === undefined ? ['egress'] : [])].join(' and ')})`,
        );
      }
    }
    if (missing.length > 0) {
      return fail(
        {
          en: `No default-deny policy in ${listText(missing)}.`,
          ja: `${listTextJa(missing)} にデフォルト拒否のポリシーがない。`,
        },
        evidence,
      );
    }
    if (engine.state === 'absent') {
      return fail(
        {
          en: `Every application namespace has default-deny policies, but they are not enforced: ${engine.reason.en}.`,
          ja: `すべてのアプリケーション名前空間にデフォルト拒否のポリシーがあるが、適用されていない: ${engine.reason.ja}。`,
        },
        [...evidence, ...engine.evidence],
      );
    }
    const note =
      engine.state === 'unknown'
        ? {
            en: ` Whether they are enforced is unknown (${engine.reason.en}).`,
            ja: `それらが適用されているかはわからない(${engine.reason.ja})。`,
          }
        : { en: '', ja: '' };
    return pass(
      {
        en: `Every application namespace (${listText(namespaces)}) denies ingress and egress by default.${note.en}`,
        ja: `すべてのアプリケーション名前空間(${listTextJa(namespaces)})がデフォルトで ingress と egress を拒否している。${note.ja}`,
      },
      evidence,
    );
  },
};
