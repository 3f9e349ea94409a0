/**
 * CONN-EKS-003: with the private endpoint off, kubelets reach the API server over the Internet.
 */
import type { EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { endpointAccess, noCluster, noVpcConfig } from './common.js';

export const eksEndpointPrivateAccess: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-endpoint-private-access',
    catalogueId: 'CONN-EKS-003',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'Node-to-API traffic stays in the VPC',
      ja: 'ノードから API へのトラフィックが VPC 内に留まる',
    },
    remediation: {
      en: 'Enable the private endpoint: `aws eks update-cluster-config --name {name} --resources-vpc-config endpointPrivateAccess=true`.',
      ja: 'プライベートエンドポイントを有効にする: `aws eks update-cluster-config --name {name} --resources-vpc-config endpointPrivateAccess=true`。',
    },
    references: ['CIS EKS 5.4.1', 'CIS EKS 5.4.3', 'prowler eks_cluster_private_nodes_enabled'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = endpointAccess(facts);
    if (access === undefined) {
      return noVpcConfig(facts);
    }
    if (access.privateAccess) {
      return pass(
        {
          en: 'The private endpoint is enabled: nodes reach the API server inside the VPC.',
          ja: 'プライベートエンドポイントが有効で、ノードは VPC 内から API サーバーに到達している。',
        },
        [access.privateNode],
      );
    }
    return fail(
      {
        en: 'The private endpoint is disabled: kubelets reach the API server through the public endpoint.',
        ja: 'プライベートエンドポイントが無効で、kubelet はパブリックエンドポイント経由で API サーバーに到達している。',
      },
      [access.privateNode],
    );
  },
};
