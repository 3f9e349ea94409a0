/**
 * Collects a node's facts: the running components (from /proc and static pod manifests), the
 * configuration files their own flags name, and the mode and owner of every file the benchmarks
 * look at. No secret is recorded: kubeconfigs and keys are only stat'ed, and of an encryption
 * configuration only the provider names are kept.
 */
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { emptyFacts, isRecord, type NodeFacts } from '../../cis/facts.js';
import { collectionPlan, PLATFORM_MARKERS, staticPodDir, type PathRef } from '../../cis/locate.js';
import { nodeFs, type NodeFs } from './fs.js';
import { readProcesses, staticPodsOf } from './processes.js';

export interface CollectOptions {
  /** The root the node's files are read under (`/` on the node itself). */
  root?: string;
  /** Where processes are read (default `<root>/proc`). */
  procRoot?: string;
  /** Keeps only some processes (tests use it to ignore unrelated ones). */
  pidFilter?: (pid: number) => boolean;
  /** Node labels known to the caller (e.g. from the downward API). */
  nodeLabels?: Record<string, string>;
  /** A Kubernetes version known to the caller, e.g. `v1.30.5-eks-1234`. */
  kubernetesVersion?: string;
  hostname?: string;
  now?: () => Date;
}

const MANIFEST = /\.(ya?ml|json|manifest)$/i;

function parseDocument(text: string): unknown {
  return parseYaml(text, { prettyErrors: false, uniqueKeys: false }) as unknown;
}

function providersOf(content: unknown): string[] {
  const resources = isRecord(content) && Array.isArray(content.resources) ? content.resources : [];
  const first: unknown = resources[0];
  const providers = isRecord(first) && Array.isArray(first.providers) ? first.providers : [];
  return (providers as unknown[]).filter(isRecord).flatMap((provider) => Object.keys(provider));
}

function osName(fs: NodeFs): string | undefined {
  const text = fs.read('/etc/os-release').text ?? fs.read('/usr/lib/os-release').text;
  const match = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text ?? '');
  return match?.[1];
}

function hostnameOf(fs: NodeFs, options: CollectOptions): string | undefined {
  if (options.hostname !== undefined) {
    return options.hostname;
  }
  const text = fs.read('/etc/hostname').text?.trim();
  if (text !== undefined && text !== '') {
    return text;
  }
  return fs.root === '/' ? osHostname() : undefined;
}

/** Reads what the plan asks for and is not known yet; returns whether anything was added. */
function fetch(fs: NodeFs, facts: NodeFacts): boolean {
  const plan = collectionPlan(facts);
  let added = false;
  const fresh = (refs: PathRef[], known: Record<string, unknown>): PathRef[] =>
    refs.filter(
      (ref, index) =>
        known[ref.path] === undefined && refs.findIndex((r) => r.path === ref.path) === index,
    );

  for (const ref of fresh(plan.listings, facts.listings)) {
    const listing = fs.list(ref.path, ref.pid);
    facts.listings[ref.path] = listing.entries ?? [];
    added = true;
  }
  for (const ref of fresh(plan.documents, facts.documents)) {
    const read = fs.read(ref.path, ref.pid);
    added = true;
    if (read.text === undefined) {
      facts.documents[ref.path] = { path: ref.path, error: read.error ?? 'unreadable' };
      continue;
    }
    try {
      facts.documents[ref.path] = { path: ref.path, content: parseDocument(read.text) };
    } catch (error) {
      facts.documents[ref.path] = {
        path: ref.path,
        error: `not YAML or JSON: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  for (const ref of fresh(plan.stats, facts.files)) {
    facts.files[ref.path] = fs.stat(ref.path, ref.pid);
    added = true;
  }
  if (plan.encryption !== undefined && facts.encryption?.path !== plan.encryption.path) {
    const read = fs.read(plan.encryption.path, plan.encryption.pid);
    added = true;
    if (read.text === undefined) {
      facts.encryption = {
        path: plan.encryption.path,
        providers: [],
        error: read.error ?? 'unreadable',
      };
    } else {
      try {
        facts.encryption = {
          path: plan.encryption.path,
          providers: providersOf(parseDocument(read.text)),
        };
      } catch {
        facts.encryption = { path: plan.encryption.path, providers: [], error: 'not YAML or JSON' };
      }
    }
  }
  return added;
}

/** Adds components declared in the static pod directory (once per manifest). */
function addStaticPods(fs: NodeFs, facts: NodeFacts): boolean {
  const dir = staticPodDir(facts);
  const entries = facts.listings[dir] ?? [];
  let added = false;
  for (const path of entries.filter((entry) => MANIFEST.test(entry))) {
    if (facts.processes.some((process) => process.location === path)) {
      continue;
    }
    const read = fs.read(path, undefined, 1024 * 1024);
    if (read.text === undefined) {
      facts.notes.push(`${path}: ${read.error ?? 'unreadable'}`);
      continue;
    }
    const pods = staticPodsOf(path, read.text, facts.notes);
    facts.processes.push(...pods);
    added = added || pods.length > 0;
  }
  return added;
}

function versionOf(
  facts: NodeFacts,
  options: CollectOptions,
): NodeFacts['platform']['kubernetesVersion'] {
  if (options.kubernetesVersion !== undefined) {
    return { value: options.kubernetesVersion, source: 'given by the caller' };
  }
  for (const process of facts.processes) {
    const tag = /:(v\d+\.\d+\.\d+[^@\s]*)/.exec(process.image ?? '')?.[1];
    if (tag !== undefined) {
      return { value: tag, source: `image of ${process.component} in ${process.location}` };
    }
  }
  return undefined;
}

/** Collects the facts of the node under `options.root` (default `/`). */
export function collectNodeFacts(options: CollectOptions = {}): NodeFacts {
  const root = options.root ?? '/';
  const procRoot = options.procRoot ?? join(root, 'proc');
  const fs = nodeFs(root, procRoot);
  const facts = emptyFacts(root, (options.now?.() ?? new Date()).toISOString());
  const host = hostnameOf(fs, options);
  if (host !== undefined) {
    facts.hostname = host;
  }
  facts.processes = readProcesses(procRoot, facts.notes, options.pidFilter);
  for (let round = 0; round < 6; round++) {
    const fetched = fetch(fs, facts);
    const pods = addStaticPods(fs, facts);
    if (!fetched && !pods) {
      break;
    }
  }
  facts.platform.markers = PLATFORM_MARKERS.filter((path) => {
    const type = fs.stat(path).type;
    return type !== 'missing' && type !== 'unreadable';
  });
  facts.platform.nodeLabels = { ...(options.nodeLabels ?? {}) };
  const version = versionOf(facts, options);
  if (version !== undefined) {
    facts.platform.kubernetesVersion = version;
  }
  const os = osName(fs);
  if (os !== undefined) {
    facts.platform.os = os;
  }
  if (facts.processes.length === 0) {
    facts.notes.push(
      `no Kubernetes component found in ${procRoot} (is the host's PID namespace visible? hostPID: true)`,
    );
  }
  return facts;
}
