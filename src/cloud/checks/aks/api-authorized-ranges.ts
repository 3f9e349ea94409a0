/**
 * CONN-AKS-001: the API server is private or limited to authorized IP ranges (Azure Policy's
 * logic: fail only when it is public with no allow-list).
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass } from '../define.js';
import { accessProfile, noCluster } from './common.js';

export const aksApiAuthorizedRanges: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-api-authorized-ranges',
    catalogueId: 'CONN-AKS-001',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'high',
    title: {
      en: 'API server is private or limited to authorized IP ranges',
      ja: 'API サーバーがプライベート、または許可 IP 範囲に限定されている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --api-server-authorized-ip-ranges 203.0.113.0/24` or use a private cluster.',
      ja: '`az aks update --resource-group {rg} --name {name} --api-server-authorized-ip-ranges 203.0.113.0/24` を実行するか、プライベートクラスターを使う。',
    },
    references: [
      'CIS AKS 5.4.1',
      'Azure Policy: Authorized IP ranges should be defined on Kubernetes Services',
      'kubescape C-0247',
    ],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = accessProfile(facts);
    const evidence = [access.privateNode, access.rangesNode];
    if (access.privateCluster) {
      return pass(
        {
          en: 'The cluster is private: the API server has no public endpoint.',
          ja: 'クラスターはプライベートで、API サーバーにパブリックエンドポイントがない。',
        },
        evidence,
      );
    }
    if (access.ranges.length > 0) {
      return pass(
        {
          en: `The public API server accepts only ${listText(access.ranges)}.`,
          ja: `パブリックな API サーバーは ${listTextJa(access.ranges)} からの接続だけを受け付けている。`,
        },
        evidence,
      );
    }
    return fail(
      {
        en: 'The API server is public and has no authorized IP ranges: any address can reach it.',
        ja: 'API サーバーがパブリックで、許可された IP 範囲がないため、どのアドレスからも到達できる。',
      },
      evidence,
    );
  },
};
