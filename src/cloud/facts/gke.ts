/**
 * The facts of a GKE cluster: the REST `Cluster` resource printed by
 * `gcloud container clusters describe NAME --format json`.
 */
import { Node } from '../node.js';
import type { ClusterBundle } from '../types.js';
import type { InputVars } from '../inputs.js';
import { buildK8sFacts, type K8sFacts } from './k8s.js';

export interface GkeFacts {
  provider: 'gke';
  name: string;
  vars: InputVars;
  hasCluster: boolean;
  cluster: Node;
  k8s: K8sFacts;
}

export function buildGkeFacts(bundle: ClusterBundle): GkeFacts {
  const document = bundle.documents.find((candidate) => candidate.kind === 'gke-cluster');
  const cluster =
    document === undefined
      ? new Node(undefined, '')
      : new Node(document.value, document.basePath, document.file);
  return {
    provider: 'gke',
    name: bundle.name,
    vars: {
      name: bundle.name,
      location: cluster.get('location').str() ?? cluster.get('zone').str(),
    },
    hasCluster: document !== undefined,
    cluster,
    k8s: buildK8sFacts(bundle),
  };
}

/** Autopilot clusters: Google manages nodes, metadata concealment and Dataplane V2. */
export function isAutopilot(facts: GkeFacts): boolean {
  return facts.cluster.at('autopilot', 'enabled').bool() === true;
}

/** The node pools, or undefined when the document lists none (a trimmed export). */
export function nodePools(facts: GkeFacts): Node[] | undefined {
  const pools = facts.cluster.get('nodePools');
  return pools.isArray && pools.items().length > 0 ? pools.items() : undefined;
}

export function poolLabel(pool: Node, index: number): string {
  return pool.get('name').str() ?? `pool ${index}`;
}
