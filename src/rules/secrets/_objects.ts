/*
 * Defensive readers for objects that are not type-checked before rules see them (everything but
 * pod specs), and lookups across the scanned input. Not a rule module.
 */
import type { Resource } from '../../core/model.js';
import type { ResourceIndex } from '../../core/rule.js';
import { valueAt, type Workload } from '../../core/workload.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string at a pointer, if it is one. */
export function stringAt(root: unknown, pointer: string): string | undefined {
  const value = valueAt(root, pointer);
  return typeof value === 'string' ? value : undefined;
}

/** The string entries of a map at a pointer (labels, annotations, nodeSelector). */
export function stringMapAt(root: unknown, pointer: string): Record<string, string> {
  const value = valueAt(root, pointer);
  const out: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        out[key] = item;
      }
    }
  }
  return out;
}

/**
 * Whether two objects can be in the same namespace. An object without a namespace is applied to
 * whatever namespace the deploy tool chooses, so it may be the other's.
 */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** The directory part of a file path (`''` for a bare name or stdin). */
export function directoryOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? '' : file.slice(0, slash);
}

/** How many leading path components two file paths share. */
export function sharedDirectories(a: string, b: string): number {
  const first = a.split(/[\\/]/);
  const second = b.split(/[\\/]/);
  let count = 0;
  while (count < first.length - 1 && first[count] === second[count]) {
    count += 1;
  }
  return count;
}

/**
 * A ServiceAccount of the input by namespace and name, for a pod of `workload`. When several
 * match (the input may hold unrelated manifests), the choice does not depend on the order of the
 * input: an exact namespace match wins, then the one nearest to the workload (same file, then the
 * most directories in common), then the first by file and position.
 */
export function findServiceAccount(
  index: ResourceIndex,
  workload: Resource,
  name: string,
): Resource | undefined {
  const namespace = workload.ref.namespace;
  const candidates = accountsNamed(index, name).filter((account) =>
    sameNamespace(account.ref.namespace, namespace),
  );
  if (candidates.length <= 1) {
    return candidates[0];
  }
  let best: Resource | undefined;
  let bestRank: readonly [number, number, number, string, number] | undefined;
  // One pass keeping the least rank: each candidate's rank is worked out once.
  for (const account of candidates) {
    const rank = [
      account.ref.namespace === namespace ? 0 : 1,
      account.file === workload.file ? 0 : 1,
      -sharedDirectories(account.file, workload.file),
      account.file,
      account.documentIndex,
    ] as const;
    if (bestRank === undefined || lessRank(rank, bestRank)) {
      best = account;
      bestRank = rank;
    }
  }
  return best;
}

/** Whether one rank comes before another (element by element; equal ranks keep input order). */
function lessRank(
  first: readonly (number | string)[],
  second: readonly (number | string)[],
): boolean {
  for (let i = 0; i < first.length; i += 1) {
    const [x, y] = [first[i] ?? 0, second[i] ?? 0];
    if (x !== y) {
      return x < y;
    }
  }
  return false;
}

/**
 * The index's ServiceAccounts by name, made once per index list (several rules ask for every
 * workload). The engine's list for a kind only grows, and deferred rules read it once it is
 * complete; the length check keeps the cache honest anyway.
 */
const accountsByName = new WeakMap<
  readonly Resource[],
  { length: number; byName: Map<string, Resource[]> }
>();
function accountsNamed(index: ResourceIndex, name: string): readonly Resource[] {
  const accounts = index.ofKind('ServiceAccount');
  let cached = accountsByName.get(accounts);
  if (cached === undefined || cached.length !== accounts.length) {
    const byName = new Map<string, Resource[]>();
    for (const account of accounts) {
      const list = byName.get(account.ref.name);
      if (list === undefined) {
        byName.set(account.ref.name, [account]);
      } else {
        list.push(account);
      }
    }
    cached = { length: accounts.length, byName };
    accountsByName.set(accounts, cached);
  }
  return cached.byName.get(name) ?? [];
}

/** The service account a pod spec runs as (`default` when it names none). */
export function serviceAccountOf(podSpec: {
  serviceAccountName?: string;
  serviceAccount?: string;
}): string {
  const name = podSpec.serviceAccountName ?? podSpec.serviceAccount ?? '';
  return name === '' ? 'default' : name;
}

/** A workload found in the index, read defensively. */
export interface IndexedWorkload {
  resource: Resource;
  templatePointer: string;
  serviceAccount: string;
  /** Labels of the object and of its pod template. */
  readonly labels: Record<string, string>;
}

/**
 * A workload's service account and labels, read from its object without trusting their types.
 * Several rules ask for the same workload: the answer is worked out once (and only read).
 */
export function indexedWorkload(workload: Workload): IndexedWorkload {
  let found = indexed.get(workload);
  if (found === undefined) {
    found = readWorkload(workload.resource, workload.templatePointer);
    indexed.set(workload, found);
  }
  return found;
}

const indexed = new WeakMap<Workload, IndexedWorkload>();

function readWorkload(resource: Resource, templatePointer: string): IndexedWorkload {
  const serviceAccount =
    stringAt(resource.object, `${templatePointer}/spec/serviceAccountName`) ??
    stringAt(resource.object, `${templatePointer}/spec/serviceAccount`);
  // The labels are merged when a rule first asks for them: few do.
  let labels: Record<string, string> | undefined;
  return {
    resource,
    templatePointer,
    serviceAccount:
      serviceAccount === undefined || serviceAccount === '' ? 'default' : serviceAccount,
    get labels() {
      return (labels ??= {
        ...stringMapAt(resource.object, '/metadata/labels'),
        ...stringMapAt(resource.object, `${templatePointer}/metadata/labels`),
      });
    },
  };
}
