/**
 * Reading a live cluster for the rules: the resource types the rule families need (never
 * Secrets; of ConfigMaps only kube-system/aws-auth), as Resources named
 * `cluster://<context>/<namespace>/<kind>/<name>`. Forbidden lists become coverage gaps.
 */
import type { KubeObject, ObjectMeta } from '../../core/k8s.js';
import type { Resource, Skipped } from '../../core/model.js';
import { KubeApiError, mapLimit, type KubeClient } from './client.js';

/** A resource type mamori reads, with its API path. */
export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

function type(
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced = true,
): ResourceType {
  return { group, version, resource, kind, namespaced };
}

/** What `mamori cluster` lists (deploy/cluster/clusterrole.yaml grants exactly these). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', 'v1', 'namespaces', 'Namespace', false),
  type('', 'v1', 'pods', 'Pod'),
  type('', 'v1', 'replicationcontrollers', 'ReplicationController'),
  type('', 'v1', 'services', 'Service'),
  type('', 'v1', 'serviceaccounts', 'ServiceAccount'),
  type('apps', 'v1', 'deployments', 'Deployment'),
  type('apps', 'v1', 'statefulsets', 'StatefulSet'),
  type('apps', 'v1', 'daemonsets', 'DaemonSet'),
  type('apps', 'v1', 'replicasets', 'ReplicaSet'),
  type('batch', 'v1', 'jobs', 'Job'),
  type('batch', 'v1', 'cronjobs', 'CronJob'),
  type('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  type('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy'),
  type('rbac.authorization.k8s.io', 'v1', 'roles', 'Role'),
  type('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding'),
  type('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  type('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
];

/** Read only for the "created but no pods" diagnosis. */
export const EVENTS_TYPE = type('', 'v1', 'events', 'Event');

/** `/api/v1/namespaces/NS/pods`, `/apis/apps/v1/deployments`… */
export function collectionPath(resourceType: ResourceType, namespace?: string): string {
  const base =
    resourceType.group === ''
      ? `/api/${resourceType.version}`
      : `/apis/${resourceType.group}/${resourceType.version}`;
  const scope =
    resourceType.namespaced && namespace !== undefined
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${base}${scope}/${resourceType.resource}`;
}

export interface CollectOptions {
  /** One namespace, or undefined for all namespaces. */
  namespace?: string;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A workload whose pods the API server refused for Pod Security. */
export interface PodSecurityDenial {
  kind: string;
  namespace: string;
  name: string;
  /** The controller that owns it (`Deployment web` for its ReplicaSet), if any. */
  owner?: string;
  message: string;
}

export interface Collected {
  resources: Resource[];
  skipped: Skipped[];
  denials: PodSecurityDenial[];
  /** Resource types listed successfully. */
  listed: number;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface OwnerReference {
  kind?: string;
  name?: string;
  controller?: boolean;
}

function controllerOf(object: KubeObject): OwnerReference | undefined {
  const meta: Record<string, unknown> = isDict(object.metadata) ? object.metadata : {};
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  return owners.find(
    (owner): owner is OwnerReference => isDict(owner) && owner.controller === true,
  );
}

/**
 * Owned objects checked through their controller instead, by kind: the controller kinds that
 * count. Pods of other owners (a Node's static pods, custom operators) are checked themselves.
 */
const CHECKED_VIA_OWNER: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job']],
  ['ReplicaSet', ['Deployment']],
  ['Job', ['CronJob']],
]);

export function resourceFile(context: string, object: KubeObject): string {
  const name = object.metadata?.name ?? '(unnamed)';
  const namespace = object.metadata?.namespace;
  return namespace === undefined
    ? `cluster://${context}/${object.kind}/${name}`
    : `cluster://${context}/${namespace}/${object.kind}/${name}`;
}

function toResource(context: string, object: KubeObject): Resource {
  const metadata: ObjectMeta = { ...(object.metadata ?? {}) };
  delete (metadata as Record<string, unknown>).managedFields;
  const clean: KubeObject = { ...object, metadata };
  const ref: Resource['ref'] = {
    apiVersion: clean.apiVersion,
    kind: clean.kind,
    name: metadata.name ?? '(unnamed)',
  };
  if (metadata.namespace !== undefined) {
    ref.namespace = metadata.namespace;
  }
  return {
    object: clean,
    ref,
    file: resourceFile(context, clean),
    documentIndex: 0,
    position: { line: 1, column: 1 },
  };
}

function failedCreate(object: KubeObject): string | undefined {
  const status = isDict(object.status) ? object.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  for (const condition of conditions) {
    if (
      isDict(condition) &&
      condition.reason === 'FailedCreate' &&
      typeof condition.message === 'string' &&
      condition.message.includes('violates PodSecurity')
    ) {
      return condition.message;
    }
  }
  return undefined;
}

