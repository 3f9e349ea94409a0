/**
 * Vitest globalSetup: one envtest stack per test run.
 *
 * Test files get it through `useCluster()` (test/envtest/use-cluster.ts), which reads
 * `inject('mamoriEnvtest')`. The setup never throws: when the stack cannot be started, the
 * reason is provided instead and every test that uses the cluster fails with it, while the
 * other tests still run and report.
 *
 * Also exported to the environment of this process (and so of workers and tools spawned after
 * it): MAMORI_ENVTEST_KUBECONFIG, MAMORI_ENVTEST_SERVER, MAMORI_ENVTEST_KUBECTL.
 */
import type { TestProject } from 'vitest/node';
import { clusterInfo, startCluster, type Cluster } from './cluster.js';
import './use-cluster.js';

let cluster: Cluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  try {
    cluster = await startCluster();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`[envtest] the stack could not be started: ${message}\n`);
    project.provide('mamoriEnvtest', { ok: false, error: message });
    return;
  }
  const info = clusterInfo(cluster);
  project.provide('mamoriEnvtest', { ok: true, info });
  process.env['MAMORI_ENVTEST_KUBECONFIG'] = info.kubeconfigPath;
  process.env['MAMORI_ENVTEST_SERVER'] = info.server;
  process.env['MAMORI_ENVTEST_KUBECTL'] = info.kubectlPath;
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
