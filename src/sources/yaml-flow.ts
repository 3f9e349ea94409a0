/**
 * Flow collections (`[a, "b"]`, `{drop: [ALL]}`) that end on their line, read into the value
 * js-yaml would give, for the line walker's decoder (shallow.ts). A conservative subset like the
 * rest of the walk: anything else throws {@link UNSURE}, and the document goes to js-yaml.
 */
import { resolvePlainScalar } from './documents.js';
import {
  APOSTROPHE,
  closeQuote,
  COLON,
  DASH,
  endOfSpaces,
  HASH,
  INDICATOR,
  mayNotBeString,
  QUOTE,
  quotedValue,
  skipSpaces,
  SPACE,
  UNSURE,
} from './yaml-scan.js';

export class FlowReader {
  /** The value of the collection or scalar last read. */
  value: unknown = undefined;

  constructor(
    readonly text: string,
    /** Collections nested deeper than this are left to js-yaml. */
    readonly maxDepth: number,
  ) {}

  /**
   * Reads a flow collection that starts at `at` (a `[` or `{`) and ends on the same line, into
   * {@link value}; returns the offset after it. A conservative subset, like the rest of the
   * walk: items are plain or quoted scalars and nested collections; mapping entries are written
   * `key: value`. Anything else (implicit pairs in sequences, empty or trailing entries, a
   * missing value, a comment or line end inside) is left to js-yaml.
   */
  node(at: number, lineEnd: number, depth: number): number {
    if (depth >= this.maxDepth) {
      throw UNSURE;
    }
    const text = this.text;
    const isMap = text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    let index = skipSpaces(text, at + 1, lineEnd);
    if (text.charCodeAt(index) === close) {
      this.value = isMap ? {} : [];
      return index + 1;
    }
    const sequence: unknown[] = [];
    const mapping: Record<string, unknown> = {};
    const keys = new Set<string>();
    for (;;) {
      if (isMap) {
        index = this.scalar(index, lineEnd, true);
        const key = this.value;
        if (
          typeof key !== 'string' ||
          keys.has(key) ||
          key === '__proto__' ||
          text.charCodeAt(index) !== COLON ||
          text.charCodeAt(index + 1) !== SPACE
        ) {
          throw UNSURE;
        }
        keys.add(key);
        index = this.item(skipSpaces(text, index + 1, lineEnd), lineEnd, depth);
        mapping[key] = this.value;
      } else {
        index = this.item(index, lineEnd, depth);
        if (text.charCodeAt(index) === COLON) {
          // `[a: b]` is a sequence of one single-pair mapping.
          throw UNSURE;
        }
        sequence.push(this.value);
      }
      index = skipSpaces(text, index, lineEnd);
      const next = text.charCodeAt(index);
      if (next === close) {
        this.value = isMap ? mapping : sequence;
        return index + 1;
      }
      if (next !== 44) {
        throw UNSURE;
      }
      index = skipSpaces(text, index + 1, lineEnd);
      const after = text.charCodeAt(index);
      if (after === 44 || after === 93 || after === 125) {
        // An empty entry, or a trailing comma.
        throw UNSURE;
      }
    }
  }

  /** A value inside a flow collection: a nested collection or a scalar. */
  item(at: number, lineEnd: number, depth: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    return first === 91 || first === 123
      ? this.node(at, lineEnd, depth + 1)
      : this.scalar(at, lineEnd, false);
  }

  /**
   * A quoted or plain scalar inside a flow collection, into {@link value} (a key stays a
   * string; a plain key that js-yaml would type is left to js-yaml); returns the offset after it.
   */
  scalar(at: number, lineEnd: number, isKey: boolean): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === QUOTE || first === APOSTROPHE) {
      const close = closeQuote(text, at + 1, lineEnd, first);
      if (close < 0) {
        throw UNSURE;
      }
      this.value = quotedValue(first, text.slice(at + 1, close));
      return close + 1;
    }
    // Indicators cannot start a plain scalar, except `-` before a character that may follow it.
    const next = text.charCodeAt(at + 1);
    if (
      at >= lineEnd ||
      (first < 128 &&
        INDICATOR[first] === 1 &&
        (first !== DASH ||
          at + 1 >= lineEnd ||
          (next < 128 && INDICATOR[next] === 1) ||
          next === SPACE))
    ) {
      throw UNSURE;
    }
    // A plain scalar ends at a flow indicator or at `: `; ` #` would start a comment.
    let end = at;
    for (; end < lineEnd; end++) {
      const code = text.charCodeAt(end);
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125) {
        break;
      }
      if (code === COLON) {
        const after = text.charCodeAt(end + 1);
        if (
          after === SPACE ||
          after === 44 ||
          after === 93 ||
          after === 125 ||
          end + 1 === lineEnd
        ) {
          break;
        }
      } else if (code === HASH && text.charCodeAt(end - 1) === SPACE) {
        throw UNSURE;
      }
    }
    const stop = endOfSpaces(text, at, end);
    const scalar = text.slice(at, stop);
    if (scalar === '') {
      throw UNSURE;
    }
    if (isKey) {
      if (mayNotBeString(scalar)) {
        throw UNSURE;
      }
      this.value = scalar;
    } else {
      this.value = mayNotBeString(scalar) ? resolvePlainScalar(scalar) : scalar;
    }
    return end;
  }
}
