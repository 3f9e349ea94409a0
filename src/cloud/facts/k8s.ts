/**
 * Live Kubernetes objects of a cluster (`kubectl get … -o json`), indexed for the checks.
 */
import { Node } from '../node.js';
import type { ClusterBundle, CloudOptions } from '../types.js';

export interface KubeObject {
  kind: string;
  name: string;
  namespace?: string;
  file: string;
  /** `Kind namespace/name` or `Kind name`, for messages. */
  ref: string;
  node: Node;
}

/** A pod spec found in a Pod or in a workload's template. */
export interface PodSpecAt {
  owner: KubeObject;
  /** The pod template's metadata (or the Pod's). */
  metadata: Node;
  spec: Node;
}

export interface K8sFacts {
  objects: readonly KubeObject[];
  /** Whether objects of the kind were exported, even if none exist. */
  has(kind: string): boolean;
  ofKind(kind: string): KubeObject[];
  find(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

/** Kinds whose objects hold pod templates, and where. */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS = Object.keys(TEMPLATE_PATHS);

export function buildK8sFacts(bundle: ClusterBundle): K8sFacts {
  const objects: KubeObject[] = [];
  for (const document of bundle.documents) {
    if (document.kind !== 'k8s-object') {
      continue;
    }
    const probe = new Node(document.value, '', document.file);
    const kind = probe.get('kind').str() ?? '';
    const name = probe.at('metadata', 'name').str() ?? '';
    const namespace = probe.at('metadata', 'namespace').str();
    const ref = namespace === undefined ? `${kind} ${name}` : `${kind} ${namespace}/${name}`;
    objects.push({
      kind,
      name,
      namespace,
      file: document.file,
      ref,
      node: new Node(document.value, `${ref}:`, document.file),
    });
  }
  const exported = new Set(bundle.kubernetesKinds);
  const byKind = new Map<string, KubeObject[]>();
  for (const object of objects) {
    exported.add(object.kind);
    const list = byKind.get(object.kind) ?? [];
    list.push(object);
    byKind.set(object.kind, list);
  }
  return {
    objects,
    has: (kind) => exported.has(kind),
    ofKind: (kind) => byKind.get(kind) ?? [],
    find: (kind, namespace, name) =>
      (byKind.get(kind) ?? []).find(
        (object) => object.name === name && object.namespace === namespace,
      ),
  };
}

/** Whether any kind that carries pods was exported. */
export function hasPodInput(k8s: K8sFacts): boolean {
  return WORKLOAD_KINDS.some((kind) => k8s.has(kind));
}

/** Every pod spec: Pods and the templates of workloads. */
export function podSpecs(k8s: K8sFacts): PodSpecAt[] {
  const out: PodSpecAt[] = [];
  for (const [kind, path] of Object.entries(TEMPLATE_PATHS)) {
    for (const owner of k8s.ofKind(kind)) {
      // Pods created by a listed workload would be counted twice; keep the workload.
      if (
        kind === 'Pod' &&
        owner.node.at('metadata', 'ownerReferences').items().length > 0 &&
        hasOwnerInInput(k8s, owner)
      ) {
        continue;
      }
      const template = owner.node.at(...path);
      out.push({ owner, metadata: template.get('metadata'), spec: template.get('spec') });
    }
  }
  return out;
}

function hasOwnerInInput(k8s: K8sFacts, pod: KubeObject): boolean {
  return pod.node
    .at('metadata', 'ownerReferences')
    .items()
    .some((ref) => {
      const kind = ref.get('kind').str() ?? '';
      const name = ref.get('name').str() ?? '';
      if (kind === 'ReplicaSet') {
        // Deployment-owned ReplicaSets are usually not exported; their Deployment is.
        return (
          k8s.find('ReplicaSet', pod.namespace, name) !== undefined ||
          k8s
            .ofKind('Deployment')
            .some(
              (deployment) =>
                deployment.namespace === pod.namespace && name.startsWith(`${deployment.name}-`),
            )
        );
      }
      return k8s.find(kind, pod.namespace, name) !== undefined;
    });
}

/** Whether a namespace is on the ignore list (`gke-managed-*` matches a prefix). */
export function isIgnoredNamespace(namespace: string, options: CloudOptions): boolean {
  return options.ignoreNamespaces.some((pattern) =>
    pattern.endsWith('*') ? namespace.startsWith(pattern.slice(0, -1)) : namespace === pattern,
  );
}

/**
 * The application namespaces: Namespace objects (or, without them, the namespaces objects live
 * in) that are not ignored. `default` counts only when workloads run in it. Undefined when
 * nothing tells which namespaces exist.
 */
export function appNamespaces(k8s: K8sFacts, options: CloudOptions): string[] | undefined {
  const names = new Set<string>();
  if (k8s.has('Namespace')) {
    for (const namespace of k8s.ofKind('Namespace')) {
      names.add(namespace.name);
    }
  } else {
    for (const object of k8s.objects) {
      if (object.namespace !== undefined) {
        names.add(object.namespace);
      }
    }
    if (names.size === 0) {
      return undefined;
    }
  }
  const workloadsInDefault = podSpecs(k8s).some((pod) => pod.owner.namespace === 'default');
  return [...names]
    .filter((name) => !isIgnoredNamespace(name, options))
    .filter((name) => name !== 'default' || workloadsInDefault)
    .sort();
}

/** Names of DaemonSets or CRDs that reveal a NetworkPolicy engine installed in the cluster. */
export function policyEngineObjects(k8s: K8sFacts): KubeObject[] {
  const daemonSets = k8s
    .ofKind('DaemonSet')
    .filter((object) =>
      /^(calico-node|cilium|cilium-agent|kube-router|antrea-agent|weave-net)$/.test(object.name),
    );
  const crds = k8s
    .ofKind('CustomResourceDefinition')
    .filter((object) =>
      /^(ciliumnetworkpolicies\.cilium\.io|networkpolicies\.crd\.projectcalico\.org|globalnetworkpolicies\.crd\.projectcalico\.org)$/.test(
        object.name,
      ),
    );
  const awsNode = k8s.find('DaemonSet', 'kube-system', 'aws-node');
  const agentEnabled =
    awsNode !== undefined &&
    awsNode.node
      .at('spec', 'template', 'spec', 'containers')
      .items()
      .some((container) =>
        container
          .get('args')
          .strings()
          .some((arg) => /^--enable-network-policy=true$/i.test(arg)),
      );
  return agentEnabled && awsNode !== undefined
    ? [awsNode, ...daemonSets, ...crds]
    : [...daemonSets, ...crds];
}

/** Policy objects outside `networking.k8s.io` (Cilium, Calico) that may restrict traffic too. */
export function nonCorePolicies(k8s: K8sFacts): KubeObject[] {
  return k8s.objects.filter(
    (object) =>
      ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy'].includes(
        object.kind,
      ) ||
      (object.kind === 'NetworkPolicy' &&
        /projectcalico\.org/.test(object.node.get('apiVersion').str() ?? '')),
  );
}
