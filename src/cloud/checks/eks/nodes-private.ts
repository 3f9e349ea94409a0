/**
 * CONN-EKS-009: worker nodes have no public address (Node ExternalIP, instance public IP or DNS
 * name, or a launch template that associates one).
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput, missingKubernetesInput } from '../../inputs.js';
import type { LocalizedText } from '../../../core/model.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';
import { launchTemplatesInUse } from './common.js';

export const eksNodesPrivate: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-nodes-private',
    catalogueId: 'CONN-EKS-009',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'Worker nodes have no public address',
      ja: 'ワーカーノードにパブリックアドレスがない',
    },
    remediation: {
      en: 'Run node groups in private subnets (`aws eks create-nodegroup … --subnets <private-subnets>`), turn off `MapPublicIpOnLaunch` on node subnets and set `AssociatePublicIpAddress: false` in launch templates.',
      ja: 'ノードグループをプライベートサブネットで動かし(`aws eks create-nodegroup … --subnets <private-subnets>`)、ノード用サブネットの `MapPublicIpOnLaunch` を無効にし、起動テンプレートで `AssociatePublicIpAddress: false` を設定する。',
    },
    references: [
      'CIS EKS 5.4.3',
      'EKS BPG: Deploy workers onto private subnets',
      'hardeneks deploy_workers_onto_private_subnets',
    ],
  },
  evaluate(facts) {
    const exposed: { label: LocalizedText; node: Node }[] = [];
    const checked: Node[] = [];
    for (const node of facts.k8s.ofKind('Node')) {
      const addresses = node.node.at('status', 'addresses');
      checked.push(addresses);
      if (
        addresses
          .items()
          .some(
            (address) =>
              address.get('type').str() === 'ExternalIP' &&
              address.get('address').str() !== undefined,
          )
      ) {
        exposed.push({ label: { en: node.ref, ja: node.ref }, node: addresses });
      }
    }
    for (const instance of facts.instances ?? []) {
      const ip = instance.get('PublicIpAddress');
      checked.push(ip);
      if (ip.str() !== undefined) {
        const id = instance.get('InstanceId').str() ?? '';
        exposed.push({ label: { en: `instance ${id}`, ja: `インスタンス ${id}` }, node: ip });
      }
    }
    let templatesPrivate = launchTemplatesInUse(facts).length > 0;
    for (const version of launchTemplatesInUse(facts)) {
      const interfaces = version.at('LaunchTemplateData', 'NetworkInterfaces').items();
      const flags = interfaces.map((item) => item.get('AssociatePublicIpAddress'));
      if (flags.some((flag) => flag.bool() === true)) {
        exposed.push({
          label: {
            en: `launch template ${version.get('LaunchTemplateId').str() ?? ''}`,
            ja: `起動テンプレート ${version.get('LaunchTemplateId').str() ?? ''}`,
          },
          node: flags.find((flag) => flag.bool() === true) ?? version,
        });
      }
      if (flags.length === 0 || flags.some((flag) => flag.bool() !== false)) {
        templatesPrivate = false;
      }
      checked.push(...flags);
    }
    if (exposed.length > 0) {
      return fail(
        {
          en: `Nodes have public addresses: ${listText(exposed.map((item) => item.label.en))}.`,
          ja: `パブリックアドレスを持つノードがある: ${listTextJa(exposed.map((item) => item.label.ja))}。`,
        },
        exposed.map((item) => item.node),
      );
    }
    if (facts.k8s.has('Node') || facts.instances !== undefined || templatesPrivate) {
      return pass(
        { en: 'No node has a public address.', ja: 'パブリックアドレスを持つノードはない。' },
        checked,
      );
    }
    return unknown(
      {
        en: 'Neither Node objects, instances nor launch templates that fix the public-IP setting were given.',
        ja: 'Node オブジェクトも、インスタンスも、パブリック IP の設定を固定する起動テンプレートも与えられていない。',
      },
      [missingKubernetesInput('Node'), missingCloudInput('ec2-instances', facts.vars)],
    );
  },
};
