/**
 * CLUS-EKS-012: ECR repositories scan images on push (or the registry uses enhanced scanning)
 * and use immutable tags.
 */
import type { EksFacts } from '../../facts/eks.js';
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

export const eksEcrScanning: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-ecr-scanning',
    catalogueId: 'CLUS-EKS-012',
    group: 'Cluster',
    provider: 'eks',
    severity: 'low',
    title: {
      en: 'ECR repositories scan on push and use immutable tags',
      ja: 'ECR リポジトリがプッシュ時スキャンとイミュータブルタグを使っている',
    },
    remediation: {
      en: 'Run `aws ecr put-image-scanning-configuration --repository-name REPO --image-scanning-configuration scanOnPush=true` (or enable enhanced scanning with `aws ecr put-registry-scanning-configuration --scan-type ENHANCED`) and `aws ecr put-image-tag-mutability --repository-name REPO --image-tag-mutability IMMUTABLE`.',
      ja: '`aws ecr put-image-scanning-configuration --repository-name REPO --image-scanning-configuration scanOnPush=true`(または `aws ecr put-registry-scanning-configuration --scan-type ENHANCED` で拡張スキャン)と `aws ecr put-image-tag-mutability --repository-name REPO --image-tag-mutability IMMUTABLE` を実行する。',
    },
    references: [
      'CIS EKS 5.1.1',
      'EKS BPG: Use immutable tags with ECR',
      'hardeneks use_immutable_tags_with_ecr',
    ],
  },
  evaluate(facts) {
    const repositories = facts.ecrRepositories;
    if (repositories === undefined) {
      return unknown(
        { en: 'The ECR repositories were not given.', ja: 'ECR リポジトリが与えられていない。' },
        [missingCloudInput('ecr-repositories', facts.vars)],
      );
    }
    if (repositories.length === 0) {
      return notApplicable({
        en: 'The account has no ECR repositories in this region.',
        ja: 'このリージョンのアカウントに ECR リポジトリがない。',
      });
    }
    const registry = facts.ecrRegistryScanning?.at('scanningConfiguration');
    const enhanced =
      registry?.get('scanType').str()?.toUpperCase() === 'ENHANCED' &&
      registry
        .get('rules')
        .items()
        .some(
          (rule) =>
            ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'].includes(
              rule.get('scanFrequency').str()?.toUpperCase() ?? '',
            ) &&
            rule
              .get('repositoryFilters')
              .items()
              .some((filter) => filter.get('filter').str() === '*'),
        );
    const name = (repository: (typeof repositories)[number]): string =>
      repository.get('repositoryName').str() ?? '(unnamed)';
    const unscanned = enhanced
      ? []
      : repositories.filter(
          (repository) => repository.at('imageScanningConfiguration', 'scanOnPush').bool() !== true,
        );
    const mutable = repositories.filter(
      (repository) => !/^IMMUTABLE/i.test(repository.get('imageTagMutability').str() ?? ''),
    );
    const evidence = repositories.flatMap((repository) => [
      repository.at('imageScanningConfiguration', 'scanOnPush'),
      repository.get('imageTagMutability'),
    ]);
    if (registry !== undefined) {
      evidence.unshift(registry.get('scanType'));
    }
    const problems = [
      ...(unscanned.length > 0
        ? [
            {
              en: `no scan on push for ${listText(unscanned.map(name))}`,
              ja: `${listTextJa(unscanned.map(name))} でプッシュ時のスキャンが行われていない`,
            },
          ]
        : []),
      ...(mutable.length > 0
        ? [
            {
              en: `mutable tags in ${listText(mutable.map(name))}`,
              ja: `${listTextJa(mutable.map(name))} のタグがミュータブルである`,
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems, '; ', false), evidence);
    }
    return pass(
      {
        en: `All ${repositories.length} repositories scan images${enhanced ? ' (enhanced scanning)' : ' on push'} and use immutable tags.`,
        ja: `${repositories.length} 個のリポジトリすべてが${enhanced ? 'イメージをスキャンし(拡張スキャン)' : 'プッシュ時にイメージをスキャンし'}、イミュータブルなタグを使っている。`,
      },
      evidence,
    );
  },
};
