/**
 * Type-checks the parts of a pod spec that rules read, so that a rule can trust the declared
 * types of {@link PodSpec}. A field of the wrong JSON type is removed from the copy the rules
 * see and reported with its pointer; everything else is kept as it is.
 */
import type { ObjectMeta, PodSpec } from './k8s.js';

/** The JSON shape a field must have. Object shapes are open: unlisted keys pass through. */
export type Shape =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'quantity'
  | 'object'
  | 'stringMap'
  | { readonly array: Shape }
  | { readonly fields: Readonly<Record<string, Shape>> };

/** A field whose value has the wrong type. */
export interface TypeProblem {
  pointer: string;
  expected: string;
  actual: string;
}

const seccomp: Shape = { fields: { type: 'string', localhostProfile: 'string' } };
const seLinux: Shape = {
  fields: { user: 'string', role: 'string', type: 'string', level: 'string' },
};
const windows: Shape = {
  fields: {
    hostProcess: 'boolean',
    gmsaCredentialSpecName: 'string',
    gmsaCredentialSpec: 'string',
    runAsUserName: 'string',
  },
};

const containerSecurityContext: Shape = {
  fields: {
    privileged: 'boolean',
    allowPrivilegeEscalation: 'boolean',
    readOnlyRootFilesystem: 'boolean',
    runAsNonRoot: 'boolean',
    runAsUser: 'integer',
    runAsGroup: 'integer',
    procMount: 'string',
    capabilities: { fields: { add: { array: 'string' }, drop: { array: 'string' } } },
    seccompProfile: seccomp,
    seLinuxOptions: seLinux,
    appArmorProfile: seccomp,
    windowsOptions: windows,
  },
};

const container: Shape = {
  fields: {
    name: 'string',
    image: 'string',
    imagePullPolicy: 'string',
    command: { array: 'string' },
    args: { array: 'string' },
    ports: {
      array: {
        fields: {
          name: 'string',
          containerPort: 'integer',
          hostPort: 'integer',
          hostIP: 'string',
          protocol: 'string',
        },
      },
    },
    env: { array: { fields: { name: 'string', value: 'string', valueFrom: 'object' } } },
    envFrom: { array: 'object' },
    resources: {
      fields: {
        limits: { fields: {} },
        requests: { fields: {} },
      },
    },
    volumeMounts: {
      array: {
        fields: {
          name: 'string',
          mountPath: 'string',
          readOnly: 'boolean',
          subPath: 'string',
          mountPropagation: 'string',
        },
      },
    },
    securityContext: containerSecurityContext,
    livenessProbe: 'object',
    readinessProbe: 'object',
    startupProbe: 'object',
    lifecycle: 'object',
    targetContainerName: 'string',
  },
};

const podSpecShape: Shape = {
  fields: {
    containers: { array: container },
    initContainers: { array: container },
    ephemeralContainers: { array: container },
    volumes: {
      array: {
        fields: {
          name: 'string',
          hostPath: { fields: { path: 'string', type: 'string' } },
          secret: 'object',
          configMap: 'object',
          csi: 'object',
        },
      },
    },
    securityContext: {
      fields: {
        runAsNonRoot: 'boolean',
        runAsUser: 'integer',
        runAsGroup: 'integer',
        fsGroup: 'integer',
        supplementalGroups: { array: 'integer' },
        supplementalGroupsPolicy: 'string',
        seccompProfile: seccomp,
        seLinuxOptions: seLinux,
        appArmorProfile: seccomp,
        windowsOptions: windows,
        sysctls: { array: { fields: { name: 'string', value: 'string' } } },
        fsGroupChangePolicy: 'string',
        seLinuxChangePolicy: 'string',
      },
    },
    hostNetwork: 'boolean',
    hostPID: 'boolean',
    hostIPC: 'boolean',
    hostUsers: 'boolean',
    shareProcessNamespace: 'boolean',
    serviceAccountName: 'string',
    serviceAccount: 'string',
    automountServiceAccountToken: 'boolean',
    runtimeClassName: 'string',
    nodeName: 'string',
    os: { fields: { name: 'string' } },
    imagePullSecrets: { array: 'object' },
    hostAliases: { array: { fields: { ip: 'string', hostnames: { array: 'string' } } } },
  },
};

const objectMetaShape: Shape = {
  fields: {
    name: 'string',
    generateName: 'string',
    namespace: 'string',
    labels: 'stringMap',
    annotations: 'stringMap',
  },
};

