/**
 * The vocabulary of the CIS assessment: recommendations (ours, with stable ids), benchmarks (tables
 * that map a CIS version's control numbers to those ids), probes (what a check reads and its pass
 * condition) and results (a verdict with its evidence).
 */
import type { Component } from './facts.js';
import type { ValueTest } from './values.js';

export const VERDICTS = ['PASS', 'FAIL', 'WARN', 'NOT_ASSESSABLE'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where a recommendation applies; decides what a managed platform hides. */
export type Target = 'control-plane' | 'etcd' | 'worker' | 'cluster' | 'cloud';

/** Named sets of files that file probes stat; resolved from the facts in `files.ts`. */
export type FileSetId =
  | 'apiserver-manifest'
  | 'controller-manager-manifest'
  | 'scheduler-manifest'
  | 'etcd-manifest'
  | 'cni-files'
  | 'etcd-data-dir'
  | 'admin-kubeconfig'
  | 'admin-kubeconfigs'
  | 'scheduler-kubeconfig'
  | 'controller-manager-kubeconfig'
  | 'pki-all'
  | 'pki-certs'
  | 'pki-keys'
  | 'kubelet-service'
  | 'proxy-kubeconfig'
  | 'kubelet-kubeconfig'
  | 'kubelet-client-ca'
  | 'kubelet-config'
  | 'azure-json';

/** A file condition: the mode no more permissive than `maxMode`, or the owner `user:group`. */
export type FileTest = { maxMode: number } | { owner: string };

/** What a check reads and when it passes. */
export type Probe =
  /** A component's command-line flag (or its static pod manifest's, or etcd's `ETCD_*` env). */
  | {
      kind: 'flag';
      component: Component;
      flag: string;
      test: ValueTest;
      /** What an absent flag means: compliant, not, or the component's default value. */
      absent:
        | 'pass'
        | 'fail'
        | {
            default: string;
            /** A different default before a Kubernetes minor version (used when unknown too). */
            olderDefault?: { beforeMinor: number; value: string };
          };
    }
  /** A kubelet setting after the kubelet's own precedence and defaults. */
  | {
      kind: 'kubelet';
      /** The KubeletConfiguration path, e.g. `authentication.anonymous.enabled`. */
      key: string;
      test: ValueTest;
      /** `pass`: a setting nobody set counts as compliant, whatever its default. */
      absent?: 'pass';
    }
  /** A kubelet command-line flag that has no configuration-file field. */
  | { kind: 'kubelet-flag'; flag: string; test: ValueTest; absent: 'pass' | 'fail' }
  /** A kube-proxy setting: its flag, else its `--config` file. */
  | { kind: 'proxy'; flag: string; key: string; test: ValueTest; absent: 'pass' | 'fail' }
  /** Mode or owner of every file in a set. */
  | { kind: 'file'; files: FileSetId; test: FileTest; missing: 'fail' | 'not-applicable' }
  /** The API server's encryption providers. */
  | { kind: 'encryption-providers'; allowed: readonly string[] }
  /** Every probe passes. */
  | { kind: 'all'; probes: readonly Probe[] }
  /** At least one probe passes. */
  | { kind: 'any'; probes: readonly Probe[] };

/** One recommendation, in our words, shared by every benchmark that contains it. */
export interface Recommendation {
  /** Stable mamori id, e.g. `kubelet-anonymous-auth`. */
  id: string;
  title: string;
  target: Target;
  /** The check, for recommendations a node can evaluate. */
  probe?: Probe;
  remediation: string;
  /** Why a recommendation without probe cannot be evaluated from a node. */
  needs?: string;
}

/** Per-benchmark parameters of a control. */
export interface ControlParams {
  /** Overrides the probe's maximum file mode (benchmarks differ: 600 or 644). */
  maxMode?: number;
  /** Overrides the allowed values of a `subset` test (cipher lists differ). */
  allowed?: readonly string[];
  /** Overrides the numeric bound of a `gte` test. */
  min?: number;
}

/** One row of a benchmark table: control number → mamori id, CIS assessment status. */
export interface Control {
  number: string;
  id: string;
  automated: boolean;
  params?: ControlParams;
}

export interface Group {
  id: string;
  title: string;
  controls: readonly Control[];
}

/** Broad areas, to line up sections of different benchmarks in comparisons. */
export type Area =
  | 'control-plane-components'
  | 'etcd'
  | 'control-plane-configuration'
  | 'worker-nodes'
  | 'policies'
  | 'managed-services';

export interface Section {
  id: string;
  title: string;
  area: Area;
  groups: readonly Group[];
}

export type Platform = 'generic' | 'eks' | 'aks' | 'gke';

export interface Benchmark {
  /** e.g. `cis-1.12`, `eks-1.8.0`. */
  id: string;
  title: string;
  /** The CIS document version. */
  version: string;
  platform: Platform;
  sections: readonly Section[];
}

/** Where a value came from and what it was. */
export interface Evidence {
  /** flag, config (file), drop-in, default, env, file (stat), manifest, absent. */
  source: 'flag' | 'config' | 'drop-in' | 'default' | 'env' | 'stat' | 'manifest' | 'absent';
  /** A path, `/proc/<pid>/cmdline`, or a component name. */
  location: string;
  /** The flag, setting key, or file. */
  key?: string;
  /** The observed value (never a secret). */
  value?: string;
}

export interface Result {
  /** The benchmark's control number. */
  control: string;
  id: string;
  title: string;
  section: string;
  group: string;
  automated: boolean;
  verdict: Verdict;
  /** One line: why this verdict. */
  reason: string;
  /** What was expected, for automated checks. */
  expected?: string;
  evidence: Evidence[];
  remediation: string;
}

/** What a probe concluded before benchmark rules (manual, managed) are applied. */
export interface ProbeOutcome {
  status: 'pass' | 'fail' | 'unknown' | 'not-applicable';
  reason: string;
  expected?: string;
  evidence: Evidence[];
}
