/**
 * AUTH-EKS-008: no kube2iam or kiam. They intercept the metadata service on every node; IRSA and
 * Pod Identity make them unnecessary.
 */
import type { EksFacts } from '../../facts/eks.js';
import { hasPodInput, podSpecs } from '../../facts/k8s.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';

const BROKER = /(^|[/-])(kube2iam|kiam)([:@-]|$)/;

export const eksLegacyCredentialBrokers: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-legacy-credential-brokers',
    catalogueId: 'AUTH-EKS-008',
    group: 'Auth',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'No legacy node-credential brokers (kube2iam, kiam)',
      ja: '旧来の認証情報ブローカー(kube2iam、kiam)を使っていない',
    },
    remediation: {
      en: 'Move workloads to IRSA or EKS Pod Identity, drop the `iam.amazonaws.com/role` annotations and uninstall kube2iam/kiam.',
      ja: 'ワークロードを IRSA か EKS Pod Identity に移し、`iam.amazonaws.com/role` アノテーションを外して kube2iam/kiam をアンインストールする。',
    },
    references: ['EKS BPG: IAM Roles for Service Accounts'],
  },
  evaluate(facts) {
    if (!hasPodInput(facts.k8s)) {
      return unknown(
        {
          en: 'Neither Pods nor workloads were given.',
          ja: 'Pod もワークロードも与えられていない。',
        },
        [missingKubernetesInput('DaemonSet'), missingKubernetesInput('Pod')],
      );
    }
    const found: { label: string; node: Node }[] = [];
    for (const pod of podSpecs(facts.k8s)) {
      const annotation = pod.metadata.at('annotations').get('iam.amazonaws.com/role');
      if (annotation.str() !== undefined) {
        found.push({ label: `${pod.owner.ref} (iam.amazonaws.com/role)`, node: annotation });
      }
      const images = pod.spec
        .get('containers')
        .items()
        .map((container) => container.get('image'));
      const broker = images.find((image) => BROKER.test(image.str() ?? ''));
      if (broker !== undefined || /^(kube2iam|kiam)/.test(pod.owner.name)) {
        found.push({ label: pod.owner.ref, node: broker ?? pod.owner.node.at('metadata', 'name') });
      }
    }
    if (found.length > 0) {
      return fail(
        {
          en: `Legacy credential brokers are in use: ${listText(found.map((item) => item.label))}.`,
          ja: `レガシーな認証情報ブローカーが使われている: ${listTextJa(found.map((item) => item.label))}。`,
        },
        found.map((item) => item.node),
      );
    }
    return pass({
      en: 'No kube2iam or kiam workload and no iam.amazonaws.com/role annotation.',
      ja: 'kube2iam や kiam のワークロードも、iam.amazonaws.com/role アノテーションもない。',
    });
  },
};
