/**
 * CONN-EKS-004: when the public endpoint is on, every allowed range is narrow (IPv4 /24 or
 * longer, IPv6 /48 or longer by default; `cloud.publicCidrMinPrefix`).
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { parseCidr } from '../../cidr.js';
import { fail, listText, listTextJa, notApplicable, pass } from '../define.js';
import { endpointAccess, noCluster, noVpcConfig } from './common.js';

export const eksPublicCidrsNarrow: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-public-cidrs-narrow',
    catalogueId: 'CONN-EKS-004',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'Public endpoint allow-list is narrow',
      ja: 'パブリックエンドポイントの許可リストが狭い',
    },
    remediation: {
      en: 'List only the egress addresses of your offices and CI: `aws eks update-cluster-config --name {name} --resources-vpc-config publicAccessCidrs=198.51.100.10/32,203.0.113.0/24`.',
      ja: 'オフィスや CI の送信元アドレスだけを列挙する: `aws eks update-cluster-config --name {name} --resources-vpc-config publicAccessCidrs=198.51.100.10/32,203.0.113.0/24`。',
    },
    references: ['CIS EKS 5.4.1'],
  },
  evaluate(facts, { options }) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = endpointAccess(facts);
    if (access === undefined) {
      return noVpcConfig(facts);
    }
    const evidence = [access.publicNode, access.cidrsNode];
    if (!access.publicAccess) {
      return notApplicable(
        {
          en: 'The public endpoint is disabled; the allow-list does not apply.',
          ja: 'パブリックエンドポイントが無効なので、許可リストは適用されない。',
        },
        evidence,
      );
    }
    if (access.cidrs.length === 0) {
      return fail(
        {
          en: 'publicAccessCidrs is empty, which means 0.0.0.0/0.',
          ja: 'publicAccessCidrs が空で、これは 0.0.0.0/0 を意味する。',
        },
        evidence,
      );
    }
    const wide = access.cidrs.filter((text) => {
      const cidr = parseCidr(text);
      if (cidr === undefined) {
        return true;
      }
      return (
        cidr.prefix <
        (cidr.family === 4 ? options.publicCidrMinPrefixV4 : options.publicCidrMinPrefixV6)
      );
    });
    if (wide.length > 0) {
      return fail(
        {
          en: `publicAccessCidrs has ranges wider than /${options.publicCidrMinPrefixV4} (IPv4) or /${options.publicCidrMinPrefixV6} (IPv6), or invalid: ${listText(wide)}.`,
          ja: `publicAccessCidrs に /${options.publicCidrMinPrefixV4}(IPv4)または /${options.publicCidrMinPrefixV6}(IPv6)より広い範囲、または不正な範囲がある: ${listTextJa(wide)}。`,
        },
        evidence,
      );
    }
    return pass(
      {
        en: `Every allowed range is narrow: ${listText(access.cidrs)}.`,
        ja: `許可されている範囲はすべて十分に狭い: ${listTextJa(access.cidrs)}。`,
      },
      evidence,
    );
  },
};
