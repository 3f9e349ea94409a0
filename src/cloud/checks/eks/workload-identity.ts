/**
 * AUTH-EKS-006: pods can get their own AWS identity: an IAM OIDC provider for the cluster's issuer
 * (IRSA) or the EKS Pod Identity agent. The issuer URL alone proves nothing: every cluster has one.
 */
import { addonInstalled, isAutoMode, type EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';

export const eksWorkloadIdentity: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-workload-identity',
    catalogueId: 'AUTH-EKS-006',
    group: 'Auth',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'IRSA or EKS Pod Identity is available',
      ja: 'IRSA または EKS Pod Identity が使える',
    },
    remediation: {
      en: 'Install the Pod Identity agent (`aws eks create-addon --cluster-name {name} --addon-name eks-pod-identity-agent`) or create the OIDC provider for IRSA (`eksctl utils associate-iam-oidc-provider --cluster {name} --approve`).',
      ja: 'Pod Identity エージェントを導入する(`aws eks create-addon --cluster-name {name} --addon-name eks-pod-identity-agent`)か、IRSA 用の OIDC プロバイダーを作成する(`eksctl utils associate-iam-oidc-provider --cluster {name} --approve`)。',
    },
    references: [
      'CIS EKS 5.2.1',
      'EKS BPG: IAM Roles for Service Accounts',
      'EKS BPG: EKS Pod Identities',
    ],
  },
  evaluate(facts) {
    const issuer = facts.cluster.at('identity', 'oidc', 'issuer');
    const issuerHost = issuer.str()?.replace(/^https:\/\//, '');
    const evidence: Node[] = [issuer];
    const provider =
      issuerHost === undefined
        ? undefined
        : facts.oidcProviders?.find((item) =>
            (item.get('Arn').str() ?? '').endsWith(`:oidc-provider/${issuerHost}`),
          );
    if (provider !== undefined) {
      return pass(
        {
          en: 'An IAM OIDC provider exists for the cluster issuer: IRSA is usable.',
          ja: 'クラスターの発行者に対応する IAM OIDC プロバイダーがあり、IRSA を使える。',
        },
        [issuer, provider.get('Arn')],
      );
    }
    const agent = addonInstalled(facts, 'eks-pod-identity-agent');
    const agentDaemonSet = facts.k8s.find('DaemonSet', 'kube-system', 'eks-pod-identity-agent');
    if (agent === true || agentDaemonSet !== undefined) {
      return pass(
        {
          en: 'The EKS Pod Identity agent is installed.',
          ja: 'EKS Pod Identity エージェントがインストールされている。',
        },
        agentDaemonSet === undefined
          ? evidence
          : [...evidence, agentDaemonSet.node.get('metadata')],
      );
    }
    if (isAutoMode(facts)) {
      return pass(
        {
          en: 'EKS Auto Mode runs the Pod Identity agent.',
          ja: 'EKS Auto Mode が Pod Identity エージェントを動かしている。',
        },
        [facts.cluster.at('computeConfig', 'enabled')],
      );
    }
    if (facts.oidcProviders !== undefined && agent === false) {
      return fail(
        {
          en: 'No IAM OIDC provider matches the cluster issuer and the Pod Identity agent is not installed: pods can only use the node role.',
          ja: 'クラスターの発行者に一致する IAM OIDC プロバイダーがなく、Pod Identity エージェントもインストールされていないため、Pod はノードロールしか使えない。',
        },
        evidence,
      );
    }
    const missing = [
      ...(facts.oidcProviders === undefined
        ? [missingCloudInput('iam-oidc-providers', facts.vars)]
        : []),
      ...(agent === undefined ? [missingCloudInput('eks-addons-list', facts.vars)] : []),
    ];
    return unknown(
      facts.oidcProviders === undefined
        ? {
            en: 'The IAM OIDC providers were not given.',
            ja: 'IAM OIDC プロバイダーが与えられていない。',
          }
        : {
            en: 'No OIDC provider matches the issuer, and the installed add-ons were not given.',
            ja: '発行者に一致する OIDC プロバイダーがなく、インストール済みのアドオンも与えられていない。',
          },
      missing,
      evidence,
    );
  },
};
