/**
 * Shared types of the managed-cluster configuration audit: inputs, checks, verdicts and reports.
 * Everything here is plain data; the core never touches the file system or the network.
 */
import type { Language, LocalizedText, Severity } from '../core/model.js';
import type { VersionTable } from './versions.js';

/** The providers whose cluster configuration is read; `kubernetes` is the live-object layer. */
export type Provider = 'eks' | 'aks' | 'gke';
export type CheckProvider = Provider | 'kubernetes';

/** The three groups the guides use. */
export const GROUPS = ['Connectivity', 'Cluster', 'Auth'] as const;
export type Group = (typeof GROUPS)[number];

export type Verdict = 'pass' | 'fail' | 'unknown';

/** What a document is, as recognised by its shape. */
export type InputKind =
  | 'eks-cluster'
  | 'eks-nodegroups-list'
  | 'eks-nodegroup'
  | 'eks-addons-list'
  | 'eks-addon'
  | 'eks-access-entries-list'
  | 'eks-access-entry'
  | 'eks-associated-access-policies'
  | 'eks-pod-identity-associations'
  | 'eks-cluster-versions'
  | 'ec2-launch-template-versions'
  | 'ec2-instances'
  | 'ec2-ebs-encryption-default'
  | 'iam-oidc-providers'
  | 'ecr-repositories'
  | 'ecr-registry-scanning'
  | 'aks-cluster'
  | 'aks-nodepools'
  | 'aks-diagnostic-settings'
  | 'gke-cluster'
  | 'k8s-object';

/** One recognised document (or one cluster or Kubernetes object out of a list). */
export interface InputDocument {
  kind: InputKind;
  /** The file it came from, as given or found while walking. */
  file: string;
  /** The payload: for `aws eks describe-cluster` the object under `cluster`. */
  value: unknown;
  /** Field path of the payload inside the file (`cluster`, `[0]`, `items[3]`); empty for the root. */
  basePath: string;
}

/** The inputs of one cluster, as assembled by the source adapter. */
export interface ClusterBundle {
  provider: CheckProvider;
  name: string;
  documents: InputDocument[];
  /**
   * Kubernetes kinds known to have been exported even when no object of the kind exists (an empty
   * `kubectl get … -o json` list names no kind), from file names and the bundle manifest.
   */
  kubernetesKinds: string[];
}

/** A field that supports a verdict: where it is and what it holds. */
export interface Evidence {
  path: string;
  value: unknown;
  file?: string;
}

/** The input a check needed and did not get, and the command that produces it. */
export interface MissingInput {
  input: string;
  command: string;
}

/** Static description of a check. */
export interface CheckMeta {
  /** `cloud/<provider>-<slug>`. */
  id: string;
  /** The id in the research catalogue (`CONN-EKS-001`), when the check comes from it. */
  catalogueId?: string;
  group: Group;
  provider: CheckProvider;
  severity: Severity;
  title: LocalizedText;
  remediation: LocalizedText;
  /** CIS items, guide headings, policy names. */
  references: readonly string[];
}

/** What one evaluation concluded. */
export interface CheckOutcome {
  verdict: Verdict;
  /** One or two sentences, in every report language. */
  message: LocalizedText;
  evidence: Evidence[];
  /** A severity that differs from the check's default for this failure. */
  severity?: Severity;
  missingInput?: MissingInput[];
  /** The check does not apply to this cluster; the verdict is then `pass`. */
  notApplicable?: boolean;
}

/** Tunables, from `cloud:` in the configuration file. */
export interface CloudOptions {
  eksRequiredLogTypes: readonly string[];
  publicCidrMinPrefixV4: number;
  publicCidrMinPrefixV6: number;
  maxClusterAdmins: number;
  nodeImageMaxAgeDays: number;
  /** Namespaces the namespace-level checks skip; `*` at the end matches a prefix. */
  ignoreNamespaces: readonly string[];
  /** Role names allowed to use wildcards, besides `system:*` and `cluster-admin`. */
  wildcardRoleAllow: readonly string[];
  /** Subjects (`Kind:name`, e.g. `Group:platform-admins`) allowed to be bound to cluster-admin. */
  clusterAdminAllow: readonly string[];
  /** Check ids that do not run. */
  disable: readonly string[];
}

/** What an evaluation may know besides the facts. */
export interface EvaluationContext {
  now: Date;
  options: CloudOptions;
  versions: VersionTable;
}

/** A check over facts of type F. */
export interface CloudCheck<F> {
  meta: CheckMeta;
  evaluate(facts: F, context: EvaluationContext): CheckOutcome;
}

/** One finding of the report: a check's verdict on one cluster. */
export interface CheckResult {
  id: string;
  catalogueId?: string;
  group: Group;
  provider: CheckProvider;
  cluster: string;
  /** The provider of the cluster (a `kubernetes` check runs on an EKS cluster too). */
  clusterProvider: CheckProvider;
  title: string;
  verdict: Verdict;
  severity: Severity;
  message: string;
  evidence: Evidence[];
  missingInput?: MissingInput[];
  notApplicable?: boolean;
  remediation: string;
  references: readonly string[];
}

export interface Score {
  /** 0–100, weighted by severity over decided checks; null when nothing was decided. */
  score: number | null;
  pass: number;
  fail: number;
  unknown: number;
}

export interface ClusterReport {
  provider: CheckProvider;
  name: string;
  files: string[];
  scores: { overall: Score; groups: Record<Group, Score> };
}

/** Something wrong with the input: reported, and the exit code is 2. */
export interface InputProblem {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

/** A file or document deliberately not used, with the reason. */
export interface SkippedInput {
  file: string;
  reason: string;
}

export interface CloudReport {
  lang: Language;
  generatedAt: string;
  versionTable: { asOf: string; source: string };
  clusters: ClusterReport[];
  checks: CheckResult[];
  scores: { overall: Score; groups: Record<Group, Score> };
  inputs: { file: string; kind: InputKind; cluster: string }[];
  skipped: SkippedInput[];
  problems: InputProblem[];
}
