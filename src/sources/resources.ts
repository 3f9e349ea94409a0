/**
 * Turning decoded documents into resources: Kubernetes objects are recognised by apiVersion and
 * kind, `List` kinds are unwrapped, and anything else is reported as skipped with the reason.
 */
import type { KubeObject } from '../core/k8s.js';
import type { PositionResolver, Resource, Skipped, SourcePosition } from '../core/model.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface DocumentOutcome {
  resources: Resource[];
  skipped: Skipped[];
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (isRecord(value)) {
    return 'a map';
  }
  return `a ${typeof value === 'string' ? 'string' : typeof value} scalar`;
}

function nameOf(object: Record<string, unknown>): { name: string; namespace?: string } {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name =
    typeof metadata.name === 'string'
      ? metadata.name
      : typeof metadata.generateName === 'string'
        ? `${metadata.generateName}*`
        : '(unnamed)';
  return typeof metadata.namespace === 'string'
    ? { name, namespace: metadata.namespace }
    : { name };
}

/** Recognises the Kubernetes objects in one decoded document. */
export function resourcesOf(
  value: unknown,
  file: string,
  documentIndex: number,
  position: SourcePosition,
  locate: PositionResolver,
  document?: { text: string; startLine: number },
  /** The chart template the document was rendered from (see preambleOf). */
  template?: string,
): DocumentOutcome {
  const outcome: DocumentOutcome = { resources: [], skipped: [] };
  const skip = (reason: string, line = position.line): void => {
    outcome.skipped.push({ file, line, documentIndex, reason });
  };
  const add = (object: Record<string, unknown>, pointerPrefix: string | undefined): void => {
    const apiVersion = object.apiVersion;
    const kind = object.kind;
    // An item's own position costs a position-tracking parse of the whole list document, which
    // can be megabytes: work it out only if something asks for it (a finding, a skip entry).
    let itemPosition: SourcePosition | undefined;
    const where = (): SourcePosition => {
      if (pointerPrefix === undefined) {
        return position;
      }
      itemPosition ??= locate(pointerPrefix) ?? position;
      return itemPosition;
    };
    if (
      typeof apiVersion !== 'string' ||
      typeof kind !== 'string' ||
      apiVersion === '' ||
      kind === ''
    ) {
      const missing = [
        typeof apiVersion === 'string' && apiVersion !== '' ? '' : 'apiVersion',
        typeof kind === 'string' && kind !== '' ? '' : 'kind',
      ]
        .filter(Boolean)
        .join(' and ');
      skip(`not a Kubernetes object: no ${missing}`, where().line);
      return;
    }
    if (kind.endsWith('List') && Array.isArray(object.items)) {
      object.items.forEach((item, index) => {
        const prefix = `${pointerPrefix ?? ''}/items/${index}`;
        if (isRecord(item)) {
          add(item, prefix);
        } else {
          skip(
            `item ${index} of ${kind} is ${describeValue(item)}, not an object`,
            (locate(prefix) ?? where()).line,
          );
        }
      });
      return;
    }
    const resource: Resource = {
      object: object as KubeObject,
      ref: { apiVersion, kind, ...nameOf(object) },
      file,
      documentIndex,
      get position() {
        return where();
      },
      locate,
    };
    if (pointerPrefix !== undefined) {
      resource.pointerPrefix = pointerPrefix;
    }
    if (document !== undefined) {
      resource.document = document;
    }
    if (template !== undefined) {
      resource.template = template;
    }
    outcome.resources.push(resource);
  };
  if (isRecord(value)) {
    add(value, undefined);
  } else {
    skip(`not a Kubernetes object: the document is ${describeValue(value)}`);
  }
  return outcome;
}
