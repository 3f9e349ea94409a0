/**
 * The subcommands of `mamori`, in the order `mamori --help` lists them. Each is loaded only when
 * it runs, so that `mamori scan` does not pay for loading the cloud, node or webhook code.
 */
import type { Command } from '../io.js';

export interface CommandEntry {
  name: string;
  /** One line for `mamori --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    summary: 'check manifests (files, directories, kustomizations, stdin) against the rules',
    load: async () => (await import('./scan.js')).scanCommand,
  },
  {
    name: 'pss',
    summary: 'evaluate workloads against the Pod Security Standards as admission would',
    load: async () => (await import('./pss.js')).pssCommand,
  },
  {
    name: 'node',
    summary: 'assess a node against the CIS Kubernetes Benchmark (or collect its facts)',
    load: async () => (await import('./node.js')).nodeCommand,
  },
  {
    name: 'compare',
    summary: 'put several clusters’ CIS results side by side per section',
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    name: 'cloud',
    summary: 'audit EKS/AKS/GKE cluster configuration (Connectivity, Cluster, Auth) from CLI JSON',
    load: async () => (await import('./cloud.js')).cloudCommand,
  },
  {
    name: 'cluster',
    summary: 'scan a live cluster (read-only) with the same rules',
    load: async () => (await import('./cluster.js')).clusterCommand,
  },
  {
    name: 'psa',
    summary: 'predict Pod Security Admission warnings on a live cluster (psa what-if)',
    load: async () => (await import('./psa.js')).psaCommand,
  },
  {
    name: 'webhook',
    summary: 'run the admission webhook (Pod Security + rules), or print its manifests',
    load: async () => (await import('./webhook.js')).webhookCommand,
  },
];
