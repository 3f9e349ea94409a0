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
  const field = pointer.includes('ontainers/')
    ? pointer.replace(/\/(initContainers|containers|ephemeralContainers)\/\d+/g, '/$1')
    : pointer;
  const key = [
    ruleId,
    groupOf(ref.apiVersion),
    ref.kind,
    ref.namespace ?? '',
    ref.name,
    container ?? '',
    field,
  ].join('\u0000');
  return hash128(key);
}

/**
 * A fast, well-mixed 128-bit non-cryptographic hash (four 32-bit lanes), as 32 hex digits.
 * Fingerprints only need to be stable and unlikely to collide; a cryptographic hash cost more
 * than all the rules together on large scans.
 */
export function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4);
}

/** Two hex digits for each byte value: Number#toString(16) is slow in a loop this hot. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex8(lane: number): string {
  return (
    (BYTE_HEX[(lane >>> 24) & 255] ?? '') +
    (BYTE_HEX[(lane >>> 16) & 255] ?? '') +
    (BYTE_HEX[(lane >>> 8) & 255] ?? '') +
    (BYTE_HEX[lane & 255] ?? '')
  );
}
