/**
 * CONN-AKS-002: the allow-list does not contain 0.0.0.0/0. `0.0.0.0/32` is a legitimate marker
 * that admits only the cluster's own egress.
 */
import { isWorld } from '../../cidr.js';
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass } from '../define.js';
import { accessProfile, noCluster } from './common.js';

export const aksAuthorizedRangesNotWorld: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-authorized-ranges-not-world',
    catalogueId: 'CONN-AKS-002',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'high',
    title: {
      en: 'Authorized IP ranges do not contain the whole Internet',
      ja: '許可 IP 範囲がインターネット全体を含まない',
    },
    remediation: {
      en: 'Replace broad ranges: `az aks update --resource-group {rg} --name {name} --api-server-authorized-ip-ranges 203.0.113.0/24,198.51.100.7/32`.',
      ja: '広すぎる範囲を置き換える: `az aks update --resource-group {rg} --name {name} --api-server-authorized-ip-ranges 203.0.113.0/24,198.51.100.7/32`。',
    },
    references: ['CIS AKS 5.4.1'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = accessProfile(facts);
    const evidence = [access.privateNode, access.rangesNode];
    const world = access.ranges.filter(isWorld);
    if (world.length > 0) {
      return fail(
        {
          en: `The authorized IP ranges contain ${listText(world)}.`,
          ja: `許可された IP 範囲に ${listTextJa(world)} が含まれている。`,
        },
        evidence,
      );
    }
    if (access.ranges.length === 0) {
      if (access.privateCluster) {
        return notApplicable(
          {
            en: 'The cluster is private; no allow-list is needed.',
            ja: 'クラスターはプライベートなので、許可リストは不要である。',
          },
          evidence,
        );
      }
      return fail(
        {
          en: 'The API server is public with no allow-list, which admits every address.',
          ja: 'API サーバーがパブリックで許可リストがないため、すべてのアドレスを受け入れている。',
        },
        evidence,
      );
    }
    return pass(
      {
        en: `No authorized range admits the whole Internet (${listText(access.ranges)}).`,
        ja: `インターネット全体を受け入れる許可範囲はない(${listTextJa(access.ranges)})。`,
      },
      evidence,
    );
  },
};
