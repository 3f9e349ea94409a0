import type { ResourceRef } from './model.js';

/**
 * The length of the container list name and slash at `at` (`containers/`, `initContainers/`,
 * `ephemeralContainers/`), whose item indexes a fingerprint leaves out; -1 when there is none.
 */
function containerListAt(pointer: string, at: number): number {
  const name =
    pointer.charCodeAt(at) === 99
      ? 'containers/'
      : pointer.charCodeAt(at) === 105
        ? 'initContainers/'
        : pointer.charCodeAt(at) === 101
          ? 'ephemeralContainers/'
          : undefined;
  return name !== undefined && pointer.startsWith(name, at) ? name.length : -1;
}

/**
 * A fingerprint that survives unrelated edits: it depends on the rule, the object's identity
 * (group, kind, namespace, name), the container name and the field, but not on line numbers, file
 * layout, API version or the order of containers.
 *
 * It is {@link hash128} of those parts joined by NUL characters, the field being the pointer
 * without container indexes (`/spec/containers/2/image` → `/spec/containers/image`); the parts
 * are hashed where they are, without joining them, since every finding has a fingerprint.
 */
export function fingerprintOf(
  ruleId: string,
  ref: ResourceRef,
  container: string | undefined,
  pointer: string,
): string {
  const hash = afterRuleId(ruleId);
  const slash = ref.apiVersion.indexOf('/');
  hash.add(ref.apiVersion, 0, slash < 0 ? 0 : slash);
  hash.separate();
  hash.add(ref.kind, 0, ref.kind.length);
  hash.separate();
  const namespace = ref.namespace ?? '';
  hash.add(namespace, 0, namespace.length);
  hash.separate();
  hash.add(ref.name, 0, ref.name.length);
  hash.separate();
  const name = container ?? '';
  hash.add(name, 0, name.length);
  hash.separate();
  // The pointer, leaving out the `/<digits>` after each container list's name.
  let from = 0;
  let slashAt = pointer.indexOf('/');
  while (slashAt >= 0) {
    const length = containerListAt(pointer, slashAt + 1);
    const indexAt = length < 0 ? -1 : slashAt + length;
    const digit = indexAt < 0 ? 0 : pointer.charCodeAt(indexAt + 1);
    if (digit >= 48 && digit <= 57) {
      hash.add(pointer, from, indexAt);
      let end = indexAt + 2;
      while (
        end < pointer.length &&
        pointer.charCodeAt(end) >= 48 &&
        pointer.charCodeAt(end) <= 57
      ) {
        end++;
      }
      from = end;
      slashAt = pointer.indexOf('/', end);
    } else {
      slashAt = pointer.indexOf('/', slashAt + 1);
    }
  }
  hash.add(pointer, from, pointer.length);
  return hash.digest();
}

/**
 * A new hash state that has taken in `ruleId` and its separator: every finding of a rule starts
 * so, and the state is copied rather than computed again.
 */
function afterRuleId(ruleId: string): Hash128 {
  let state = ruleStates.get(ruleId);
  if (state === undefined) {
    state = new Hash128();
    state.add(ruleId, 0, ruleId.length);
    state.separate();
    if (ruleStates.size < 4096) {
      ruleStates.set(ruleId, state);
    }
  }
  return state.copy();
}

const ruleStates = new Map<string, Hash128>();

/** Multipliers above 2^31, as the signed 32-bit values Math.imul reads them as. */
const M2 = 2869860233 | 0;
const M4 = 2716044179 | 0;

/** The state of {@link hash128} over text that arrives in pieces. */
class Hash128 {
  // The lanes as signed 32-bit values (the same bits), so that V8 keeps them as integers.
  h1 = 1779033703;
  h2 = 3144134277 | 0;
  h3 = 1013904242;
  h4 = 2773480762 | 0;

  copy(): Hash128 {
    const copy = new Hash128();
    copy.h1 = this.h1;
    copy.h2 = this.h2;
    copy.h3 = this.h3;
    copy.h4 = this.h4;
    return copy;
  }

  /** Hashes `text` from `from` to `to`. */
  add(text: string, from: number, to: number): void {
    let { h1, h2, h3, h4 } = this;
    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index);
      h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ code, M2);
      h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ code, M4);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** Hashes a NUL character, which separates the parts. */
  separate(): void {
    this.add('\u0000', 0, 1);
  }

  /** The hash as 32 hex digits. */
  digest(): string {
    let { h1, h2, h3, h4 } = this;
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    const codes = DIGEST_CODES;
    putHex(codes, 0, h1);
    putHex(codes, 8, h2);
    putHex(codes, 16, h3);
    putHex(codes, 24, h4);
    // One flat string from the 32 character codes: joining pieces made 15 strings per finding,
    // and a string made of pieces is copied again when the report is written.
    return String.fromCharCode.apply(null, codes);
  }
}

/** The character codes of the hex digits 0-9a-f. */
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
/** The digest's 32 character codes, filled for each digest (one thread, no reentry). */
const DIGEST_CODES: number[] = Array.from({ length: 32 }, () => 48);

/** Writes the 8 hex digits of a 32-bit lane at `at`, most significant first. */
function putHex(codes: number[], at: number, lane: number): void {
  for (let shift = 28, index = at; shift >= 0; shift -= 4, index++) {
    codes[index] = HEX_CODES[(lane >>> shift) & 15] ?? 48;
  }
}

/**
 * A fast, well-mixed 128-bit non-cryptographic hash (four 32-bit lanes), as 32 hex digits.
 * Fingerprints only need to be stable and unlikely to collide; a cryptographic hash cost more
 * than all the rules together on large scans.
 */
export function hash128(text: string): string {
  const hash = new Hash128();
  hash.add(text, 0, text.length);
  return hash.digest();
}