function denialsOf(objects: readonly KubeObject[], events: readonly KubeObject[]) {
  const denials = new Map<string, PodSecurityDenial>();
  const byKey = new Map<string, KubeObject>();
  for (const object of objects) {
    byKey.set(
      `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`,
      object,
    );
  }
  const add = (object: KubeObject | undefined, key: string, message: string): void => {
    const [kind = '', namespace = '', name = ''] = key.split('/');
    const denial: PodSecurityDenial = { kind, namespace, name, message };
    const owner = object === undefined ? undefined : controllerOf(object);
    if (owner?.kind !== undefined && owner.name !== undefined) {
      denial.owner = `${owner.kind} ${owner.name}`;
    }
    denials.set(key, denial);
  };
  for (const [key, object] of byKey) {
    if (
      ['ReplicaSet', 'Job', 'StatefulSet', 'DaemonSet', 'ReplicationController'].includes(
        object.kind,
      )
    ) {
      const message = failedCreate(object);
      if (message !== undefined) {
        add(object, key, message);
      }
    }
  }
  // Newest event first: its message is kept when the object has no such condition.
  const stamp = (event: KubeObject): string =>
    typeof event.lastTimestamp === 'string' ? event.lastTimestamp : '';
  const sorted = [...events].sort((a, b) => stamp(b).localeCompare(stamp(a)));
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  for (const event of sorted) {
    const involved = isDict(event.involvedObject) ? event.involvedObject : {};
    const message = typeof event.message === 'string' ? event.message : '';
    if (event.reason !== 'FailedCreate' || !message.includes('violates PodSecurity')) {
      continue;
    }
    const key = `${text(involved.kind)}/${text(involved.namespace)}/${text(involved.name)}`;
    if (!denials.has(key)) {
      add(byKey.get(key), key, message.replace(/^Error creating: /, ''));
    }
  }
  return [...denials.values()].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

function gapReason(resourceType: ResourceType, error: KubeApiError): string {
  const what =
    resourceType.group === ''
      ? resourceType.resource
      : `${resourceType.resource}.${resourceType.group}`;
  return error.forbidden
    ? `coverage gap: not allowed to list ${what} (${error.message})`
    : `coverage gap: cannot list ${what}: ${error.message}`;
}

/** Lists everything the rules need; only transport and authentication errors reject. */
export async function collect(
  client: KubeClient,
  options: CollectOptions = {},
): Promise<Collected> {
  const context = client.connection.context;
  const { namespace } = options;
  const skipped: Skipped[] = [];
  let done = 0;
  let listed = 0;
  const listedKinds = new Set<string>();
  const jobs: { resourceType: ResourceType; path: string }[] = RESOURCE_TYPES.map(
    (resourceType) => ({
      resourceType,
      path:
        resourceType.kind === 'Namespace' && namespace !== undefined
          ? `/api/v1/namespaces/${encodeURIComponent(namespace)}`
          : collectionPath(resourceType, namespace),
    }),
  );
  jobs.push({
    resourceType: EVENTS_TYPE,
    path: `${collectionPath(EVENTS_TYPE, namespace)}?fieldSelector=reason%3DFailedCreate`,
  });
  const total = jobs.length + 1;
  const scopeFile = (resourceType: ResourceType): string =>
    resourceType.namespaced && namespace !== undefined
      ? `cluster://${context}/${namespace}/${resourceType.kind}`
      : `cluster://${context}/${resourceType.kind}`;
  const fetch = async (request: () => Promise<KubeObject[]>, resourceType: ResourceType) => {
    try {
      const objects = await request();
      listed++;
      listedKinds.add(resourceType.kind);
      return objects;
    } catch (error) {
      if (error instanceof KubeApiError && (error.forbidden || error.notFound)) {
        skipped.push({ file: scopeFile(resourceType), reason: gapReason(resourceType, error) });
        return [];
      }
      throw error;
    } finally {
      done++;
      options.onProgress?.(done, total);
    }
  };
  const lists = await mapLimit(jobs, options.concurrency ?? 4, ({ resourceType, path }) =>
    fetch(async () => {
      if (resourceType.kind === 'Namespace' && namespace !== undefined) {
        const object = await client.request('GET', path);
        return isDict(object) ? [{ ...object, apiVersion: 'v1', kind: 'Namespace' }] : [];
      }
      return client.list(path);
    }, resourceType),
  );
  const awsAuth = await fetch(
    async () => {
      try {
        const object = await client.request(
          'GET',
          '/api/v1/namespaces/kube-system/configmaps/aws-auth',
        );
        return isDict(object) ? [{ ...object, apiVersion: 'v1', kind: 'ConfigMap' }] : [];
      } catch (error) {
        if (error instanceof KubeApiError && error.notFound) {
          return [];
        }
        throw error;
      }
    },
    type('', 'v1', 'configmaps', 'ConfigMap'),
  );
  const events = lists.pop() ?? [];
  const objects = lists.flat();
  const resources: Resource[] = [];
  const owned = new Map<string, number>();
  for (const object of [
    ...objects,
    ...(namespace === undefined || namespace === 'kube-system' ? awsAuth : []),
  ]) {
    const ownerKind = controllerOf(object)?.kind;
    const via = CHECKED_VIA_OWNER.get(object.kind);
    // Only when the controller was read: otherwise nothing would check the template.
    if (
      ownerKind !== undefined &&
      via?.includes(ownerKind) === true &&
      listedKinds.has(ownerKind)
    ) {
      const key = `${object.metadata?.namespace ?? ''}/${object.kind}`;
      owned.set(key, (owned.get(key) ?? 0) + 1);
      continue;
    }
    resources.push(toResource(context, object));
  }
  for (const [key, count] of owned) {
    const [ns = '', kind = ''] = key.split('/');
    skipped.push({
      file: `cluster://${context}/${ns}/${kind}`,
      reason: `${count} ${kind}${count === 1 ? '' : 's'} owned by a controller: checked through the controller`,
    });
  }
  return { resources, skipped, denials: denialsOf(objects, events), listed };
}
