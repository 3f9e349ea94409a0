/**
 * The engine's bookkeeping by kind: the index of resources that rules reading other objects
 * look through, and answers worked out once per kind.
 */
import type { Resource } from './model.js';
import type { ResourceIndex } from './rule.js';

/** What rules that read no other objects get as their index. */
export const EMPTY_INDEX: ResourceIndex = { all: [], ofKind: () => [] };

/** An index that grows as resources stream in; rules read it only after the input is complete. */
export class GrowingIndex implements ResourceIndex {
  readonly #byKind = new Map<string, Resource[]>();
  readonly #all: Resource[] = [];

  add(resource: Resource): void {
    this.#all.push(resource);
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
