/**
 * The facts of an AKS cluster from `az aks show` (camelCase), the ARM/REST form (fields under
 * `properties`, `enableRBAC`-style acronyms) or SDK/PowerShell output (PascalCase). Keys are looked
 * up through {@link Node}, which ignores case, so the three forms read the same.
 */
import { Node } from '../node.js';
import type { ClusterBundle } from '../types.js';
import type { InputVars } from '../inputs.js';
import { buildK8sFacts, type K8sFacts } from './k8s.js';

export interface AksFacts {
  provider: 'aks';
  name: string;
  vars: InputVars;
  hasCluster: boolean;
  /** The document root (name, id, identity, sku live here in the ARM form). */
  root: Node;
  /** Where the cluster properties are: `properties` in the ARM form, else the root. */
  props: Node;
  /** Node pools: `agentPoolProfiles` of the cluster, else `az aks nodepool list`; undefined if neither. */
  pools?: Node[];
  /** Items of `az monitor diagnostic-settings list`, when given. */
  diagnosticSettings?: Node[];
  k8s: K8sFacts;
}

/** The ARM form nests a resource's fields under `properties`. */
export function unwrapProperties(node: Node): Node {
  const properties = node.get('properties');
  return properties.isObject ? properties : node;
}

/** A cluster property: under `properties` first, then at the root. */
export function aksField(facts: AksFacts, ...keys: string[]): Node {
  const inProperties = facts.props.at(...keys);
  const atRoot = facts.root.at(...keys);
  return !inProperties.present && atRoot.present ? atRoot : inProperties;
}

/** Items of an az list (an array), a REST list (`{value: [...]}`) or a single object. */
function listItems(node: Node): Node[] {
  if (node.isArray) {
    return node.items();
  }
  const value = node.get('value');
  return value.isArray ? value.items() : [node];
}

export function buildAksFacts(bundle: ClusterBundle): AksFacts {
  const document = bundle.documents.find((candidate) => candidate.kind === 'aks-cluster');
  const root =
    document === undefined
      ? new Node(undefined, '')
      : new Node(document.value, document.basePath, document.file);
  const props = unwrapProperties(root);
  const id = root.get('id').str();
  const rg = root.get('resourceGroup').str() ?? /\/resourceGroups\/([^/]+)/i.exec(id ?? '')?.[1];
  const profiles = props.get('agentPoolProfiles');
  const poolDocuments = bundle.documents.filter((candidate) => candidate.kind === 'aks-nodepools');
  let pools: Node[] | undefined;
  if (profiles.isArray) {
    pools = profiles.items().map(unwrapProperties);
  } else if (poolDocuments.length > 0) {
    pools = poolDocuments.flatMap((pool) => {
      const node = new Node(pool.value, pool.basePath, pool.file);
      return listItems(node).map(unwrapProperties);
    });
  }
  const settingDocuments = bundle.documents.filter(
    (candidate) => candidate.kind === 'aks-diagnostic-settings',
  );
  const diagnosticSettings =
    settingDocuments.length === 0
      ? undefined
      : settingDocuments.flatMap((setting) => {
          const node = new Node(setting.value, setting.basePath, setting.file);
          return listItems(node).map(unwrapProperties);
        });
  return {
    provider: 'aks',
    name: bundle.name,
    vars: { name: bundle.name, rg, id },
    hasCluster: document !== undefined,
    root,
    props,
    pools,
    diagnosticSettings,
    k8s: buildK8sFacts(bundle),
  };
}

/** A pool's name. */
export function poolName(pool: Node, index: number): string {
  return pool.get('name').str() ?? `pool ${index}`;
}

/** An add-on profile, whatever the casing of its map key (`azurepolicy`, `azurePolicy`). */
export function addonProfile(facts: AksFacts, name: string): Node {
  return aksField(facts, 'addonProfiles').get(name);
}
