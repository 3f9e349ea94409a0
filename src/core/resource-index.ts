/**
 * The engine's bookkeeping by kind: the index of resources that rules reading other objects
 * look through, and answers worked out once per kind.
 */
import type { Resource } from './model.js';
import { createsPods, type ResourceIndex } from './rule.js';
import type { Workload } from './workload.js';

/** What rules that read no other objects get as their index. */
export const EMPTY_INDEX: ResourceIndex = { all: [], ofKind: () => [], workloads: [] };

/** An index that grows as resources stream in; rules read it only after the input is complete. */
export class GrowingIndex implements ResourceIndex {
  readonly #byKind = new Map<string, Resource[]>();
  readonly #all: Resource[] = [];
  readonly #workloads: Workload[] = [];

  /** Keeps a resource, with its pod template when it is a workload. */
  add(resource: Resource, workload?: Workload): void {
    this.#all.push(resource);
    if (workload !== undefined && createsPods(workload)) {
      this.#workloads.push(workload);
    }
    const list = this.#byKind.get(resource.object.kind);
    if (list === undefined) {
      this.#byKind.set(resource.object.kind, [resource]);
    } else {
      list.push(resource);
    }
  }

  get all(): readonly Resource[] {
    return this.#all;
  }

  ofKind(kind: string): readonly Resource[] {
    return this.#byKind.get(kind) ?? [];
  }

  get workloads(): readonly Workload[] {
    return this.#workloads;
  }
}

/**
 * What a rule works out from the whole index (roles by name, pod sources, policies of a kind),
 * made once per index and again only if the index has grown since: rules see the index once the
 * input is complete, so in a scan it is made once, while tests may grow an index between checks.
 */
export function perIndex<T>(make: (index: ResourceIndex) => T): (index: ResourceIndex) => T {
  const made = new WeakMap<ResourceIndex, { size: number; value: T }>();
  return (index) => {
    const known = made.get(index);
    if (known !== undefined && known.size === index.all.length) {
      return known.value;
    }
    const value = make(index);
    made.set(index, { size: index.all.length, value });
    return value;
  };
}

/**
 * Answers worked out once per kind, apart for objects that are workloads and for those that are
 * not (a kind may be either, with custom workload kinds): two maps rather than one keyed by a
 * string made for each object.
 */
export class ByKind<T> {
  readonly #plain = new Map<string, T>();
  readonly #workloads = new Map<string, T>();

  get(kind: string, workload: boolean, work: () => T): T {
    const answers = workload ? this.#workloads : this.#plain;
    let answer = answers.get(kind);
    if (answer === undefined) {
      answer = work();
      answers.set(kind, answer);
    }
    return answer;
  }
}
