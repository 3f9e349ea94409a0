/**
 * Namespace labels for the webhook: read from the API server and cached for a short time (the
 * policy of a namespace is its labels), with concurrent lookups of one namespace shared.
 */
import type { KubeClient } from '../sources/cluster/client.js';

type Labels = Readonly<Record<string, string>>;

interface Entry {
  labels: Labels | undefined;
  at: number;
}

function labelsOf(object: unknown): Labels | undefined {
  if (typeof object !== 'object' || object === null) {
    return undefined;
  }
  const metadata = (object as { metadata?: unknown }).metadata;
  const labels =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as { labels?: unknown }).labels
      : undefined;
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'string') {
      out[key] = value;
    }
  }
  return out;
}

export class NamespaceCache {
  readonly #client: Pick<KubeClient, 'request'>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #pending = new Map<string, Promise<Labels | undefined>>();

  constructor(client: Pick<KubeClient, 'request'>, ttlSeconds: number, now = Date.now) {
    this.#client = client;
    this.#ttlMs = ttlSeconds * 1000;
    this.#now = now;
  }

  /** The namespace's labels; rejects when the API server cannot be asked or has no such namespace. */
  async labels(name: string): Promise<Labels | undefined> {
    const entry = this.#entries.get(name);
    if (entry !== undefined && this.#now() - entry.at < this.#ttlMs) {
      return entry.labels;
    }
    let pending = this.#pending.get(name);
    if (pending === undefined) {
      pending = this.#client
        .request('GET', `/api/v1/namespaces/${encodeURIComponent(name)}`)
        .then((object) => {
          const labels = labelsOf(object);
          this.#entries.set(name, { labels, at: this.#now() });
          if (this.#entries.size > 10_000) {
            const oldest = this.#entries.keys().next().value;
            if (oldest !== undefined) {
              this.#entries.delete(oldest);
            }
          }
          return labels;
        })
        .finally(() => this.#pending.delete(name));
      this.#pending.set(name, pending);
    }
    return pending;
  }
}

/** A fixed map of namespace → labels (offline use: tests and the benchmark). */
export function staticNamespaces(
  map: Readonly<Record<string, Labels>>,
): (name: string) => Promise<Labels | undefined> {
  return (name) =>
    Object.hasOwn(map, name)
      ? Promise.resolve(map[name])
      : Promise.reject(new Error(`namespaces "${name}" not found`));
}
