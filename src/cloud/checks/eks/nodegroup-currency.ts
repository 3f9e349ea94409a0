/**
 * CLUS-EKS-009: node groups keep up with the control plane (same minor) and their AMI release is
 * recent (`releaseVersion` date suffix within `cloud.nodeImageMaxAgeDays`, 90 by default).
 */
import type { LocalizedText } from '../../../core/model.js';
import { nodegroupName, type EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { compareMinor, minorOf } from '../../versions.js';
import { fail, joinClauses, notApplicable, pass, unknown } from '../define.js';
import { nodegroupInputs, undescribedNodegroups } from './common.js';

/** The date in `1.29.0-20240129` (AL2/AL2023 AMIs); Bottlerocket versions carry none. */
export function releaseDate(releaseVersion: string | undefined): Date | undefined {
  const match = /-(\d{4})(\d{2})(\d{2})$/.exec(releaseVersion ?? '');
  if (match === null) {
    return undefined;
  }
  const date = new Date(`${match[1] ?? ''}-${match[2] ?? ''}-${match[3] ?? ''}T00:00:00Z`);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

export const eksNodegroupCurrency: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-nodegroup-currency',
    catalogueId: 'CLUS-EKS-009',
    group: 'Cluster',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'Node groups are on the cluster version and a recent AMI',
      ja: 'ノードグループがクラスターと同じバージョンで最近の AMI を使っている',
    },
    remediation: {
      en: 'Run `aws eks update-nodegroup-version --cluster-name {name} --nodegroup-name NODEGROUP` regularly (or enable node auto-repair and a patch pipeline).',
      ja: '`aws eks update-nodegroup-version --cluster-name {name} --nodegroup-name NODEGROUP` を定期的に実行する(またはパッチ適用の仕組みを用意する)。',
    },
    references: ['EKS BPG: Keep your worker node OS updated'],
  },
  evaluate(facts, { now, options }) {
    const missingNames = undescribedNodegroups(facts);
    if (facts.nodegroups.length === 0) {
      if (missingNames.length === 0 && facts.nodegroupNames !== undefined) {
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
    const clusterMinor = minorOf(facts.cluster.get('version').str());
    const problems: LocalizedText[] = [];
    const evidence = [facts.cluster.get('version')];
    for (const nodegroup of facts.nodegroups) {
      const name = nodegroupName(nodegroup);
      const version = nodegroup.get('version');
      const release = nodegroup.get('releaseVersion');
      evidence.push(version, release);
      const minor = minorOf(version.str());
      if (
        clusterMinor !== undefined &&
        minor !== undefined &&
        compareMinor(minor, clusterMinor) < 0
      ) {
        problems.push({
          en: `${name} runs ${minor} under a ${clusterMinor} control plane`,
          ja: `${name} が ${clusterMinor} のコントロールプレーンの下で ${minor} を実行している`,
        });
      }
      const date = releaseDate(release.str());
      if (date !== undefined) {
        const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
        if (days > options.nodeImageMaxAgeDays) {
          problems.push({
            en: `${name} uses an AMI released ${days} days ago (${release.str() ?? ''})`,
            ja: `${name} が ${days} 日前にリリースされた AMI を使っている(${release.str() ?? ''})`,
          });
        }
      }
    }
    if (problems.length > 0) {
      return fail(joinClauses(problems, '; ', false), evidence);
    }
    if (missingNames.length > 0) {
      return unknown(
        {
          en: `Node groups were listed but not described: ${missingNames.join(', ')}.`,
          ja: `ノードグループが一覧にあるが、describe の出力が与えられていない: ${missingNames.join('、')}。`,
        },
        nodegroupInputs(facts, missingNames),
        evidence,
      );
    }
    return pass(
      {
        en: `Node groups match the control plane and use AMIs newer than ${options.nodeImageMaxAgeDays} days.`,
        ja: `ノードグループはコントロールプレーンと一致し、${options.nodeImageMaxAgeDays} 日以内の AMI を使っている。`,
      },
      evidence,
    );
  },
};
