/**
 * CONN-ANY-003: hostNetwork pods run only in system namespaces. They bypass NetworkPolicy and reach
 * the node's metadata service.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { hasPodInput, isIgnoredNamespace, podSpecs } from '../../facts/k8s.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';

export const k8sHostNetworkPods: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-host-network-pods',
    catalogueId: 'CONN-ANY-003',
    group: 'Connectivity',
    provider: 'kubernetes',
    severity: 'medium',
    title: {
      en: 'hostNetwork pods only in system namespaces',
      ja: 'hostNetwork のポッドはシステム名前空間だけ',
    },
    remediation: {
      en: 'Remove `hostNetwork: true` from application workloads and enforce the Baseline Pod Security Standard (`kubectl label namespace NS pod-security.kubernetes.io/enforce=baseline`).',
      ja: 'アプリケーションのワークロードから `hostNetwork: true` を外し、Baseline の Pod Security Standard を強制する(`kubectl label namespace NS pod-security.kubernetes.io/enforce=baseline`)。',
    },
    references: ['CIS EKS 4.2.4', 'CIS AKS 4.2.4'],
  },
  evaluate(facts, { options }) {
    if (!hasPodInput(facts.k8s)) {
      return unknown(
        {
          en: 'Neither Pods nor workloads were given.',
          ja: 'Pod もワークロードも与えられていない。',
        },
        [missingKubernetesInput('Pod'), missingKubernetesInput('DaemonSet')],
      );
    }
    const offenders = podSpecs(facts.k8s).filter(
      (pod) =>
        pod.spec.get('hostNetwork').bool() === true &&
        !isIgnoredNamespace(pod.owner.namespace ?? '', options),
    );
    if (offenders.length > 0) {
      return fail(
        {
          en: `Application workloads use hostNetwork: ${listText(offenders.map((pod) => pod.owner.ref))}.`,
          ja: `アプリケーションのワークロードが hostNetwork を使っている: ${listTextJa(offenders.map((pod) => pod.owner.ref))}。`,
        },
        offenders.map((pod) => pod.spec.get('hostNetwork')),
      );
    }
    return pass({
      en: 'No application workload uses hostNetwork.',
      ja: 'hostNetwork を使うアプリケーションのワークロードはない。',
    });
  },
};
