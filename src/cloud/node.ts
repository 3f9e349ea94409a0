/**
 * A read-only view of a decoded JSON document that remembers where each value sits.
 *
 * Provider tools spell the same field differently: `az aks show` prints `enableRbac`, the ARM form
 * `enableRBAC`, the .NET and PowerShell SDKs `EnableRBAC`, Python's `as_dict()` `enable_rbac`. Keys
 * are therefore matched exactly first, then ignoring case, `_` and `-`. The path of a value uses
 * the key as the document spells it, so evidence points at the real field.
 */
import type { Evidence } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `enableRBAC`, `enable_rbac` and `EnableRbac` all normalise to `enablerbac`. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Appends a key to a field path: `a.b`, or `a["eks.amazonaws.com/role-arn"]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${path}[${key}]`;
  }
  if (IDENTIFIER.test(key)) {
    return path === '' || path.endsWith(':') ? `${path}${key}` : `${path}.${key}`;
  }
  return `${path}[${JSON.stringify(key)}]`;
}

/** Keys whose values are credentials: never printed. */
const SECRET_KEY =
  /(secret|password|passwd|clientkey|clientcertificate|privatekey|activationcode|kubeconfig|token)$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(normaliseKey(key));
}

/** A copy of a value with credentials replaced, for evidence. */
export function redact(value: unknown, key = ''): unknown {
  if (
    key !== '' &&
    isSecretKey(key) &&
    value !== null &&
    value !== undefined &&
    typeof value !== 'boolean'
  ) {
    return value === '' ? '' : '[redacted]';
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item));
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) {
      out[name] = redact(inner, name);
    }
    return out;
  }
  return value;
}

export class Node {
  constructor(
    readonly value: unknown,
    readonly path: string,
    readonly file?: string,
  ) {}

  /** The child under `key`, matched as described above; absent children keep the asked path. */
  get(key: string): Node {
    const value = this.value;
    if (isRecord(value)) {
      if (Object.hasOwn(value, key)) {
        return this.child(value[key], key);
      }
      const wanted = normaliseKey(key);
      for (const name of Object.keys(value)) {
        if (normaliseKey(name) === wanted) {
          return this.child(value[name], name);
        }
      }
    }
    return this.child(undefined, key);
  }

  /** Follows several keys: `node.at('resourcesVpcConfig', 'endpointPublicAccess')`. */
  at(...keys: string[]): Node {
    return keys.reduce<Node>((node, key) => node.get(key), this);
  }

  private child(value: unknown, key: string | number): Node {
    return new Node(value, joinPath(this.path, key), this.file);
  }

  /** Neither absent nor null. */
  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  get isObject(): boolean {
    return isRecord(this.value);
  }

  get isArray(): boolean {
    return Array.isArray(this.value);
  }

  /** A boolean, also from the strings `"true"`/`"false"` that some tools print. */
  bool(): boolean | undefined {
    const value = this.value;
    if (typeof value === 'boolean') {
      return value;
    }
    if (typeof value === 'string') {
      const lower = value.trim().toLowerCase();
      if (lower === 'true') {
        return true;
      }
      if (lower === 'false') {
        return false;
      }
    }
    return undefined;
  }

  /** A non-empty string. */
  str(): string | undefined {
    return typeof this.value === 'string' && this.value !== '' ? this.value : undefined;
  }

  /** A number, also from a numeric string. */
  num(): number | undefined {
    const value = this.value;
    if (typeof value === 'number' && Number.isFinite(value)) {
      return value;
    }
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
      return Number(value);
    }
    return undefined;
  }

  /** The items of an array (none when it is not one). */
  items(): Node[] {
    return Array.isArray(this.value)
      ? this.value.map((item, index) => this.child(item, index))
      : [];
  }

  /** The string items of an array. */
  strings(): string[] {
    return Array.isArray(this.value)
      ? this.value.filter((item): item is string => typeof item === 'string')
      : [];
  }

  /** The entries of an object, in document order. */
  entries(): [string, Node][] {
    return isRecord(this.value) ? Object.keys(this.value).map((key) => [key, this.get(key)]) : [];
  }

  /** This field as evidence: its path, its value (credentials redacted, absent as null). */
  evidence(): Evidence {
    const last = /([^.[\]"]+)"?\]?$/.exec(this.path)?.[1] ?? '';
    const out: Evidence = { path: this.path, value: redact(this.value ?? null, last) };
    if (this.file !== undefined) {
      out.file = this.file;
    }
    return out;
  }
}

/** The first present node, or the last one (absent) to keep a path for evidence. */
export function firstPresent(...nodes: Node[]): Node {
  const found = nodes.find((node) => node.present);
  const fallback = nodes[nodes.length - 1];
  if (found !== undefined) {
    return found;
  }
  if (fallback === undefined) {
    throw new Error('firstPresent needs at least one node');
  }
  return fallback;
}
