/**
 * CONN-EKS-006: IMDSv2 (`HttpTokens: required`) on every node. With `optional`, IMDSv1 works from
 * any pod whatever the hop limit, and the node role's credentials are one GET away.
 */
import { isAutoMode, type EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import {
  fail,
  joinClauses,
  listText,
  listTextJa,
  notApplicable,
  pass,
  unknown,
} from '../define.js';
import { dedupe, nodeMetadata, noNodeMetadata, uncoveredClauses } from './common.js';

export const eksImdsv2Required: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-imdsv2-required',
    catalogueId: 'CONN-EKS-006',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'IMDSv2 is required on nodes',
      ja: 'ノードで IMDSv2 が必須になっている',
    },
    remediation: {
      en: 'Set `MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}` in the node launch template (`aws ec2 create-launch-template-version … --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required","HttpPutResponseHopLimit":1}}\'`) and roll the node group.',
      ja: 'ノードの起動テンプレートで `MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}` を設定し(`aws ec2 create-launch-template-version … --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required","HttpPutResponseHopLimit":1}}\'`)、ノードグループを入れ替える。',
    },
    references: [
      'EKS BPG: Restrict access to the instance profile assigned to the worker node',
      'hardeneks check_access_to_instance_profile',
    ],
  },
  evaluate(facts) {
    const metadata = nodeMetadata(facts);
    if (metadata.sources.length === 0 && metadata.uncovered.length === 0) {
      if (isAutoMode(facts)) {
        return notApplicable(
          {
            en: 'EKS Auto Mode manages the nodes, which require IMDSv2.',
            ja: 'EKS Auto Mode がノードを管理しており、IMDSv2 が必須になっている。',
          },
          [facts.cluster.at('computeConfig', 'enabled')],
        );
      }
      return noNodeMetadata(facts);
    }
    const optional = metadata.sources.filter(
      (source) =>
        source.options.get('HttpEndpoint').str() !== 'disabled' &&
        source.options.get('HttpTokens').str() === 'optional',
    );
    if (optional.length > 0) {
      return fail(
        {
          en: `IMDSv1 is allowed (HttpTokens: optional) on ${listText(optional.map((source) => source.label.en))}.`,
          ja: `${listTextJa(optional.map((source) => source.label.ja))} で IMDSv1 が許可されている(HttpTokens: optional)。`,
        },
        optional.map((source) => source.options.get('HttpTokens')),
      );
    }
    const unset = metadata.sources.filter(
      (source) =>
        source.options.get('HttpEndpoint').str() !== 'disabled' &&
        source.options.get('HttpTokens').str() === undefined,
    );
    const evidence = metadata.sources.map((source) => source.options.get('HttpTokens'));
    if (unset.length > 0 || metadata.uncovered.length > 0) {
      const parts = [
        ...(unset.length > 0
          ? [
              {
                en: `${listText(unset.map((source) => source.label.en))} leave${unset.length > 1 ? '' : 's'} HttpTokens to the AMI or account default`,
                ja: `${listTextJa(unset.map((source) => source.label.ja))} が HttpTokens を AMI またはアカウントのデフォルトに任せている`,
              },
            ]
          : []),
        ...uncoveredClauses(metadata.uncovered),
      ];
      return unknown(
        joinClauses(parts),
        dedupe([...metadata.missing, missingCloudInput('ec2-instances', facts.vars)]),
        evidence,
      );
    }
    return pass(
      {
        en: `IMDSv2 is required (or IMDS disabled) on ${listText(metadata.sources.map((source) => source.label.en))}.`,
        ja: `${listTextJa(metadata.sources.map((source) => source.label.ja))} で IMDSv2 が必須になっている(または IMDS が無効)。`,
      },
      evidence,
    );
  },
};
