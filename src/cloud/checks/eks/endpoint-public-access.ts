/**
 * CONN-EKS-001: the public API endpoint must not admit the whole Internet. `publicAccessCidrs`
 * matters only while the public endpoint is on; an empty list while public means 0.0.0.0/0.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass } from '../define.js';
import { endpointAccess, noCluster, noVpcConfig, worldCidrs } from './common.js';

export const eksEndpointPublicAccess: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-endpoint-public-access',
    catalogueId: 'CONN-EKS-001',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'API endpoint is not open to the whole Internet',
      ja: 'API エンドポイントがインターネット全体に公開されていない',
    },
    remediation: {
      en: 'Turn the public endpoint off (`aws eks update-cluster-config --name {name} --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true`) or limit it to known ranges (`--resources-vpc-config publicAccessCidrs=203.0.113.0/24`).',
      ja: 'パブリックエンドポイントを無効にする(`aws eks update-cluster-config --name {name} --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true`)か、既知の範囲に限定する(`--resources-vpc-config publicAccessCidrs=203.0.113.0/24`)。',
    },
    references: ['CIS EKS 5.4.1', 'FSBP EKS.1', 'EKS BPG: Make the EKS Cluster Endpoint private'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = endpointAccess(facts);
    if (access === undefined) {
      return noVpcConfig(facts);
    }
    const evidence = [access.publicNode, access.privateNode, access.cidrsNode];
    if (!access.publicAccess) {
      return pass(
        {
          en: 'The public endpoint is disabled; publicAccessCidrs has no effect.',
          ja: 'パブリックエンドポイントが無効なので、publicAccessCidrs は効果がない。',
        },
        evidence,
      );
    }
    if (access.cidrs.length === 0) {
      return fail(
        {
          en: 'The public endpoint is enabled and publicAccessCidrs is empty, which means 0.0.0.0/0.',
          ja: 'パブリックエンドポイントが有効で publicAccessCidrs が空になっており、これは 0.0.0.0/0 を意味する。',
        },
        evidence,
      );
    }
    const world = worldCidrs(access.cidrs);
    if (world.length > 0) {
      return fail(
        {
          en: `The public endpoint is enabled and publicAccessCidrs contains ${listText(world)}.`,
          ja: `パブリックエンドポイントが有効で、publicAccessCidrs に ${listTextJa(world)} が含まれている。`,
        },
        evidence,
      );
    }
    return pass(
      {
        en: `The public endpoint is enabled but limited to ${listText(access.cidrs)}.`,
        ja: `パブリックエンドポイントは有効だが、${listTextJa(access.cidrs)} に制限されている。`,
      },
      evidence,
    );
  },
};
