/**
 * CONN-EKS-008: something enforces NetworkPolicy: the vpc-cni add-on with
 * `enableNetworkPolicy: "true"`, or Calico/Cilium. A pass is an enforcement precondition only.
 */
import { policyEngine } from '../../engine.js';
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';

export const eksNetworkPolicyEngine: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-network-policy-engine',
    catalogueId: 'CONN-EKS-008',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'A NetworkPolicy engine is installed',
      ja: 'NetworkPolicy を強制するエンジンが導入されている',
    },
    remediation: {
      en: 'Enable policy enforcement in the VPC CNI: `aws eks update-addon --cluster-name {name} --addon-name vpc-cni --configuration-values \'{"enableNetworkPolicy":"true"}\'`, or install Calico or Cilium.',
      ja: 'VPC CNI でポリシーの強制を有効にする(`aws eks update-addon --cluster-name {name} --addon-name vpc-cni --configuration-values \'{"enableNetworkPolicy":"true"}\'`)か、Calico や Cilium を導入する。',
    },
    references: [
      'CIS EKS 5.4.4',
      'CIS EKS 4.3.1',
      'prowler eks_cluster_vpc_cni_network_policy_enforced',
    ],
  },
  evaluate(facts) {
    const engine = policyEngine(facts);
    if (engine.state === 'present') {
      return pass(
        {
          en: `Enforcement precondition met: ${engine.reason.en}.`,
          ja: `適用の前提条件を満たしている: ${engine.reason.ja}。`,
        },
        engine.evidence,
      );
    }
    if (engine.state === 'absent') {
      return fail(
        {
          en: `NetworkPolicy objects are not enforced: ${engine.reason.en}.`,
          ja: `NetworkPolicy オブジェクトが適用されていない: ${engine.reason.ja}。`,
        },
        engine.evidence,
      );
    }
    return unknown(
      {
        en: `Whether NetworkPolicy is enforced is unknown: ${engine.reason.en}.`,
        ja: `NetworkPolicy が適用されているかはわからない: ${engine.reason.ja}。`,
      },
      engine.missing,
      engine.evidence,
    );
  },
};
