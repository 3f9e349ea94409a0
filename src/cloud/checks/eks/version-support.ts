/**
 * CLUS-EKS-005: the Kubernetes version is in standard support. `aws eks describe-cluster-versions`
 * output decides when given; otherwise the dated table (`cloud.versionSupport`).
 */
import type { EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { eksSupport, minorOf } from '../../versions.js';
import { derived, fail, pass, unknown } from '../define.js';
import { noCluster } from './common.js';

export const eksVersionSupport: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-version-support',
    catalogueId: 'CLUS-EKS-005',
    group: 'Cluster',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'Kubernetes version is in standard support',
      ja: 'Kubernetes バージョンが標準サポート期間内',
    },
    remediation: {
      en: 'Upgrade the control plane one minor at a time (`aws eks update-cluster-version --name {name} --kubernetes-version 1.NN`), then the node groups and add-ons.',
      ja: 'コントロールプレーンを 1 マイナーずつ上げ(`aws eks update-cluster-version --name {name} --kubernetes-version 1.NN`)、その後ノードグループとアドオンを更新する。',
    },
    references: ['FSBP EKS.2', 'hardeneks check_eks_version', 'EKS Kubernetes release calendar'],
  },
  evaluate(facts, { now, versions }) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const version = facts.cluster.get('version');
    const minor = minorOf(version.str());
    if (minor === undefined) {
      return unknown(
        { en: 'describe-cluster has no version.', ja: 'describe-cluster にバージョンがない。' },
        [missingCloudInput('eks-cluster', facts.vars)],
        [version],
      );
    }
    const listed = (facts.clusterVersions ?? []).find(
      (entry) => minorOf(entry.get('clusterVersion').str()) === minor,
    );
    if (listed !== undefined) {
      const status = listed.get('versionStatus');
      const text = (status.str() ?? listed.get('status').str() ?? '')
        .toUpperCase()
        .replace(/-/g, '_');
      const evidence = [
        version,
        status.present ? status : listed.get('status'),
        listed.get('endOfStandardSupportDate'),
      ];
      if (text === 'STANDARD_SUPPORT') {
        return pass(
          {
            en: `${minor} is in standard support (describe-cluster-versions).`,
            ja: `${minor} は標準サポート期間中である(describe-cluster-versions)。`,
          },
          evidence,
        );
      }
      if (text === 'EXTENDED_SUPPORT') {
        return fail(
          {
            en: `${minor} is in extended support (describe-cluster-versions): extra cost, and upgrades are due.`,
            ja: `${minor} は延長サポート期間中である(describe-cluster-versions)。追加料金がかかり、アップグレードが必要である。`,
          },
          evidence,
          'medium',
        );
      }
      if (text === 'UNSUPPORTED') {
        return fail(
          {
            en: `${minor} is no longer supported (describe-cluster-versions).`,
            ja: `${minor} はサポートが終了している(describe-cluster-versions)。`,
          },
          evidence,
        );
      }
    }
    const support = eksSupport(minor, versions, now);
    const table = derived(
      `versionSupport.eks["${minor}"] (table of ${versions.asOf})`,
      versions.eks[minor] ?? null,
    );
    switch (support.status) {
      case 'standard':
        return pass(
          {
            en: `${minor} is in standard support until ${support.until} (table of ${versions.asOf}).`,
            ja: `${minor} は ${support.until} まで標準サポート期間中である(${versions.asOf} 時点の表)。`,
          },
          [version, table],
        );
      case 'extended':
        return fail(
          {
            en: `${minor} left standard support and is in extended support until ${support.until} (table of ${versions.asOf}).`,
            ja: `${minor} は標準サポートが終了し、${support.until} まで延長サポート期間中である(${versions.asOf} 時点の表)。`,
          },
          [version, table],
          'medium',
        );
      case 'unsupported':
        return fail(
          {
            en: `${minor} is past the end of extended support${support.since === undefined ? '' : ` (${support.since})`} (table of ${versions.asOf}).`,
            ja: `${minor} は延長サポートの終了${support.since === undefined ? '' : `(${support.since})`}を過ぎている(${versions.asOf} 時点の表)。`,
          },
          [version, table],
        );
      case 'newer':
        return pass(
          {
            en: `${minor} is newer than the newest version in the table (${support.newest}, table of ${versions.asOf}), so it is in standard support.`,
            ja: `${minor} は表にある最新のバージョンより新しい(${support.newest}、${versions.asOf} 時点の表)ため、標準サポート期間中である。`,
          },
          [version, table],
        );
      default:
        return unknown(
          {
            en: `${minor} is not in the version table of ${versions.asOf}.`,
            ja: `${minor} は ${versions.asOf} 時点のバージョン表にない。`,
          },
          [missingCloudInput('eks-cluster-versions', facts.vars)],
          [version],
        );
    }
  },
};
