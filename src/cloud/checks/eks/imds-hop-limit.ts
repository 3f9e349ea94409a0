/**
 * CONN-EKS-007: a hop limit of 1 keeps IMDSv2 tokens from pods. A limit of 2 is acceptable only
 * where NetworkPolicy blocks the metadata address for application pods. The limit governs only
 * the IMDSv2 token request: with IMDSv1 allowed, pods reach credentials whatever it is.
 */
import { isAutoMode, type EksFacts } from '../../facts/eks.js';
import { imdsReachability } from '../../imds.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, notApplicable, pass, sentence, unknown } from '../define.js';
import { dedupe, nodeMetadata } from './common.js';

export const eksImdsHopLimit: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-imds-hop-limit',
    catalogueId: 'CONN-EKS-007',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'medium',
    title: {
      en: 'IMDS hop limit keeps pods away from node credentials',
      ja: 'IMDS のホップ制限でポッドからノードの認証情報を守っている',
    },
    remediation: {
      en: 'Set `HttpPutResponseHopLimit: 1` with `HttpTokens: required` in the node launch template, or keep 2 only with a NetworkPolicy that blocks egress to 169.254.169.254/32 in every application namespace.',
      ja: 'ノードの起動テンプレートで `HttpTokens: required` とともに `HttpPutResponseHopLimit: 1` を設定する。2 のままにするなら、すべてのアプリケーション名前空間で 169.254.169.254/32 への送信を NetworkPolicy で遮断する。',
    },
    references: ['EKS BPG: Restrict access to the instance profile assigned to the worker node'],
  },
  evaluate(facts, { options }) {
    const metadata = nodeMetadata(facts);
    if (metadata.sources.length === 0 && metadata.uncovered.length === 0) {
      if (isAutoMode(facts)) {
        return notApplicable('EKS Auto Mode manages the nodes (IMDSv2 required, hop limit 1).', [
          facts.cluster.at('computeConfig', 'enabled'),
        ]);
      }
      return unknown('Neither node launch templates nor instances were given.', [
        missingCloudInput('ec2-instances', facts.vars),
        missingCloudInput('ec2-launch-template-versions', { ...facts.vars, item: '<id>' }),
      ]);
    }
    const active = metadata.sources.filter(
      (source) => source.options.get('HttpEndpoint').str() !== 'disabled',
    );
    const imdsv1 = active.filter((source) => source.options.get('HttpTokens').str() === 'optional');
    if (imdsv1.length > 0) {
      return fail(
        `IMDSv1 is allowed on ${listText(imdsv1.map((source) => source.label))}, so pods reach the metadata service whatever the hop limit.`,
        imdsv1.flatMap((source) => [
          source.options.get('HttpTokens'),
          source.options.get('HttpPutResponseHopLimit'),
        ]),
      );
    }
    const evidence = active.map((source) => source.options.get('HttpPutResponseHopLimit'));
    const high = active.filter(
      (source) => (source.options.get('HttpPutResponseHopLimit').num() ?? 0) > 2,
    );
    if (high.length > 0) {
      return fail(
        `The hop limit is above 2 on ${listText(high.map((source) => source.label))}.`,
        evidence,
      );
    }
    const two = active.filter(
      (source) => source.options.get('HttpPutResponseHopLimit').num() === 2,
    );
    const unset = active.filter(
      (source) => source.options.get('HttpPutResponseHopLimit').num() === undefined,
    );
    if (two.length > 0) {
      const imds = imdsReachability(facts, options);
      if (imds.state === 'reachable') {
        return fail(
          `The hop limit is 2 on ${listText(two.map((source) => source.label))} and pods can reach 169.254.169.254: ${imds.reason}.`,
          [...evidence, ...imds.evidence],
        );
      }
      if (imds.state === 'unknown') {
        return unknown(
          `The hop limit is 2 on ${listText(two.map((source) => source.label))}; whether NetworkPolicy blocks the metadata address is unknown: ${imds.reason}.`,
          imds.missing,
          evidence,
        );
      }
    }
    if (unset.length > 0 || metadata.uncovered.length > 0) {
      const parts = [
        ...(unset.length > 0
          ? [
              `${listText(unset.map((source) => source.label))} leave${unset.length > 1 ? '' : 's'} the hop limit to the default`,
            ]
          : []),
        ...(metadata.uncovered.length > 0
          ? [
              `the metadata options of node group${metadata.uncovered.length > 1 ? 's' : ''} ${listText(metadata.uncovered)} are not in the input`,
            ]
          : []),
      ];
      return unknown(
        sentence(`${parts.join('; ')}.`),
        dedupe([...metadata.missing, missingCloudInput('ec2-instances', facts.vars)]),
        evidence,
      );
    }
    if (two.length > 0) {
      return pass(
        'The hop limit is 2 on some nodes, and NetworkPolicy blocks the metadata address for application pods.',
        evidence,
      );
    }
    return pass(
      `The hop limit is 1 (or IMDS is disabled) on ${listText(metadata.sources.map((source) => source.label))}.`,
      evidence,
    );
  },
};
