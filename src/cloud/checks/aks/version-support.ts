/**
 * CLUS-AKS-004: the Kubernetes version is supported: inside the AKS window (about a year from GA),
 * or on the LTS plan. Platform support (N-3) gets no security patches.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { aksSupport, minorOf } from '../../versions.js';
import { derived, fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const aksVersionSupport: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-version-support',
    catalogueId: 'CLUS-AKS-004',
    group: 'Cluster',
    provider: 'aks',
    severity: 'high',
    title: {
      en: 'Kubernetes version is supported',
      ja: 'Kubernetes バージョンがサポート期間内',
    },
    remediation: {
      en: 'List upgrades with `az aks get-upgrades --resource-group {rg} --name {name}` and run `az aks upgrade --resource-group {rg} --name {name} --kubernetes-version 1.NN`; enable an auto-upgrade channel.',
      ja: '`az aks get-upgrades --resource-group {rg} --name {name}` で候補を確認し、`az aks upgrade --resource-group {rg} --name {name} --kubernetes-version 1.NN` を実行する。自動アップグレードチャネルも有効にする。',
    },
    references: ['AKS Kubernetes release calendar', 'prowler aks_cluster_uses_a_supported_version'],
  },
  evaluate(facts, { now, versions }) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const current = aksField(facts, 'currentKubernetesVersion');
    const version = current.present ? current : aksField(facts, 'kubernetesVersion');
    const plan = aksField(facts, 'supportPlan');
    const minor = minorOf(version.str());
    if (minor === undefined) {
      return unknown(
        {
          en: 'The cluster description has no Kubernetes version.',
          ja: 'クラスターの記述に Kubernetes のバージョンがない。',
        },
        [missingCloudInput('aks-cluster', facts.vars)],
        [version],
      );
    }
    const lts = plan.str()?.toLowerCase() === 'akslongtermsupport';
    const support = aksSupport(minor, versions, now, lts);
    const table = derived(
      `versionSupport.aks["${minor}"] (table of ${versions.asOf})`,
      versions.aks[minor] ?? null,
    );
    const evidence = [version, plan, table];
    switch (support.status) {
      case 'standard':
        return pass(
          {
            en: `${minor} is supported until ${support.until} (table of ${versions.asOf}).`,
            ja: `${minor} は ${support.until} までサポートされている(${versions.asOf} 時点の表)。`,
          },
          evidence,
        );
      case 'lts':
        return pass(
          {
            en: `${minor} is past community support but on long-term support until ${support.until}.`,
            ja: `${minor} はコミュニティサポートが終了しているが、${support.until} まで長期サポート(LTS)の対象である。`,
          },
          evidence,
        );
      case 'platform':
        return fail(
          {
            en: `${minor} is past its end of life and only under platform support${support.until === undefined ? '' : ` until ${support.until}`}: no Kubernetes security patches.`,
            ja: `${minor} はサポート終了(EOL)を過ぎており、${support.until === undefined ? '' : `${support.until} まで`}プラットフォームサポートの対象でしかないため、Kubernetes のセキュリティパッチが提供されない。`,
          },
          evidence,
          'medium',
        );
      case 'unsupported':
        return fail(
          {
            en: `${minor} is out of support${support.since === undefined ? '' : ` since ${support.since}`} (table of ${versions.asOf}).`,
            ja: `${minor} は${support.since === undefined ? '' : ` ${support.since} から`}サポート対象外である(${versions.asOf} 時点の表)。`,
          },
          evidence,
        );
      case 'newer':
        return pass(
          {
            en: `${minor} is newer than the newest version in the table (${support.newest}, table of ${versions.asOf}).`,
            ja: `${minor} は表にある最新のバージョンより新しい(${support.newest}、${versions.asOf} 時点の表)。`,
          },
          evidence,
        );
      default:
        return unknown(
          {
            en: `${minor} is not in the version table of ${versions.asOf}; add it under cloud.versionSupport.aks.`,
            ja: `${minor} は ${versions.asOf} 時点のバージョン表にない。cloud.versionSupport.aks に追加する。`,
          },
          [],
          evidence,
        );
    }
  },
};
