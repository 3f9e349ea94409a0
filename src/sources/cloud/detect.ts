/**
 * Recognises what a decoded document is from its shape: AWS, Azure and Google CLI outputs in their
 * CLI, REST/ARM and SDK spellings, and Kubernetes objects. Keys are compared ignoring case, `_`
 * and `-`. Pure: no I/O.
 */
import { joinPath, normaliseKey } from '../../cloud/node.js';
import type { InputDocument, InputKind } from '../../cloud/types.js';

export interface Detection {
  documents: InputDocument[];
  /** Kubernetes kinds known to have been exported (from a bundle manifest). */
  kubernetesKinds: string[];
  /** Why (part of) the document was not used. */
  skipped: string[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The actual key of `wanted` in `object`, matched as Node does. */
function keyOf(object: Json, wanted: string): string | undefined {
  if (Object.hasOwn(object, wanted)) {
    return wanted;
  }
  const normal = normaliseKey(wanted);
  return Object.keys(object).find((key) => normaliseKey(key) === normal);
}

function field(object: Json, wanted: string): unknown {
  const key = keyOf(object, wanted);
  return key === undefined ? undefined : object[key];
}

function has(object: Json, ...keys: string[]): boolean {
  return keys.every((key) => field(object, key) !== undefined);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isKubernetesObject(value: Json): boolean {
  return typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

function isEksCluster(value: Json): boolean {
  return (
    has(value, 'resourcesVpcConfig') ||
    (has(value, 'roleArn', 'version') && /:eks:/.test(text(field(value, 'arn')))) ||
    (has(value, 'accessConfig') && has(value, 'version'))
  );
}

function isAksCluster(value: Json): boolean {
  if (/^microsoft\.containerservice\/managedclusters$/i.test(text(field(value, 'type')))) {
    return true;
  }
  const properties = field(value, 'properties');
  const body = isRecord(properties) ? properties : value;
  return (
    has(body, 'agentPoolProfiles') ||
    (has(body, 'dnsPrefix') && (has(body, 'kubernetesVersion') || has(body, 'fqdn')))
  );
}

function isAksPool(value: Json): boolean {
  if (/managedclusters\/agentpools$/i.test(text(field(value, 'type')))) {
    return true;
  }
  const properties = field(value, 'properties');
  const body = isRecord(properties) ? properties : value;
  return has(body, 'vmSize') && (has(body, 'mode') || has(body, 'osType'));
}

function isDiagnosticSetting(value: Json): boolean {
  const properties = field(value, 'properties');
  const body = isRecord(properties) ? properties : value;
  const logs = field(body, 'logs');
  return (
    Array.isArray(logs) &&
    logs.every((log) => isRecord(log) && (has(log, 'category') || has(log, 'categoryGroup')))
  );
}

function isGkeCluster(value: Json): boolean {
  if (/container\.googleapis\.com/.test(text(field(value, 'selfLink')))) {
    return true;
  }
  return (
    (has(value, 'nodePools') || has(value, 'nodeConfig') || has(value, 'autopilot')) &&
    (has(value, 'masterAuth') ||
      has(value, 'currentMasterVersion') ||
      has(value, 'privateClusterConfig') ||
      has(value, 'masterAuthorizedNetworksConfig') ||
      has(value, 'releaseChannel'))
  );
}

function doc(kind: InputKind, value: unknown, basePath: string, file: string): InputDocument {
  return { kind, value, basePath, file };
}

/** Keys whose presence names the AWS output, in the order they are tried. */
const AWS_WRAPPERS: readonly {
  key: string;
  kind: InputKind;
  test: (value: unknown) => boolean;
  unwrap: boolean;
}[] = [
  { key: 'nodegroup', kind: 'eks-nodegroup', test: isRecord, unwrap: true },
  { key: 'nodegroups', kind: 'eks-nodegroups-list', test: isStringArray, unwrap: false },
  { key: 'addon', kind: 'eks-addon', test: isRecord, unwrap: true },
  { key: 'addons', kind: 'eks-addons-list', test: isStringArray, unwrap: false },
  { key: 'accessEntry', kind: 'eks-access-entry', test: isRecord, unwrap: true },
  { key: 'accessEntries', kind: 'eks-access-entries-list', test: isStringArray, unwrap: false },
  {
    key: 'associatedAccessPolicies',
    kind: 'eks-associated-access-policies',
    test: Array.isArray,
    unwrap: false,
  },
  {
    key: 'associations',
    kind: 'eks-pod-identity-associations',
    test: Array.isArray,
    unwrap: false,
  },
  { key: 'clusterVersions', kind: 'eks-cluster-versions', test: Array.isArray, unwrap: false },
  {
    key: 'LaunchTemplateVersions',
    kind: 'ec2-launch-template-versions',
    test: Array.isArray,
    unwrap: false,
  },
  { key: 'Reservations', kind: 'ec2-instances', test: Array.isArray, unwrap: false },
  {
    key: 'EbsEncryptionByDefault',
    kind: 'ec2-ebs-encryption-default',
    test: (value) => typeof value === 'boolean',
    unwrap: false,
  },
  {
    key: 'OpenIDConnectProviderList',
    kind: 'iam-oidc-providers',
    test: Array.isArray,
    unwrap: false,
  },
  { key: 'repositories', kind: 'ecr-repositories', test: Array.isArray, unwrap: false },
  { key: 'scanningConfiguration', kind: 'ecr-registry-scanning', test: isRecord, unwrap: false },
];

function detectArray(
  items: unknown[],
  basePath: string,
  file: string,
  out: Detection,
  depth = 0,
): void {
  if (items.length === 0) {
    out.skipped.push('an empty list');
    return;
  }
  const records = items.filter(isRecord);
  if (records.length !== items.length) {
    out.skipped.push('a list of non-objects');
    return;
  }
  if (records.every(isKubernetesObject)) {
    records.forEach((item, index) =>
      detectObject(item, joinPath(basePath, index), file, out, depth),
    );
  } else if (records.every(isAksCluster)) {
    records.forEach((item, index) =>
      out.documents.push(doc('aks-cluster', item, joinPath(basePath, index), file)),
    );
  } else if (records.every(isGkeCluster)) {
    records.forEach((item, index) =>
      out.documents.push(doc('gke-cluster', item, joinPath(basePath, index), file)),
    );
  } else if (records.every(isAksPool)) {
    out.documents.push(doc('aks-nodepools', items, basePath, file));
  } else if (records.every(isDiagnosticSetting)) {
    out.documents.push(doc('aks-diagnostic-settings', items, basePath, file));
  } else {
    const inner: Detection = { documents: [], kubernetesKinds: [], skipped: [] };
    records.forEach((item, index) =>
      detectObject(item, joinPath(basePath, index), file, inner, depth + 1),
    );
    if (inner.documents.length === 0 && inner.kubernetesKinds.length === 0) {
      out.skipped.push('a list of unrecognised objects');
      return;
    }
    out.documents.push(...inner.documents);
    out.kubernetesKinds.push(...inner.kubernetesKinds);
    out.skipped.push(...inner.skipped);
  }
}

function detectObject(
  value: Json,
  basePath: string,
  file: string,
  out: Detection,
  depth = 0,
): void {
  if (isKubernetesObject(value)) {
    const kind = text(value.kind);
    const data = field(value, 'data');
    if (kind === 'ClusterDescribe' && isRecord(data)) {
      detectObject(data, joinPath(basePath, keyOf(value, 'data') ?? 'data'), file, out, depth);
      return;
    }
    if (kind.endsWith('List') && Array.isArray(value.items)) {
      if (value.items.length > 0) {
        detectArray(value.items, joinPath(basePath, 'items'), file, out, depth);
      }
      return;
    }
    if (kind === 'Secret') {
      out.skipped.push('a Secret (Secrets are never read)');
      return;
    }
    out.documents.push(doc('k8s-object', value, basePath, file));
    return;
  }
  if (field(value, 'mamoriBundle') !== undefined) {
    const kinds = field(value, 'kubernetesKinds');
    if (isStringArray(kinds)) {
      out.kubernetesKinds.push(...kinds);
    }
    return;
  }
  // AWS outputs are recognised by their top-level keys; a hand-made document may combine several
  // (`{"cluster": …, "nodegroups": […]}`), so every recognised key counts.
  let found = 0;
  const clusterKey = keyOf(value, 'cluster');
  const cluster = clusterKey === undefined ? undefined : value[clusterKey];
  if (clusterKey !== undefined && isRecord(cluster) && isEksCluster(cluster)) {
    out.documents.push(doc('eks-cluster', cluster, joinPath(basePath, clusterKey), file));
    found++;
  }
  for (const wrapper of AWS_WRAPPERS) {
    const key = keyOf(value, wrapper.key);
    if (key !== undefined && wrapper.test(value[key])) {
      out.documents.push(
        wrapper.unwrap
          ? doc(wrapper.kind, value[key], joinPath(basePath, key), file)
          : doc(wrapper.kind, value, basePath, file),
      );
      found++;
    }
  }
  if (found > 0) {
    return;
  }
  if (isEksCluster(value) && !isAksCluster(value) && !isGkeCluster(value)) {
    out.documents.push(doc('eks-cluster', value, basePath, file));
    return;
  }
  if (isAksCluster(value)) {
    out.documents.push(doc('aks-cluster', value, basePath, file));
    return;
  }
  if (isGkeCluster(value)) {
    out.documents.push(doc('gke-cluster', value, basePath, file));
    return;
  }
  if (isAksPool(value)) {
    out.documents.push(doc('aks-nodepools', value, basePath, file));
    return;
  }
  const clustersKey = keyOf(value, 'clusters');
  const listKey = keyOf(value, 'value');
  const list =
    clustersKey !== undefined
      ? value[clustersKey]
      : listKey !== undefined
        ? value[listKey]
        : undefined;
  if (Array.isArray(list)) {
    const key = clustersKey ?? listKey ?? '';
    if (list.length === 0 && listKey !== undefined && /diagnostic/i.test(file)) {
      out.documents.push(doc('aks-diagnostic-settings', list, joinPath(basePath, key), file));
      return;
    }
    detectArray(list, joinPath(basePath, key), file, out, depth);
    return;
  }
  if (depth < MAX_DEPTH && detectInside(value, basePath, file, out, depth)) {
    return;
  }
  out.skipped.push('not a recognised cloud CLI output or Kubernetes object');
}

/** How deep an unrecognised wrapper (`{"eks": {"cluster": …}, "k8s": […]}`) is searched. */
const MAX_DEPTH = 3;

/** Detects the members of an unrecognised object; true when any was recognised. */
function detectInside(
  value: Json,
  basePath: string,
  file: string,
  out: Detection,
  depth: number,
): boolean {
  const inner: Detection = { documents: [], kubernetesKinds: [], skipped: [] };
  for (const [key, member] of Object.entries(value)) {
    if (isRecord(member)) {
      detectObject(member, joinPath(basePath, key), file, inner, depth + 1);
    } else if (Array.isArray(member) && member.length > 0) {
      detectArray(member, joinPath(basePath, key), file, inner, depth + 1);
    }
  }
  if (inner.documents.length === 0 && inner.kubernetesKinds.length === 0) {
    return false;
  }
  out.documents.push(...inner.documents);
  out.kubernetesKinds.push(...inner.kubernetesKinds);
  return true;
}

/** Detects the documents in one decoded YAML/JSON document of `file`. */
export function detectDocuments(value: unknown, file: string): Detection {
  const out: Detection = { documents: [], kubernetesKinds: [], skipped: [] };
  if (Array.isArray(value)) {
    if (value.length === 0 && /diagnostic/i.test(file)) {
      out.documents.push(doc('aks-diagnostic-settings', value, '', file));
      return out;
    }
    detectArray(value, '', file, out);
  } else if (isRecord(value)) {
    detectObject(value, '', file, out);
  } else {
    out.skipped.push('not a JSON or YAML object');
  }
  return out;
}
