/**
 * Groups recognised documents into one bundle per cluster. A document that names its cluster
 * (`clusterName`, an ARM id, an instance tag) goes to that cluster; otherwise it goes to the
 * cluster(s) whose description file shares the longest directory prefix with it (among those of
 * that name, when it names one), so
 * `fixtures/eks-weak/k8s/pods.json` joins `fixtures/eks-weak/eks/describe-cluster.json`. Kubernetes
 * objects without any cluster description form a bundle of their own. Pure: no I/O.
 */
import { basename, dirname } from 'node:path';
import { KUBERNETES_RESOURCES } from '../../cloud/inputs.js';
import { Node } from '../../cloud/node.js';
import type { CheckProvider, ClusterBundle, InputDocument, InputKind } from '../../cloud/types.js';

/** Kinds exported even if empty, as told by a file's name or a bundle manifest. */
export interface KindHint {
  file: string;
  kinds: string[];
}

function providerOf(kind: InputKind): CheckProvider {
  if (kind === 'k8s-object') {
    return 'kubernetes';
  }
  if (kind.startsWith('aks-')) {
    return 'aks';
  }
  if (kind.startsWith('gke-')) {
    return 'gke';
  }
  return 'eks';
}

const CLUSTER_KINDS: readonly InputKind[] = ['eks-cluster', 'aks-cluster', 'gke-cluster'];

/** The cluster a companion document names, if any. */
function namedCluster(document: InputDocument): string | undefined {
  const node = new Node(document.value, '');
  switch (document.kind) {
    case 'eks-nodegroup':
    case 'eks-addon':
    case 'eks-access-entry':
    case 'eks-associated-access-policies':
      return node.get('clusterName').str();
    case 'eks-pod-identity-associations':
      return node.get('associations').items()[0]?.get('clusterName').str();
    case 'ec2-instances':
      return node
        .get('Reservations')
        .items()
        .flatMap((reservation) => reservation.get('Instances').items())
        .flatMap((instance) => instance.get('Tags').items())
        .find((tag) => tag.get('Key').str() === 'aws:eks:cluster-name')
        ?.get('Value')
        .str();
    case 'aks-nodepools':
    case 'aks-diagnostic-settings': {
      const first = node.isArray
        ? node.items()[0]
        : node.get('value').isArray
          ? node.get('value').items()[0]
          : node;
      const id = first?.get('id').str() ?? '';
      return /\/managedClusters\/([^/]+)/i.exec(id)?.[1];
    }
    default:
      return undefined;
  }
}

function clusterName(document: InputDocument): string | undefined {
  return new Node(document.value, '').get('name').str();
}

function segments(file: string): string[] {
  return dirname(file.replace(/\\/g, '/'))
    .split('/')
    .filter((part) => part !== '' && part !== '.');
}

function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) {
    count++;
  }
  return count;
}

interface Target {
  bundle: ClusterBundle;
  anchor: string[];
}

/** The targets nearest to `file` by directory, among `candidates`. */
function nearest(candidates: readonly Target[], file: string): Target[] {
  const where = segments(file);
  let best = -1;
  let chosen: Target[] = [];
  for (const target of candidates) {
    const score = sharedPrefix(target.anchor, where);
    if (score > best) {
      best = score;
      chosen = [target];
    } else if (score === best) {
      chosen.push(target);
    }
  }
  return chosen;
}

/** Kubernetes kinds a file name announces: `networkpolicies.json`, `k8s/aws-auth.yaml`. */
export function kindsFromFileName(file: string): string[] {
  const name = basename(file)
    .toLowerCase()
    .replace(/\.(json|ya?ml)$/, '');
  const kinds = Object.entries(KUBERNETES_RESOURCES)
    .filter(([, plural]) => new RegExp(`(^|[^a-z])${plural}([^a-z]|$)`).test(name))
    .map(([kind]) => kind);
  if (/(^|[^a-z])aws-auth([^a-z]|$)/.test(name)) {
    kinds.push('ConfigMap/aws-auth');
  }
  return kinds;
}

export function assembleBundles(
  documents: readonly InputDocument[],
  hints: readonly KindHint[],
): ClusterBundle[] {
  const targets: Target[] = [];
  const seen = new Map<string, Target>();
  for (const document of documents.filter((item) => CLUSTER_KINDS.includes(item.kind))) {
    // Every description is a cluster of its own, even when two share a name (two scenarios of
    // one cluster side by side must not be merged).
    const provider = providerOf(document.kind);
    const name = clusterName(document) ?? (basename(dirname(document.file)) || 'cluster');
    const target = {
      bundle: { provider, name, documents: [document], kubernetesKinds: [] },
      anchor: segments(document.file),
    };
    seen.set(`${provider}\u0000${name}`, target);
    targets.push(target);
  }
  // Provider companions first, so that Kubernetes objects join their cluster even when the
  // cluster is known only from companions (a bundle without its description).
  const companions = documents
    .filter((item) => !CLUSTER_KINDS.includes(item.kind))
    .sort((a, b) => Number(a.kind === 'k8s-object') - Number(b.kind === 'k8s-object'));
  for (const document of companions) {
    const provider = providerOf(document.kind);
    let candidates =
      provider === 'kubernetes'
        ? targets
        : targets.filter((target) => target.bundle.provider === provider);
    const named = namedCluster(document);
    if (named !== undefined) {
      const matching = candidates.filter((target) => target.bundle.name === named);
      if (matching.length > 0) {
        candidates = matching;
      }
    }
    if (candidates.length === 0) {
      // No description of this cluster: keep the companion in a bundle of its own provider.
      const name = named ?? (basename(dirname(document.file)) || provider);
      const key = `${provider}\u0000${name}`;
      const target = seen.get(key) ?? {
        bundle: { provider, name, documents: [], kubernetesKinds: [] },
        anchor: segments(document.file),
      };
      if (!seen.has(key)) {
        seen.set(key, target);
        targets.push(target);
      }
      candidates = [target];
    }
    for (const target of nearest(candidates, document.file)) {
      target.bundle.documents.push(document);
    }
  }
  for (const hint of hints) {
    for (const target of nearest(targets, hint.file)) {
      target.bundle.kubernetesKinds.push(...hint.kinds);
    }
  }
  return targets.map((target) => ({
    ...target.bundle,
    kubernetesKinds: [...new Set(target.bundle.kubernetesKinds)],
  }));
}
