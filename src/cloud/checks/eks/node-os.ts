/**
 * CLUS-EKS-008: node groups run a container-optimised, supported OS. AL2023 and Bottlerocket
 * pass; Amazon Linux 2 is being retired (low); custom AMIs cannot be judged here (info).
 */
import { isAutoMode, nodegroupName, type EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';
import { nodegroupInputs, undescribedNodegroups } from './common.js';

export const eksNodeOs: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-node-os',
    catalogueId: 'CLUS-EKS-008',
    group: 'Cluster',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'Nodes run a container-optimised OS',
      ja: 'ノードがコンテナ向けに最適化された OS で動いている',
    },
    remediation: {
      en: 'Move node groups to AL2023 or Bottlerocket (`aws eks create-nodegroup … --ami-type AL2023_x86_64_STANDARD` or `BOTTLEROCKET_x86_64`) and drain the old ones.',
      ja: 'ノードグループを AL2023 または Bottlerocket に移行し(`aws eks create-nodegroup … --ami-type AL2023_x86_64_STANDARD` または `BOTTLEROCKET_x86_64`)、古いグループをドレインする。',
    },
    references: ['EKS BPG: Use an OS optimized for running containers', 'kubescape C-0226'],
  },
  evaluate(facts) {
    const missingNames = undescribedNodegroups(facts);
    if (facts.nodegroups.length === 0) {
      if (missingNames.length === 0 && (facts.nodegroupNames !== undefined || isAutoMode(facts))) {
        return notApplicable({
          en: 'The cluster has no managed node groups.',
          ja: 'クラスターにマネージドノードグループがない。',
        });
      }
      return unknown(
        {
          en: 'The managed node groups were not given.',
          ja: 'マネージドノードグループが与えられていない。',
        },
        nodegroupInputs(facts, missingNames),
      );
    }
    const amiTypes = facts.nodegroups.map((nodegroup) => nodegroup.get('amiType'));
    const al2 = facts.nodegroups.filter((nodegroup) =>
      /^AL2_/i.test(nodegroup.get('amiType').str() ?? ''),
    );
    const custom = facts.nodegroups.filter((nodegroup) =>
      /^CUSTOM$/i.test(nodegroup.get('amiType').str() ?? ''),
    );
    if (al2.length > 0) {
      return fail(
        {
          en: `Node group${al2.length > 1 ? 's' : ''} ${listText(al2.map(nodegroupName))} run${al2.length > 1 ? '' : 's'} Amazon Linux 2, which is being retired.`,
          ja: `ノードグループ ${listTextJa(al2.map(nodegroupName))} が、廃止予定の Amazon Linux 2 で動いている。`,
        },
        amiTypes,
      );
    }
    if (custom.length > 0) {
      return fail(
        {
          en: `Node group${custom.length > 1 ? 's' : ''} ${listText(custom.map(nodegroupName))} use${custom.length > 1 ? '' : 's'} a custom AMI; its hardening cannot be judged here.`,
          ja: `ノードグループ ${listTextJa(custom.map(nodegroupName))} がカスタム AMI を使っており、そのハードニングはここでは判断できない。`,
        },
        amiTypes,
        'info',
      );
    }
    if (missingNames.length > 0) {
      return unknown(
        {
          en: `Node group${missingNames.length > 1 ? 's' : ''} ${listText(missingNames)} ${missingNames.length > 1 ? 'were' : 'was'} listed but not described.`,
          ja: `ノードグループ ${listTextJa(missingNames)} は一覧にあるが、describe の出力が与えられていない。`,
        },
        nodegroupInputs(facts, missingNames),
        amiTypes,
      );
    }
    return pass(
      {
        en: 'Every node group runs AL2023, Bottlerocket or a Windows AMI managed by EKS.',
        ja: 'すべてのノードグループが、EKS が管理する AL2023、Bottlerocket または Windows の AMI で動いている。',
      },
      amiTypes,
    );
  },
};
