/**
 * Vitest glue: `useCluster()` in a test file gives access to the envtest stack.
 *
 * When `test/envtest/global-setup.ts` is a Vitest globalSetup, the stack started there (one per
 * run) is used. Otherwise the file starts its own stack in `beforeAll` and stops it in `afterAll`.
 * Either way, if the stack cannot be started the tests FAIL with the reason; they never skip.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import {
  connectCluster,
  startCluster,
  type Cluster,
  type ClusterClient,
  type ClusterInfo,
} from './cluster.js';

/** What global-setup.ts provides to test files. */
export type EnvtestProvided = { ok: true; info: ClusterInfo } | { ok: false; error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    mamoriEnvtest?: EnvtestProvided;
  }
}

/** Room for a cold build (11–13 min on 2 cores) when a file has to start its own stack. */
const OWN_START_TIMEOUT_MS = 40 * 60_000;

export function useCluster(): () => ClusterClient {
  let client: ClusterClient | undefined;
  let owned: Cluster | undefined;
  let failure: string | undefined;

  beforeAll(async () => {
    const provided = inject('mamoriEnvtest');
    if (provided !== undefined) {
      if (!provided.ok) {
        failure = provided.error;
        throw new Error(`the envtest stack could not be started: ${provided.error}`);
      }
      client = connectCluster(provided.info);
      return;
    }
    try {
      owned = await startCluster();
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      throw error;
    }
    client = owned;
  }, OWN_START_TIMEOUT_MS);

  afterAll(async () => {
    await owned?.stop();
  }, 60_000);

  return () => {
    if (client === undefined) {
      throw new Error(`the envtest stack is not running: ${failure ?? 'beforeAll did not finish'}`);
    }
    return client;
  };
}
