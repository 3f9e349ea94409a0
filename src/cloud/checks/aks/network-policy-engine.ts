/**
 * CONN-AKS-006: a NetworkPolicy engine is configured. `networkPolicy: null` and the string
 * `"none"` both mean none.
 */
import { policyEngine } from '../../engine.js';
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';

export const aksNetworkPolicyEngine: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-network-policy-engine',
    catalogueId: 'CONN-AKS-006',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'A NetworkPolicy engine is configured',
      ja: 'NetworkPolicy エンジンが構成されている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --network-policy cilium` (with Azure CNI powered by Cilium) or `--network-policy azure`/`calico`.',
      ja: '`az aks update --resource-group {rg} --name {name} --network-policy cilium`(Azure CNI powered by Cilium)または `--network-policy azure`/`calico` を実行する。',
    },
    references: ['CIS AKS 5.4.4', 'CIS AKS 4.4.1', 'kubescape C-0240'],
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
      return fail({ en: `${engine.reason.en}.`, ja: `${engine.reason.ja}。` }, engine.evidence);
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
