/**
 * What a node assessment reads: the facts gathered from one machine. The collector
 * (`src/sources/node`) fills this in; everything under `src/cis` only reads it. A facts file holds
 * no secret material: key and kubeconfig files are recorded by their mode and owner only, and of an
 * encryption configuration only the provider names are kept.
 */

export const FACTS_SCHEMA = 'mamori.dev/node-facts/v1';

/** The Kubernetes components a node assessment recognises. */
export const COMPONENTS = [
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'kube-proxy',
] as const;

export type Component = (typeof COMPONENTS)[number];

/** One running component, or one declared by a static pod manifest. */
export interface ProcessFact {
  component: Component;
  /** The process id; absent for a component known only from its static pod manifest. */
  pid?: number;
  /** The full argument vector, `argv[0]` included. */
  argv: string[];
  source: 'process' | 'static-pod';
  /** Where the arguments were read: `/proc/<pid>/cmdline` or the manifest's path. */
  location: string;
  /** Allow-listed environment variables (etcd reads its settings from `ETCD_*` too). */
  env?: Record<string, string>;
  /** The container image, for components from static pod manifests. */
  image?: string;
}

export type FileType = 'file' | 'directory' | 'symlink' | 'other' | 'missing' | 'unreadable';

/** The metadata of one path, as the owning process sees it. */
export interface FileFact {
  path: string;
  type: FileType;
  /** Permission bits, e.g. 0o600. */
  mode?: number;
  uid?: number;
  gid?: number;
  user?: string;
  group?: string;
  /** Where the path was actually found when it differs from `path` (a container's root). */
  resolvedAt?: string;
  error?: string;
}

/** A parsed configuration file that holds no secrets (kubelet and kube-proxy configuration). */
export interface DocumentFact {
  path: string;
  content?: unknown;
  error?: string;
}

/** The providers of an API server encryption configuration, never its keys. */
export interface EncryptionFact {
  path: string;
  /** Provider names of the first resource entry, in order (e.g. `aescbc`, `identity`). */
  providers: string[];
  error?: string;
}

export interface PlatformFacts {
  /** Marker paths that exist on the node (e.g. `/etc/eks/bootstrap.sh`). */
  markers: string[];
  /** Node labels known on the node (from the kubelet's `--node-labels` or given by the caller). */
  nodeLabels: Record<string, string>;
  /** A Kubernetes version string and where it came from. */
  kubernetesVersion?: { value: string; source: string };
  /** `PRETTY_NAME` of `/etc/os-release`. */
  os?: string;
}

export interface NodeFacts {
  schema: typeof FACTS_SCHEMA;
  collectedAt: string;
  hostname?: string;
  /** The root the files were read under (`/` on a live node). */
  root: string;
  processes: ProcessFact[];
  /** Keyed by the path as the owning process sees it. */
  files: Record<string, FileFact>;
  /** Directory listings: the directory → the paths under it (recursive, sorted). */
  listings: Record<string, string[]>;
  documents: Record<string, DocumentFact>;
  encryption?: EncryptionFact;
  platform: PlatformFacts;
  /** Problems met while collecting. */
  notes: string[];
}

/** An empty facts object, for tests and as the collector's starting point. */
export function emptyFacts(root = '/', collectedAt = new Date(0).toISOString()): NodeFacts {
  return {
    schema: FACTS_SCHEMA,
    collectedAt,
    root,
    processes: [],
    files: {},
    listings: {},
    documents: {},
    platform: { markers: [], nodeLabels: {} },
    notes: [],
  };
}

/**
 * The component's arguments: a running process wins over a static pod manifest, and of several
 * processes the one with the lowest pid (the longest running, usually) is taken.
 */
export function componentOf(facts: NodeFacts, component: Component): ProcessFact | undefined {
  const candidates = facts.processes.filter((process) => process.component === component);
  const running = candidates
    .filter((process) => process.source === 'process')
    .sort((a, b) => (a.pid ?? 0) - (b.pid ?? 0));
  return running[0] ?? candidates[0];
}

/** Whether a value read from JSON is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of a facts object read from a file; returns a list of problems. */
export function validateFacts(value: unknown): string[] {
  if (!isRecord(value)) {
    return ['the facts file must hold a JSON object'];
  }
  const problems: string[] = [];
  if (value.schema !== FACTS_SCHEMA) {
    problems.push(`"schema" must be "${FACTS_SCHEMA}"`);
  }
  if (!Array.isArray(value.processes)) {
    problems.push('"processes" must be an array');
  }
  for (const key of ['files', 'listings', 'documents', 'platform'] as const) {
    if (!isRecord(value[key])) {
      problems.push(`"${key}" must be an object`);
    }
  }
  if (Array.isArray(value.processes)) {
    value.processes.forEach((process: unknown, index) => {
      if (
        !isRecord(process) ||
        !(COMPONENTS as readonly unknown[]).includes(process.component) ||
        !Array.isArray(process.argv) ||
        !process.argv.every((arg) => typeof arg === 'string')
      ) {
        problems.push(`processes[${index}] needs a known "component" and an "argv" of strings`);
      }
    });
  }
  return problems;
}
