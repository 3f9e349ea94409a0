/**
 * Which platform a node belongs to, and so which benchmark fits it. Every signal that contributed
 * is kept as a reason, so the report can say why a profile was chosen.
 */
import { BENCHMARKS, benchmarkById } from './benchmarks/index.js';
import { componentOf, isRecord, type NodeFacts } from './facts.js';
import { parseFlags, splitList } from './flags.js';
import type { Benchmark, Platform } from './types.js';
import { textOf } from './values.js';

export interface PlatformGuess {
  platform: Platform;
  reasons: string[];
}

export interface ProfileChoice {
  benchmark: Benchmark;
  platform: Platform;
  /** Whether `--benchmark` chose it. */
  explicit: boolean;
  reasons: string[];
}

type Managed = Exclude<Platform, 'generic'>;

const LABEL_PREFIXES: readonly [string, Managed][] = [
  ['eks.amazonaws.com/', 'eks'],
  ['alpha.eksctl.io/', 'eks'],
  ['kubernetes.azure.com/', 'aks'],
  ['cloud.google.com/gke-', 'gke'],
];

const MARKERS: readonly [string, Managed][] = [
  ['/etc/eks/', 'eks'],
  ['/etc/kubernetes/kubelet/kubelet-config.json', 'eks'],
  ['/etc/kubernetes/kubelet/config.json', 'eks'],
  ['/etc/kubernetes/azure.json', 'aks'],
  ['/etc/default/kubeletconfig.json', 'aks'],
  ['/home/kubernetes/', 'gke'],
];

const PROVIDER_IDS: readonly [RegExp, Managed][] = [
  [/^aws:\/\//, 'eks'],
  [/^azure:\/\//, 'aks'],
  [/^gce:\/\//, 'gke'],
];

/** Parses a Kubernetes version such as `v1.30.5-gke.1014001` into major and minor. */
export function parseKubeVersion(text: string): { major: number; minor: number } | undefined {
  const match = /v?(\d+)\.(\d+)/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Node labels: those given in the facts and those of the kubelet's `--node-labels`. */
function nodeLabels(facts: NodeFacts): Record<string, string> {
  const labels: Record<string, string> = { ...facts.platform.nodeLabels };
  const kubelet = componentOf(facts, 'kubelet');
  const flag = kubelet && parseFlags('kubelet', kubelet.argv.slice(1)).last.get('node-labels');
  for (const item of flag === undefined ? [] : splitList(flag.value)) {
    const [key = '', value = ''] = item.split(/=(.*)/s, 2);
    labels[key] = value;
  }
  return labels;
}

/** Guesses the platform from version strings, node labels, files and kubelet settings. */
export function detectPlatform(facts: NodeFacts): PlatformGuess {
  const votes: Record<Managed, string[]> = { eks: [], aks: [], gke: [] };
  const version = facts.platform.kubernetesVersion;
  if (version !== undefined) {
    if (/-eks-/.test(version.value)) {
      votes.eks.push(`version ${version.value} (${version.source}) is an EKS build`);
    }
    if (/-gke\./.test(version.value)) {
      votes.gke.push(`version ${version.value} (${version.source}) is a GKE build`);
    }
  }
  for (const [key, value] of Object.entries(nodeLabels(facts))) {
    const match = LABEL_PREFIXES.find(([prefix]) => key.startsWith(prefix));
    if (match) {
      votes[match[1]].push(`node label ${key}=${value}`);
    }
  }
  for (const marker of facts.platform.markers) {
    const match = MARKERS.find(([prefix]) =>
      prefix.endsWith('/') ? marker.startsWith(prefix) : marker === prefix,
    );
    if (match) {
      votes[match[1]].push(`file ${marker} exists`);
    }
  }
  const kubelet = componentOf(facts, 'kubelet');
  if (kubelet !== undefined) {
    const flags = parseFlags('kubelet', kubelet.argv.slice(1));
    const cloud = flags.last.get('cloud-provider')?.value;
    const byCloud: Record<string, Managed> = { aws: 'eks', azure: 'aks', gce: 'gke' };
    if (cloud !== undefined && byCloud[cloud] !== undefined) {
      votes[byCloud[cloud]].push(`kubelet --cloud-provider=${cloud}`);
    }
    const config = flags.last.get('config')?.value;
    const document = config === undefined ? undefined : facts.documents[config]?.content;
    const providerId = isRecord(document) ? textOf(document.providerID) : '';
    const byProvider = PROVIDER_IDS.find(([pattern]) => pattern.test(providerId));
    if (byProvider) {
      votes[byProvider[1]].push(`kubelet providerID ${providerId}`);
    }
  }
  const ranked = (Object.entries(votes) as [Managed, string[]][])
    .filter(([, reasons]) => reasons.length > 0)
    .sort((a, b) => b[1].length - a[1].length);
  const [first, second] = ranked;
  if (first !== undefined && (second === undefined || second[1].length < first[1].length)) {
    return { platform: first[0], reasons: first[1] };
  }
  if (first !== undefined && second !== undefined) {
    return {
      platform: 'generic',
      reasons: [
        `conflicting platform signals (${ranked.map(([p, r]) => `${p}: ${r.join(', ')}`).join('; ')})`,
      ],
    };
  }
  const apiserver = componentOf(facts, 'kube-apiserver');
  return {
    platform: 'generic',
    reasons: [
      apiserver === undefined
        ? 'no managed-platform signal (version, node labels, provider files)'
        : `self-managed control plane: kube-apiserver found at ${apiserver.location}`,
    ],
  };
}

const BY_PLATFORM: Record<Managed, string> = { eks: 'eks-1.8.0', aks: 'aks-1.8', gke: 'gke-1.9.0' };

/**
 * Chooses the benchmark: `requested` if given (an error message if unknown), otherwise the newest
 * benchmark of the detected platform.
 */
export function chooseBenchmark(facts: NodeFacts, requested?: string): ProfileChoice | string {
  const guess = detectPlatform(facts);
  if (requested !== undefined) {
    const benchmark = benchmarkById(requested);
    if (benchmark === undefined) {
      return `unknown benchmark "${requested}"; expected one of ${BENCHMARKS.map((b) => b.id).join(', ')}`;
    }
    return {
      benchmark,
      platform: guess.platform,
      explicit: true,
      reasons: [
        `--benchmark ${requested}`,
        `platform ${guess.platform}: ${guess.reasons.join('; ')}`,
      ],
    };
  }
  if (guess.platform !== 'generic') {
    const benchmark = benchmarkById(BY_PLATFORM[guess.platform]);
    if (benchmark !== undefined) {
      return { benchmark, platform: guess.platform, explicit: false, reasons: guess.reasons };
    }
  }
  const version = facts.platform.kubernetesVersion;
  const parsed = version === undefined ? undefined : parseKubeVersion(version.value);
  const old = parsed !== undefined && parsed.major === 1 && parsed.minor <= 18;
  const benchmark = benchmarkById(old ? 'cis-1.6' : 'cis-1.12');
  if (benchmark === undefined) {
    throw new Error('the generic benchmarks are missing from the registry');
  }
  const why =
    version === undefined
      ? 'Kubernetes version unknown: the newest generic benchmark applies'
      : old
        ? `Kubernetes ${version.value} (${version.source}) predates 1.19: CIS 1.6 covers it`
        : `Kubernetes ${version.value} (${version.source}): the newest generic benchmark applies`;
  return {
    benchmark,
    platform: 'generic',
    explicit: false,
    reasons: [...guess.reasons, why],
  };
}
