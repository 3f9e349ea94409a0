/**
 * CONN-AKS-009: pods are kept from link-local addresses (IMDS) at the platform level
 * (`networkProfile.podLinkLocalAccess: None`). When absent, the verdict rests on NetworkPolicy, as
 * cloud/k8s-imds-egress-blocked judges it.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { imdsReachability } from '../../imds.js';
import { fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const aksPodImdsBlocked: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-pod-imds-blocked',
    catalogueId: 'CONN-AKS-009',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'info',
    title: {
      en: 'Pod access to IMDS is switched off at platform level',
      ja: 'ポッドから IMDS へのアクセスがプラットフォームで遮断されている',
    },
    remediation: {
      en: 'Where available, restrict IMDS (`az aks update --resource-group {rg} --name {name} --enable-imds-restriction`); otherwise block 169.254.169.254/32 with an egress NetworkPolicy in every application namespace.',
      ja: '利用できる場合は IMDS 制限を有効にする(`az aks update --resource-group {rg} --name {name} --enable-imds-restriction`)。そうでなければ各アプリケーション名前空間の送信 NetworkPolicy で 169.254.169.254/32 を遮断する。',
    },
    references: [
      'AKS docs: Block pod access to the IMDS endpoint',
      'AKS best practices: Restrict access to Instance Metadata API',
    ],
  },
  evaluate(facts, { options }) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = aksField(facts, 'networkProfile', 'podLinkLocalAccess');
    if (access.str()?.toLowerCase() === 'none') {
      return pass(
        {
          en: 'podLinkLocalAccess is None: pods cannot reach IMDS.',
          ja: 'podLinkLocalAccess が None のため、Pod は IMDS に到達できない。',
        },
        [access],
      );
    }
    // Without the platform switch, protection rests on NetworkPolicy (cloud/k8s-imds-egress-blocked).
    const imds = imdsReachability(facts, options);
    if (imds.state === 'blocked') {
      return pass(
        {
          en: `IMDS is not restricted at platform level, but ${imds.reason.en}.`,
          ja: `IMDS はプラットフォームレベルでは制限されていないが、${imds.reason.ja}。`,
        },
        [access, ...imds.evidence],
      );
    }
    if (imds.state === 'reachable') {
      return fail(
        {
          en: `IMDS is not restricted at platform level and pods can reach it: ${imds.reason.en}.`,
          ja: `IMDS はプラットフォームレベルで制限されておらず、Pod から到達できる: ${imds.reason.ja}。`,
        },
        [access, ...imds.evidence],
      );
    }
    return unknown(
      {
        en: `IMDS is not restricted at platform level; whether NetworkPolicy blocks it is unknown: ${imds.reason.en}.`,
        ja: `IMDS はプラットフォームレベルで制限されておらず、NetworkPolicy で遮断されているかはわからない: ${imds.reason.ja}。`,
      },
      imds.missing,
      [access],
    );
  },
};
