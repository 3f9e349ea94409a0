/**
 * Namespace labels for the webhook, from an informer: one list of all namespaces, then a watch
 * from the list's resourceVersion that keeps the labels current. When the watch reports 410 Gone
 * (its version is too old) or fails, the namespaces are listed again, after an exponential
 * backoff. Lookups of a namespace the informer has not seen (not synced yet, or created a moment
 * ago) ask the API server directly, as upstream's webhook does.
 */
import {
  KubeApiError,
  type KubeClient,
  type ListResult,
  type WatchEvent,
} from '../sources/cluster/client.js';

type Labels = Readonly<Record<string, string>>;

const NAMESPACES = '/api/v1/namespaces';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelsOf(object: unknown): Labels | undefined {
  const metadata = isRecord(object) ? object.metadata : undefined;
  const labels = isRecord(metadata) ? metadata.labels : undefined;
  if (!isRecord(labels)) {
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

function metaString(object: unknown, key: 'name' | 'resourceVersion'): string | undefined {
  const metadata = isRecord(object) ? object.metadata : undefined;
  const value = isRecord(metadata) ? metadata[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The client calls the informer makes. */
export type NamespaceClient = Pick<KubeClient, 'listWithVersion' | 'watch' | 'request'>;

export interface InformerOptions {
  log?: (line: string) => void;
  /** Waits between retries (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** A monotonic clock in ms (default performance.now). */
  now?: () => number;
  /** First and largest wait before listing again after an error (default 500 ms and 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  /** How long the server keeps one watch open (default 300 to 600 s, as client-go). */
  watchTimeoutSeconds?: () => number;
  /** Called before each list of the namespaces: the first one, after 410 Gone, after an error. */
  onList?: (cause: ListCause) => void;
}

export type ListCause = 'start' | 'gone' | 'error';

/** How a watch ended: closed by the server (its timeout), or 410 Gone. */
type WatchEnd = { gone: false; resourceVersion: string; events: number } | { gone: true };

/** A watch that delivered nothing and ended this fast is treated as a failure (no hot loop). */
const SHORTEST_HEALTHY_WATCH_MS = 1000;

export class NamespaceInformer {
  readonly #client: NamespaceClient;
  readonly #log: (line: string) => void;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;
  readonly #backoff: { initialMs: number; maxMs: number };
  readonly #watchTimeoutSeconds: () => number;
  readonly #onList: (cause: ListCause) => void;
  readonly #store = new Map<string, Labels | undefined>();
  readonly #pending = new Map<string, Promise<Labels | undefined>>();
  #synced = false;
  #stopped = false;
  #stopWatch: (() => void) | undefined;
  #wake: (() => void) | undefined;
  #resourceVersion: string | undefined;
  #syncWaiters: (() => void)[] = [];
  #running: Promise<void> | undefined;
  /** Lists made so far (the first one, then one per 410 or error). */
  lists = 0;

  constructor(client: NamespaceClient, options: InformerOptions = {}) {
    this.#client = client;
    this.#log = options.log ?? (() => undefined);
    this.#now = options.now ?? (() => performance.now());
    this.#backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
    this.#watchTimeoutSeconds =
      options.watchTimeoutSeconds ?? (() => 300 + Math.floor(Math.random() * 300));
    this.#onList = options.onList ?? (() => undefined);
    this.#sleep =
      options.sleep ??
      ((ms) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        }));
  }

  /** True once the first list has been stored (it stays true while later lists are retried). */
  get synced(): boolean {
    return this.#synced;
  }

  /** The resourceVersion the informer is at. */
  get resourceVersion(): string | undefined {
    return this.#resourceVersion;
  }

  /** Whether the informer's store holds the namespace (no request is made). */
  has(name: string): boolean {
    return this.#store.has(name);
  }

  /** Starts listing and watching in the background. */
  start(): void {
    this.#running ??= this.#run();
  }

  /** Resolves once the first list has been stored. */
  whenSynced(): Promise<void> {
    return this.#synced
      ? Promise.resolve()
      : new Promise((resolve) => {
          this.#syncWaiters.push(resolve);
        });
  }

  /** Stops the watch and the retries; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopWatch?.();
    this.#wake?.();
    await this.#running;
  }

  /**
   * The namespace's labels. From the informer's store when it holds the namespace; otherwise
   * (before the first list, or a namespace created a moment ago) from the API server, with
   * concurrent lookups of one name sharing one request. Rejects when that fails (404 included).
   */
  labels(name: string): Promise<Labels | undefined> {
    if (this.#synced && this.#store.has(name)) {
      return Promise.resolve(this.#store.get(name));
    }
    let pending = this.#pending.get(name);
    if (pending === undefined) {
      pending = this.#client
        .request('GET', `${NAMESPACES}/${encodeURIComponent(name)}`)
        .then(labelsOf)
        .finally(() => this.#pending.delete(name));
      this.#pending.set(name, pending);
    }
    return pending;
  }

  #replace(list: ListResult): void {
    this.#store.clear();
    for (const object of list.items) {
      const name = object.metadata?.name;
      if (name !== undefined) {
        this.#store.set(name, labelsOf(object));
      }
    }
    this.#resourceVersion = list.resourceVersion;
    if (!this.#synced) {
      this.#synced = true;
      for (const resolve of this.#syncWaiters.splice(0)) {
        resolve();
      }
    }
  }

  #apply(event: WatchEvent): 'ok' | 'gone' | Error {
    const { type, object } = event;
    if (type === 'ERROR') {
      const code = typeof object.code === 'number' ? object.code : 0;
      if (code === 410) {
        return 'gone';
      }
      const message = typeof object.message === 'string' ? object.message : JSON.stringify(object);
      return new Error(`the watch reported an error (${code}): ${message}`);
    }
    const name = metaString(object, 'name');
    if (name !== undefined && (type === 'ADDED' || type === 'MODIFIED')) {
      this.#store.set(name, labelsOf(object));
    } else if (name !== undefined && type === 'DELETED') {
      this.#store.delete(name);
    }
    this.#resourceVersion = metaString(object, 'resourceVersion') ?? this.#resourceVersion;
    return 'ok';
  }

  async #watchOnce(resourceVersion: string): Promise<WatchEnd> {
    // Set by the event callback (an object, so that the result is not narrowed away).
    const state: { outcome: 'ok' | 'gone' | Error; events: number } = { outcome: 'ok', events: 0 };
    const started = this.#now();
    const watch = this.#client.watch(
      NAMESPACES,
      resourceVersion,
      (event) => {
        if (state.outcome !== 'ok') {
          return;
        }
        state.events++;
        state.outcome = this.#apply(event);
        if (state.outcome !== 'ok') {
          watch.stop();
        }
      },
      { timeoutSeconds: this.#watchTimeoutSeconds() },
    );
    this.#stopWatch = () => watch.stop();
    try {
      await watch.done;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 410) {
        return { gone: true };
      }
      throw error;
    } finally {
      this.#stopWatch = undefined;
    }
    const { outcome, events } = state;
    if (outcome === 'gone') {
      return { gone: true };
    }
    if (outcome instanceof Error) {
      throw outcome;
    }
    if (!this.#stopped && events === 0 && this.#now() - started < SHORTEST_HEALTHY_WATCH_MS) {
      throw new Error('the watch ended at once without an event');
    }
    return { gone: false, resourceVersion: this.#resourceVersion ?? resourceVersion, events };
  }

  async #run(): Promise<void> {
    let delay = this.#backoff.initialMs;
    let cause: ListCause = 'start';
    while (!this.#stopped) {
      try {
        this.#onList(cause);
        const list = await this.#client.listWithVersion(NAMESPACES);
        this.lists++;
        if (this.#stopped) {
          return;
        }
        const first = !this.#synced;
        this.#replace(list);
        if (first) {
          this.#log(`namespace informer synced: ${list.items.length} namespaces`);
        }
        let resourceVersion = list.resourceVersion ?? '0';
        for (;;) {
          const end = await this.#watchOnce(resourceVersion);
          if (this.#stopped) {
            return;
          }
          if (end.gone) {
            this.#log('namespace informer: the watch is too old (410 Gone); listing again');
            cause = 'gone';
            break;
          }
          resourceVersion = end.resourceVersion;
          // A watch that ran its course is healthy: the next failure starts the backoff anew.
          delay = this.#backoff.initialMs;
        }
      } catch (error) {
        if (this.#stopped) {
          return;
        }
        this.#log(`namespace informer: ${errorText(error)}; listing again in ${delay} ms`);
        cause = 'error';
      }
      await this.#sleep(delay);
      delay = Math.min(delay * 2, this.#backoff.maxMs);
    }
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
