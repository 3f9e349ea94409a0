/**
 * Formatting helpers that reproduce the exact wording of Pod Security Admission messages, and the
 * container visitor every per-container check uses.
 */

import type { Container, PodSpec } from '../core/k8s.js';

/** True when a value is present: not `undefined` and not `null` (a Go nil pointer). */
export function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/** `"a", "b", "c"`: each item wrapped in double quotes (no escaping), joined with `", "`. */
export function joinQuote(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

/** The singular form only when `count` is exactly 1. */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `container "a"` or `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/** Compares two strings in Go byte order (UTF-8 bytes, i.e. code point order). */
export function compareGo(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = left[i]?.codePointAt(0) ?? 0;
    const y = right[i]?.codePointAt(0) ?? 0;
    if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return left.length - right.length;
}

/** The distinct items in Go byte order, like `sets.String.List()`. */
export function sortedDistinct(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareGo);
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const shortEscapes: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Printable ASCII other than `"` and `\`: what Go's `strconv.Quote` leaves as it is. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Go `strconv.Quote` (the `%q` verb): a double-quoted string with Go escapes. */
export function goQuote(value: string): string {
  if (PLAIN_ASCII.test(value)) {
    return `"${value}"`;
  }
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') {
      out += `\\${char}`;
    } else if (printable.test(char)) {
      out += char;
    } else if (shortEscapes[char] !== undefined) {
      out += shortEscapes[char];
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate cannot come from Go's decoder, which would have read U+FFFD.
      out += '\ufffd';
    } else if (code < 0x10000) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/** Visits init containers, then containers, then ephemeral containers, in spec order. */
export function visitContainers(spec: PodSpec, visit: (container: Container) => void): void {
  // Every check of every pod comes here: three plain loops, no lists or iterators made.
  visitList(spec.initContainers, visit);
  visitList(spec.containers, visit);
  visitList(spec.ephemeralContainers, visit);
}

function visitList(
  list: readonly (Container | null | undefined)[] | null | undefined,
  visit: (container: Container) => void,
): void {
  if (list === undefined || list === null) {
    return;
  }
  for (let index = 0; index < list.length; index++) {
    // A null list entry decodes in Go as an empty container, which is still visited.
    visit(list[index] ?? {});
  }
}

/** A container's name as Go reads it: a missing name is the empty string. */
export function containerName(container: Container): string {
  return container.name ?? '';
}

/** True when `spec.hostUsers` is explicitly `false` (the pod runs in a user namespace). */
export function usesUserNamespace(spec: PodSpec): boolean {
  return spec.hostUsers === false;
}

/** True when `spec.os.name` is `windows`, the restricted OS exemption of v1.25+. */
export function isWindowsPod(spec: PodSpec): boolean {
  return isSet(spec.os) && spec.os.name === 'windows';
}