/** Describes a JSON value's type the way error messages name it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (value instanceof Date) {
    return 'timestamp';
  }
  return typeof value;
}

/** Escapes one RFC 6901 reference token. */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  return text.includes('~') || text.includes('/')
    ? text.replace(/~/g, '~0').replace(/\//g, '~1')
    : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function expectedName(shape: Shape): string {
  if (typeof shape === 'string') {
    return shape === 'stringMap' ? 'map of strings' : shape === 'quantity' ? 'quantity' : shape;
  }
  return 'array' in shape ? 'array' : 'object';
}

/** Whether a value fits a shape that has no inner values (all but arrays, fields, string maps). */
function fitsScalar(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'quantity':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return isRecord(value);
  }
}

/** The pointer of a member: `parent` alone when there is no token (the value checked first). */
function pointerAt(parent: string, token: string | number | undefined): string {
  return token === undefined ? parent : `${parent}/${escapePointerToken(token)}`;
}

/**
 * The value checked against `shape`, found at `parent` and `token`. This runs over every field of
 * every pod spec, and nearly every field is fine: a value that is fine is returned as it is, and
 * a collection is copied only when something in it is dropped (a field of the wrong type, or an
 * explicit null, which means "unset" in Kubernetes manifests).
 */
function sanitizeValue(
  value: unknown,
  shape: Shape,
  parent: string,
  token: string | number | undefined,
  problems: TypeProblem[],
): unknown {
  if (typeof shape === 'string' && shape !== 'stringMap') {
    if (fitsScalar(value, shape)) {
      return value;
    }
  } else if (shape === 'stringMap') {
    if (isRecord(value)) {
      return sanitizeStringMap(value, parent, token, problems);
    }
  } else if ('array' in shape) {
    if (Array.isArray(value)) {
      const pointer = pointerAt(parent, token);
      // Dropped items leave a hole, so that indexes (and the pointers of rules) stay those of the
      // source.
      let out: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        const clean = sanitizeValue(item, shape.array, pointer, index, problems);
        if (out === undefined && clean !== item) {
          out = value.slice(0, index);
        }
        out?.push(clean);
      }
      return out ?? value;
    }
  } else if (isRecord(value)) {
    const pointer = pointerAt(parent, token);
    const fields = shape.fields;
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = value[key];
      const clean =
        item === null || item === undefined
          ? undefined
          : Object.hasOwn(fields, key)
            ? sanitizeValue(item, fields[key] as Shape, pointer, key, problems)
            : item;
      if (out === undefined) {
        if (clean === item) {
          continue;
        }
        // The first change: copy what came before it, which was all fine.
        out = {};
        for (const before in value) {
          if (before === key) {
            break;
          }
          out[before] = value[before];
        }
      }
      if (clean !== undefined) {
        out[key] = clean;
      }
    }
    return out ?? value;
  }
  problems.push({
    pointer: pointerAt(parent, token),
    expected: expectedName(shape),
    actual: jsonTypeOf(value),
  });
  return undefined;
}

function sanitizeStringMap(
  value: Record<string, unknown>,
  parent: string,
  token: string | number | undefined,
  problems: TypeProblem[],
): Record<string, string> {
  let fine = true;
  for (const key in value) {
    if (typeof value[key] !== 'string') {
      fine = false;
      break;
    }
  }
  if (fine) {
    return value as Record<string, string>;
  }
  const pointer = pointerAt(parent, token);
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') {
      out[key] = item;
    } else if (item === null) {
      // `key:` with no value decodes to null; Kubernetes keeps such a label or annotation as "".
      out[key] = '';
    } else {
      // Kubernetes rejects non-string label and annotation values; a YAML `true` or `8080` is a
      // common slip, so keep the text but report it.
      problems.push({
        pointer: `${pointer}/${escapePointerToken(key)}`,
        expected: 'string',
        actual: jsonTypeOf(item),
      });
      out[key] = JSON.stringify(item);
    }
  }
  return out;
}

/** Type-checks a pod spec found at `pointer`. */
export function sanitizePodSpec(
  value: unknown,
  pointer: string,
  problems: TypeProblem[],
): PodSpec | undefined {
  return sanitizeValue(value, podSpecShape, pointer, undefined, problems) as PodSpec | undefined;
}

/** Type-checks object metadata found at `pointer`. */
export function sanitizeObjectMeta(
  value: unknown,
  pointer: string,
  problems: TypeProblem[],
): ObjectMeta | undefined {
  return sanitizeValue(value, objectMetaShape, pointer, undefined, problems) as
    ObjectMeta | undefined;
}

/** Type-checks any value against a shape; for rules over other kinds. */
export function sanitize(
  value: unknown,
  shape: Shape,
  pointer: string,
  problems: TypeProblem[],
): unknown {
  return sanitizeValue(value, shape, pointer, undefined, problems);
}
