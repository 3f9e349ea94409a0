/**
 * CONN-EKS-007: a hop limit of 1 keeps IMDSv2 tokens from pods. A limit of 2 is acceptable only
 * where NetworkPolicy blocks the metadata address for application pods. The limit governs only
 * the IMDSv2 token request: with IMDSv1 allowed, pods reach credentials whatever it is.
 */
import { isAutoMode, type EksFacts } from '../../facts/eks.js';
import { imdsReachability } from '../../imds.js';
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
        return notApplicable(
          {
            en: 'EKS Auto Mode manages the nodes (IMDSv2 required, hop limit 1).',
            ja: 'EKS Auto Mode がノードを管理している(IMDSv2 必須、ホップ制限 1)。',
          },
          [facts.cluster.at('computeConfig', 'enabled')],
        );
      }
      return noNodeMetadata(facts);
    }
    const active = metadata.sources.filter(
      (source) => source.options.get('HttpEndpoint').str() !== 'disabled',
    );
    const imdsv1 = active.filter((source) => source.options.get('HttpTokens').str() === 'optional');
    if (imdsv1.length > 0) {
      return fail(
        {
          en: `IMDSv1 is allowed on ${listText(imdsv1.map((source) => source.label.en))}, so pods reach the metadata service whatever the hop limit.`,
          ja: `${listTextJa(imdsv1.map((source) => source.label.ja))} で IMDSv1 が許可されているため、ホップ制限にかかわらず Pod はメタデータサービスに到達できる。`,
        },
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
        {
          en: `The hop limit is above 2 on ${listText(high.map((source) => source.label.en))}.`,
          ja: `${listTextJa(high.map((source) => source.label.ja))} でホップ制限が 2 を超えている。`,
        },
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
          {
            en: `The hop limit is 2 on ${listText(two.map((source) => source.label.en))} and pods can reach 169.254.169.254: ${imds.reason.en}.`,
            ja: `${listTextJa(two.map((source) => source.label.ja))} でホップ制限が 2 で、Pod は 169.254.169.254 に到達できる: ${imds.reason.ja}。`,
          },
          [...evidence, ...imds.evidence],
        );
      }
      if (imds.state === 'unknown') {
        return unknown(
          {
            en: `The hop limit is 2 on ${listText(two.map((source) => source.label.en))}; whether NetworkPolicy blocks the metadata address is unknown: ${imds.reason.en}.`,
            ja: `${listTextJa(two.map((source) => source.label.ja))} でホップ制限が 2 で、NetworkPolicy がメタデータアドレスを遮断しているかはわからない: ${imds.reason.ja}。`,
          },
          imds.missing,
          evidence,
        );
      }
    }
    if (unset.length > 0 || metadata.uncovered.length > 0) {
      const parts = [
        ...(unset.length > 0
          ? [
              {
                en: `${listText(unset.map((source) => source.label.en))} leave${unset.length > 1 ? '' : 's'} the hop limit to the default`,
                ja: `${listTextJa(unset.map((source) => source.label.ja))} がホップ制限をデフォルトのままにしている`,
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
    if (two.length > 0) {
      return pass(
        {
          en: 'The hop limit is 2 on some nodes, and NetworkPolicy blocks the metadata address for application pods.',
          ja: '一部のノードでホップ制限が 2 だが、NetworkPolicy がアプリケーション Pod からのメタデータアドレスへの通信を遮断している。',
        },
        evidence,
      );
    }
    return pass(
      {
        en: `The hop limit is 1 (or IMDS is disabled) on ${listText(metadata.sources.map((source) => source.label.en))}.`,
        ja: `${listTextJa(metadata.sources.map((source) => source.label.ja))} でホップ制限が 1 になっている(または IMDS が無効)。`,
      },
      evidence,
    );
  },
};
