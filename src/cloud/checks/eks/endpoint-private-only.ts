/**
 * CONN-EKS-002: the private endpoint is on and the public endpoint off.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { endpointAccess, noCluster, noVpcConfig } from './common.js';

export const eksEndpointPrivateOnly: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-endpoint-private-only',
    catalogueId: 'CONN-EKS-002',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'API endpoint is private only',
      ja: 'API エンドポイントがプライベートのみ',
    },
    remediation: {
      en: 'Reach the API through the VPC (VPN, Direct Connect, bastion) and run `aws eks update-cluster-config --name {name} --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false`.',
      ja: 'VPC 経由(VPN、Direct Connect、踏み台)で API に到達できるようにしてから `aws eks update-cluster-config --name {name} --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false` を実行する。',
    },
    references: ['CIS EKS 5.4.2', 'hardeneks check_endpoint_public_access'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = endpointAccess(facts);
    if (access === undefined) {
      return noVpcConfig(facts);
    }
    const evidence = [access.privateNode, access.publicNode];
    if (access.privateAccess && !access.publicAccess) {
      return pass(
        {
          en: 'Only the private endpoint is enabled.',
          ja: 'プライベートエンドポイントだけが有効になっている。',
        },
        evidence,
      );
    }
    if (access.publicAccess) {
      return fail(
        {
          en: `The public endpoint is enabled${access.privateAccess ? ' alongside the private one' : ' and the private one is not'}.`,
          ja: `パブリックエンドポイントが有効になっている${access.privateAccess ? '(プライベートエンドポイントと併用)' : '。プライベートエンドポイントは有効になっていない'}。`,
        },
        evidence,
      );
    }
    return fail(
      {
        en: 'Neither endpoint is private: endpointPrivateAccess is false.',
        ja: 'どちらのエンドポイントもプライベートではない: endpointPrivateAccess が false である。',
      },
      evidence,
    );
  },
};
