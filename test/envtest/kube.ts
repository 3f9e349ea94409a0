/**
 * Small helpers for tests against the envtest stack: unique namespaces, polling, kubectl wrappers
 * and the raw warnings of a server-side dry-run of a Pod Security enforce label.
 */
import { randomBytes } from 'node:crypto';
import type { ClusterClient, ExecResult, KubectlOptions } from './cluster.js';

/** A DNS-1123 label: `prefix-<8 hex>`, so tests sharing one stack never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/**
 * Polls `probe` every `intervalMs` until it returns something other than `undefined`, and returns
 * that. Rejects after `timeoutMs` with `what` and the last error the probe threw, if any.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${cause}`);
    }
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/** Runs kubectl and rejects (with its stderr) unless it exits 0. */
export async function kubectlOk(
  cluster: ClusterClient,
  args: readonly string[],
  options?: KubectlOptions,
): Promise<ExecResult> {
  const result = await cluster.kubectl(args, options);
  if (result.code !== 0) {
    throw new Error(
      `kubectl ${args.join(' ')} exited ${result.code}\nstderr: ${result.stderr}\nstdout: ${result.stdout}`,
    );
  }
  return result;
}

/** `kubectl get … -o json`, parsed. */
export async function getJson<T = KubeObject>(
  cluster: ClusterClient,
  args: readonly string[],
): Promise<T> {
  const { stdout } = await kubectlOk(cluster, ['get', ...args, '-o', 'json']);
  return JSON.parse(stdout) as T;
}

/** The parts of Kubernetes objects these tests read. */
export interface KubeObject {
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    ownerReferences?: { kind: string; name: string }[];
  };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

export interface KubeList<T = KubeObject> {
  items: T[];
}

export interface KubeEvent extends KubeObject {
  reason?: string;
  message?: string;
  type?: string;
  involvedObject: { kind: string; name: string };
}

/**
 * Creates a namespace with `labels` and waits until its `default` ServiceAccount exists (created
 * by the controller manager); before that, Pods in it are rejected for the missing account,
 * which would mask admission results.
 */
export async function createNamespace(
  cluster: ClusterClient,
  name: string,
  labels: Record<string, string> = {},
): Promise<void> {
  const manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
  await kubectlOk(cluster, ['create', '-f', '-'], { stdin: JSON.stringify(manifest) });
  await waitFor(`ServiceAccount default in namespace ${name}`, async () => {
    const res = await cluster.request('GET', `/api/v1/namespaces/${name}/serviceaccounts/default`);
    return res.status === 200 ? true : undefined;
  });
}

/** Deletes a namespace without waiting for its finalization. */
export async function deleteNamespace(cluster: ClusterClient, name: string): Promise<void> {
  await cluster.kubectl(['delete', 'namespace', name, '--wait=false', '--ignore-not-found']);
}

/** `kubectl apply -f -` of the given objects (JSON), not throwing: callers assert on the output. */
export function apply(
  cluster: ClusterClient,
  namespace: string,
  ...objects: readonly object[]
): Promise<ExecResult> {
  const list = { apiVersion: 'v1', kind: 'List', items: objects };
  return cluster.kubectl(['apply', '-n', namespace, '-f', '-'], { stdin: JSON.stringify(list) });
}

/** The lines of kubectl's stderr that are server warnings, without the `Warning: ` prefix. */
export function warningLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('Warning: '))
    .map((line) => line.slice('Warning: '.length));
}

export interface DryRunResult extends ExecResult {
  /** The exact command line that was run (without kubectl's path). */
  args: string[];
  /** Each server warning as kubectl printed it, `Warning: ` prefix removed, in order. */
  warnings: string[];
}

/**
 * What the apiserver says about raising a namespace's enforce level, without changing it:
 * `kubectl label --dry-run=server --overwrite ns NS pod-security.kubernetes.io/enforce=LEVEL`.
 *
 * The reference for `mamori psa what-if`: `stderr` is kubectl's raw output (one `Warning: ` line
 * per warning), `warnings` the same lines without the prefix. On a namespace with non-compliant
 * pods the first warning is `existing pods in namespace "NS" violate the new PodSecurity enforce
 * level "LEVEL:latest"`, then one sorted line per distinct violation set, `POD: checks` or
 * `POD (and N other pod[s]): checks` (POD is the lexicographically first pod of the set).
 *
 * The apiserver evaluates its informer cache of pods: pods created a moment ago may not be
 * counted yet. Use `psaEnforceDryRunSettled` to wait for a known number of pods.
 */
export async function psaEnforceDryRun(
  cluster: ClusterClient,
  namespace: string,
  level: 'privileged' | 'baseline' | 'restricted',
): Promise<DryRunResult> {
  const args = [
    'label',
    '--dry-run=server',
    '--overwrite',
    'ns',
    namespace,
    `pod-security.kubernetes.io/enforce=${level}`,
  ];
  const result = await cluster.kubectl(args);
  return { ...result, args, warnings: warningLines(result.stderr) };
}

/**
 * `psaEnforceDryRun` once the apiserver's view of the namespace accounts for `violatingPods`
 * pods (the sum over the warning lines of 1 + "and N other pods").
 */
export function psaEnforceDryRunSettled(
  cluster: ClusterClient,
  namespace: string,
  level: 'privileged' | 'baseline' | 'restricted',
  violatingPods: number,
): Promise<DryRunResult> {
  return waitFor(
    `the dry-run of enforce=${level} on ${namespace} to count ${violatingPods} violating pods`,
    async () => {
      const result = await psaEnforceDryRun(cluster, namespace, level);
      return countedPods(result.warnings) === violatingPods ? result : undefined;
    },
  );
}

/** Pods accounted for by the per-pod lines of an enforce dry-run. */
export function countedPods(warnings: readonly string[]): number {
  let total = 0;
  for (const warning of warnings) {
    const match = /^[a-z0-9.-]+(?: \(and (\d+) other pods?\))?: /.exec(warning);
    if (match !== null) {
      total += 1 + Number(match[1] ?? '0');
    }
  }
  return total;
}
