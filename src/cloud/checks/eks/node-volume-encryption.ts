/**
 * CLUS-EKS-010: node root volumes are encrypted: account-level EBS encryption by default, or
 * `Encrypted: true` on every EBS mapping of the node launch templates.
 */
import { nodegroupName, type EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';
import { launchTemplatesInUse } from './common.js';

export const eksNodeVolumeEncryption: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-node-volume-encryption',
    catalogueId: 'CLUS-EKS-010',
    group: 'Cluster',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'Node volumes are encrypted',
      ja: 'ノードのボリュームが暗号化されている',
    },
    remediation: {
      en: 'Turn on EBS encryption by default (`aws ec2 enable-ebs-encryption-by-default`) or set `"Ebs": {"Encrypted": true}` in the node launch templates, then roll the node groups.',
      ja: 'EBS のデフォルト暗号化を有効にする(`aws ec2 enable-ebs-encryption-by-default`)か、ノードの起動テンプレートで `"Ebs": {"Encrypted": true}` を設定し、ノードグループを入れ替える。',
    },
    references: ['EKS BPG: Encryption at rest'],
  },
  evaluate(facts) {
    const byDefault = facts.ebsEncryptionByDefault;
    if (byDefault?.bool() === true) {
      return pass(
        {
          en: 'EBS encryption by default is enabled for the account and region.',
          ja: 'このアカウントとリージョンで EBS のデフォルト暗号化が有効になっている。',
        },
        [byDefault],
      );
    }
    const templates = launchTemplatesInUse(facts);
    const mappings: Node[] = templates.flatMap((version) =>
      version.at('LaunchTemplateData', 'BlockDeviceMappings').items(),
    );
    const unencrypted = mappings.filter(
      (mapping) => mapping.get('Ebs').present && mapping.at('Ebs', 'Encrypted').bool() === false,
    );
    const unset = mappings.filter(
      (mapping) =>
        mapping.get('Ebs').present && mapping.at('Ebs', 'Encrypted').bool() === undefined,
    );
    const evidence = mappings.map((mapping) => mapping.at('Ebs', 'Encrypted'));
    if (byDefault !== undefined) {
      evidence.unshift(byDefault);
    }
    if (unencrypted.length > 0) {
      return fail(
        {
          en: `${unencrypted.length} EBS mapping${unencrypted.length > 1 ? 's' : ''} in node launch templates set Encrypted: false.`,
          ja: `ノードの起動テンプレートにある EBS マッピング ${unencrypted.length} 件が Encrypted: false を設定している。`,
        },
        evidence,
      );
    }
    const withoutTemplate = facts.nodegroups
      .filter((nodegroup) => !nodegroup.get('launchTemplate').present)
      .map(nodegroupName);
    const templatesWithoutMappings = templates.filter(
      (version) => version.at('LaunchTemplateData', 'BlockDeviceMappings').items().length === 0,
    );
    if (
      mappings.length > 0 &&
      unset.length === 0 &&
      withoutTemplate.length === 0 &&
      templatesWithoutMappings.length === 0
    ) {
      return pass(
        {
          en: 'Every EBS mapping of the node launch templates is encrypted.',
          ja: 'ノードの起動テンプレートにある EBS マッピングはすべて暗号化されている。',
        },
        evidence,
      );
    }
    const reasons = [
      ...(unset.length > 0
        ? [
            {
              en: 'some launch template mappings leave Encrypted unset',
              ja: '起動テンプレートの一部のマッピングが Encrypted を設定していない',
            },
          ]
        : []),
      ...(withoutTemplate.length > 0
        ? [
            {
              en: `node group${withoutTemplate.length > 1 ? 's' : ''} ${listText(withoutTemplate)} use${withoutTemplate.length > 1 ? '' : 's'} the EKS default launch template`,
              ja: `ノードグループ ${listTextJa(withoutTemplate)} が EKS のデフォルト起動テンプレートを使っている`,
            },
          ]
        : []),
      ...(templatesWithoutMappings.length > 0
        ? [
            {
              en: 'some launch templates keep the AMI volume settings',
              ja: '一部の起動テンプレートが AMI のボリューム設定をそのまま使っている',
            },
          ]
        : []),
      ...(mappings.length === 0 && templates.length === 0 && facts.nodegroups.length === 0
        ? [
            {
              en: 'no node launch template was given',
              ja: 'ノードの起動テンプレートが与えられていない',
            },
          ]
        : []),
    ];
    return unknown(
      {
        en: `Encryption depends on the account default, which was not given: ${reasons.map((reason) => reason.en).join('; ') || 'no volume settings were found'}.`,
        ja: `暗号化は与えられていないアカウントのデフォルト設定に依存する: ${reasons.map((reason) => reason.ja).join('。') || 'ボリュームの設定が見つからない'}。`,
      },
      [
        missingCloudInput('ec2-ebs-encryption-default', facts.vars),
        missingCloudInput('ec2-launch-template-versions', { ...facts.vars, item: '<id>' }),
      ],
      evidence,
    );
  },
};
