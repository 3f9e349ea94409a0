/**
 * CONN-ANY-002: pods in application namespaces cannot reach the instance metadata service at
 * 169.254.169.254 (see imds.ts for the algorithm).
 */
import type { ClusterFacts } from '../../facts/index.js';
import { imdsReachability } from '../../imds.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';

export const k8sImdsEgressBlocked: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-imds-egress-blocked',
    catalogueId: 'CONN-ANY-002',
    group: 'Connectivity',
    provider: 'kubernetes',
    severity: 'high',
    title: {
      en: 'Pods cannot reach the instance metadata service',
      ja: 'ポッドからインスタンスメタデータサービスに到達できない',
    },
    remediation: {
      en: 'Enforce NetworkPolicy and, in every application namespace, isolate egress and allow it only through `ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}` or narrower rules (on GKE use the GKE metadata server; on EKS also require IMDSv2 with hop limit 1).',
      ja: 'NetworkPolicy を強制し、各アプリケーション名前空間で送信を分離したうえで `ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}` かそれより狭いルールだけで許可する(GKE では GKE メタデータサーバーを使い、EKS ではホップ制限 1 の IMDSv2 も必須にする)。',
    },
    references: [
      'AKS best practices: Restrict access to Instance Metadata API',
      'EKS BPG: Restrict access to the instance profile assigned to the worker node',
    ],
  },
  evaluate(facts, { options }) {
    const imds = imdsReachability(facts, options);
    if (imds.state === 'blocked') {
      return pass(
        {
          en: `Pods cannot reach the metadata service: ${imds.reason.en}.`,
          ja: `Pod はメタデータサービスに到達できない: ${imds.reason.ja}。`,
        },
        imds.evidence,
      );
    }
    if (imds.state === 'reachable') {
      return fail(
        {
          en: `Pods can reach 169.254.169.254: ${imds.reason.en}.`,
          ja: `Pod は 169.254.169.254 に到達できる: ${imds.reason.ja}。`,
        },
        imds.evidence,
      );
    }
    return unknown(
      {
        en: `Whether pods can reach 169.254.169.254 is unknown: ${imds.reason.en}.`,
        ja: `Pod が 169.254.169.254 に到達できるかはわからない: ${imds.reason.ja}。`,
      },
      imds.missing,
      imds.evidence,
    );
  },
};
