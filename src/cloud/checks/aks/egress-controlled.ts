/**
 * CONN-AKS-010: egress leaves through a controlled path (user-defined routing to a firewall, a
 * NAT gateway, or none) rather than the default load balancer.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

const CONTROLLED = [
  'userdefinedrouting',
  'managednatgateway',
  'userassignednatgateway',
  'none',
  'block',
];

export const aksEgressControlled: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-egress-controlled',
    catalogueId: 'CONN-AKS-010',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'info',
    title: {
      en: 'Egress goes through a controlled path',
      ja: '送信トラフィックが管理された経路を通る',
    },
    remediation: {
      en: 'Route egress through Azure Firewall with `--outbound-type userDefinedRouting`, or use a NAT gateway (`az aks update --resource-group {rg} --name {name} --outbound-type managedNATGateway`).',
      ja: '`--outbound-type userDefinedRouting` で Azure Firewall 経由にするか、NAT ゲートウェイを使う(`az aks update --resource-group {rg} --name {name} --outbound-type managedNATGateway`)。',
    },
    references: ['AKS docs: Control egress traffic'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const outbound = aksField(facts, 'networkProfile', 'outboundType');
    if (CONTROLLED.includes(outbound.str()?.toLowerCase() ?? '')) {
      return pass(
        {
          en: `outboundType is ${outbound.str() ?? ''}.`,
          ja: `outboundType は ${outbound.str() ?? ''} になっている。`,
        },
        [outbound],
      );
    }
    return fail(
      {
        en: `outboundType is ${outbound.str() ?? 'not set (loadBalancer)'}: egress is not filtered by a firewall.`,
        ja: `outboundType が ${outbound.str() ?? '未設定(loadBalancer)'} のため、egress がファイアウォールでフィルタリングされていない。`,
      },
      [outbound],
    );
  },
};
