/**
 * Workloads: objects that carry a pod template. One place knows where each kind keeps its pod
 * spec, and how container settings inherit from the pod-level security context.
 */
import type { Container, ObjectMeta, PodSpec } from './k8s.js';
import type { Resource } from './model.js';
import { sanitizeObjectMeta, sanitizePodSpec, type TypeProblem } from './sanitize.js';

/** Where a kind keeps its pod template: pointer to the template (metadata + spec). */
export const BUILTIN_POD_TEMPLATE_PATHS: Readonly<Record<string, string>> = {
  Pod: '',
  PodTemplate: '/template',
  Deployment: '/spec/template',
  StatefulSet: '/spec/template',
  DaemonSet: '/spec/template',
  ReplicaSet: '/spec/template',
  ReplicationController: '/spec/template',
  Job: '/spec/template',
  CronJob: '/spec/jobTemplate/spec/template',
};

export type ContainerType = 'initContainers' | 'containers' | 'ephemeralContainers';

/** A container with where it sits. */
export interface ContainerRef {
  container: Container;
  type: ContainerType;
  /** The container's name, or `#index` when it has none. */
  name: string;
  /** Pointer to the container object in the resource. */
  pointer: string;
}

export interface Workload {
  resource: Resource;
  podMeta: ObjectMeta;
  podSpec: PodSpec;
  /** Pointer of the pod template (`''` for a Pod). */
  templatePointer: string;
  /** Pointer of the pod spec, e.g. `/spec/template/spec`. */
  specPointer: string;
  /** Init, regular and ephemeral containers, in that order. */
  containers: readonly ContainerRef[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a JSON pointer through plain objects and arrays. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') {
    return root;
  }
  // Hot: rules follow pointers for every container. No split, and no unescaping unless needed.
  const escaped = pointer.includes('~');
  let current: unknown = root;
  let start = 1;
  for (;;) {
    const slash = pointer.indexOf('/', start);
    const end = slash < 0 ? pointer.length : slash;
    let token = pointer.slice(start, end);
    if (escaped) {
      token = token.replace(/~1/g, '/').replace(/~0/g, '~');
    }
    if (Array.isArray(current)) {
      current = current[Number(token)];
    } else if (isRecord(current)) {
      current = current[token];
    } else {
      return undefined;
    }
    if (slash < 0) {
      return current;
    }
    start = slash + 1;
  }
}

/**
 * The longest leading part of a JSON pointer that exists in `root`: own keys of objects, indexes
 * of arrays. Findings often point at a missing field (to say it should be set); their position
 * is that of the nearest field that is there.
 */
export function existingPrefix(root: unknown, pointer: string): string {
  const escaped = pointer.includes('~');
  let node = root;
  let end = 0;
  while (end < pointer.length) {
    const next = pointer.indexOf('/', end + 1);
    const stop = next < 0 ? pointer.length : next;
    const raw = pointer.slice(end + 1, stop);
    const token = escaped ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (Array.isArray(node)) {
      const item = /^(?:0|[1-9]\d*)$/.test(token) ? (node[Number(token)] as unknown) : undefined;
      if (item === undefined) {
        break;
      }
      node = item;
    } else if (isRecord(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else {
      break;
    }
    end = stop;
  }
  return pointer.slice(0, end);
}

const CONTAINER_TYPES: readonly ContainerType[] = [
  'initContainers',
  'containers',
  'ephemeralContainers',
];

/**
 * Extracts the pod template of a workload resource, or returns undefined for other kinds.
 * `customPaths` maps extra kinds (e.g. Argo Rollouts `Rollout`) to their template pointer.
 * Type problems in the template are appended to `problems`.
 */
export function workloadOf(
  resource: Resource,
  customPaths: Readonly<Record<string, string>>,
  problems: TypeProblem[],
): Workload | undefined {
  const kind = resource.object.kind;
  const templatePointer = customPaths[kind] ?? BUILTIN_POD_TEMPLATE_PATHS[kind];
  if (templatePointer === undefined) {
    return undefined;
  }
  const template = valueAt(resource.object, templatePointer);
  if (!isRecord(template)) {
    return undefined;
  }
  const specPointer = `${templatePointer}/spec`;
  const podSpec = sanitizePodSpec(template.spec ?? {}, specPointer, problems) ?? {};
  const podMeta =
    sanitizeObjectMeta(template.metadata ?? {}, `${templatePointer}/metadata`, problems) ?? {};
  const containers: ContainerRef[] = [];
  for (const type of CONTAINER_TYPES) {
    (podSpec[type] ?? []).forEach((container: Container | undefined, index) => {
      // A list item of the wrong type was removed by sanitising (and reported).
      if (container === undefined) {
        return;
      }
      containers.push({
        container,
        type,
        name: container.name ?? `#${index}`,
        pointer: `${specPointer}/${type}/${index}`,
      });
    });
  }
  return { resource, podMeta, podSpec, templatePointer, specPointer, containers };
}

/** A security setting's effective value for a container, and the field that decided it. */
export interface Effective<T> {
  value: T;
  pointer: string;
  /** Whether the value came from the pod-level securityContext. */
  fromPod: boolean;
}

type InheritableField =
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'runAsGroup'
  | 'seccompProfile'
  | 'seLinuxOptions'
  | 'appArmorProfile';

/**
 * The effective value of a security-context field for a container: the container's own setting
 * wins; otherwise the pod-level one applies (as the kubelet does).
 */
export function effectiveSetting<F extends InheritableField>(
  workload: Workload,
  ref: ContainerRef,
  field: F,
): Effective<NonNullable<NonNullable<Container['securityContext']>[F]>> | undefined {
  const own = ref.container.securityContext?.[field];
  if (own !== undefined) {
    return { value: own, pointer: `${ref.pointer}/securityContext/${field}`, fromPod: false };
  }
  const pod = workload.podSpec.securityContext?.[field];
  if (pod !== undefined) {
    return {
      value: pod,
      pointer: `${workload.specPointer}/securityContext/${field}`,
      fromPod: true,
    };
  }
  return undefined;
}

/** Pointer to report when a container lacks a setting: its securityContext, else the container. */
export function missingSettingPointer(ref: ContainerRef): string {
  return ref.container.securityContext === undefined
    ? ref.pointer
    : `${ref.pointer}/securityContext`;
}
