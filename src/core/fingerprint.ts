import { createHash } from 'node:crypto';
import type { ResourceRef } from './model.js';

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ``): versions may change freely. */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * A fingerprint that survives unrelated edits: it depends on the rule, the object's identity
 * (group, kind, namespace, name), the container name and the field, but not on line numbers, file
 * layout, API version or the order of containers.
 */
export function fingerprintOf(
  ruleId: string,
  ref: ResourceRef,
  container: string | undefined,
  pointer: string,
): string {
  const field = pointer.replace(/\/(initContainers|containers|ephemeralContainers)\/\d+/g, '/$1');
  const key = [
    ruleId,
    groupOf(ref.apiVersion),
    ref.kind,
    ref.namespace ?? '',
    ref.name,
    container ?? '',
    field,
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
