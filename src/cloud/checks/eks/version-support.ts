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
        'describe-cluster has no version.',
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
        return pass(`${minor} is in standard support (describe-cluster-versions).`, evidence);
      }
      if (text === 'EXTENDED_SUPPORT') {
        return fail(
          `${minor} is in extended support (describe-cluster-versions): extra cost, and upgrades are due.`,
          evidence,
          'medium',
        );
      }
      if (text === 'UNSUPPORTED') {
        return fail(`${minor} is no longer supported (describe-cluster-versions).`, evidence);
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
          `${minor} is in standard support until ${support.until} (table of ${versions.asOf}).`,
          [version, table],
        );
      case 'extended':
        return fail(
          `${minor} left standard support and is in extended support until ${support.until} (table of ${versions.asOf}).`,
          [version, table],
          'medium',
        );
      case 'unsupported':
        return fail(
          `${minor} is past the end of extended support${support.since === undefined ? '' : ` (${support.since})`} (table of ${versions.asOf}).`,
          [version, table],
        );
      case 'newer':
        return pass(
          `${minor} is newer than the newest version in the table (${support.newest}, table of ${versions.asOf}), so it is in standard support.`,
          [version, table],
        );
      default:
        return unknown(
          `${minor} is not in the version table of ${versions.asOf}.`,
          [missingCloudInput('eks-cluster-versions', facts.vars)],
          [version],
        );
    }
  },
};
