/**
 * AUTH-EKS-007: the aws-node DaemonSet (VPC CNI) uses its own IAM role through IRSA or Pod
 * Identity, so the node role does not need AmazonEKS_CNI_Policy.
 */
import { addonNamed, isAutoMode, type EksFacts } from '../../facts/eks.js';
import { missingCloudInput, missingKubernetesInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, notApplicable, pass, unknown } from '../define.js';

const ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

export const eksAwsNodeIdentity: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-aws-node-identity',
    catalogueId: 'AUTH-EKS-007',
    group: 'Auth',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'aws-node uses its own IAM role',
      ja: 'aws-node が専用の IAM ロールを使っている',
    },
    remediation: {
      en: 'Give the VPC CNI its own role: `aws eks update-addon --cluster-name {name} --addon-name vpc-cni --service-account-role-arn ROLE_ARN` (or a Pod Identity association for kube-system/aws-node), then remove AmazonEKS_CNI_Policy from the node role.',
      ja: 'VPC CNI に専用ロールを与え(`aws eks update-addon --cluster-name {name} --addon-name vpc-cni --service-account-role-arn ROLE_ARN`、または kube-system/aws-node の Pod Identity 関連付け)、ノードロールから AmazonEKS_CNI_Policy を外す。',
    },
    references: [
      'EKS BPG: Update the aws-node daemonset to use IRSA',
      'hardeneks check_aws_node_daemonset_service_account',
    ],
  },
  evaluate(facts) {
    const vpcCni = addonNamed(facts, 'vpc-cni');
    const serviceAccount = facts.k8s.find('ServiceAccount', 'kube-system', 'aws-node');
    const association = facts.podIdentityAssociations?.find(
      (item) =>
        item.get('namespace').str() === 'kube-system' &&
        item.get('serviceAccount').str() === 'aws-node',
    );
    const positives: Node[] = [];
    if (vpcCni?.get('serviceAccountRoleArn').str() !== undefined) {
      positives.push(vpcCni.get('serviceAccountRoleArn'));
    }
    if (vpcCni !== undefined && vpcCni.get('podIdentityAssociations').strings().length > 0) {
      positives.push(vpcCni.get('podIdentityAssociations'));
    }
    if (association !== undefined) {
      positives.push(association);
    }
    const annotation = serviceAccount?.node.at('metadata', 'annotations').get(ROLE_ANNOTATION);
    if (annotation?.str() !== undefined) {
      positives.push(annotation);
    }
    if (positives.length > 0) {
      return pass(
        {
          en: 'aws-node runs with its own IAM role.',
          ja: 'aws-node は専用の IAM ロールで動いている。',
        },
        positives,
      );
    }
    const negatives: Node[] = [];
    if (vpcCni !== undefined) {
      negatives.push(vpcCni.get('serviceAccountRoleArn'), vpcCni.get('podIdentityAssociations'));
    }
    if (annotation !== undefined) {
      negatives.push(annotation);
    }
    if (negatives.length > 0) {
      return fail(
        {
          en: 'aws-node has no role of its own (no IRSA role on the vpc-cni add-on or the aws-node ServiceAccount, no Pod Identity association): it uses the node role.',
          ja: 'aws-node に専用のロールがない(vpc-cni アドオンにも aws-node ServiceAccount にも IRSA ロールがなく、Pod Identity の関連付けもない)ため、ノードロールを使っている。',
        },
        negatives,
      );
    }
    if (isAutoMode(facts) && facts.k8s.find('DaemonSet', 'kube-system', 'aws-node') === undefined) {
      return notApplicable({
        en: 'EKS Auto Mode runs the VPC CNI outside the cluster.',
        ja: 'EKS Auto Mode では VPC CNI がクラスターの外で動いている。',
      });
    }
    return unknown(
      {
        en: 'Neither the vpc-cni add-on nor the aws-node ServiceAccount was given.',
        ja: 'vpc-cni アドオンも aws-node ServiceAccount も与えられていない。',
      },
      [
        missingCloudInput('eks-addon', { ...facts.vars, item: 'vpc-cni' }),
        missingKubernetesInput('ServiceAccount'),
        missingCloudInput('eks-pod-identity-associations', facts.vars),
      ],
    );
  },
};
