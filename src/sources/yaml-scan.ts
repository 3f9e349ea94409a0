/**
 * The character-level pieces of the line walker (shallow.ts) and of its reader of flow
 * collections (yaml-flow.ts): character classes, what may start a plain scalar, quoted scalars
 * and their escapes, line ends, how js-yaml keys plain scalars, and the signal that a document is
 * outside the subset they handle.
 */
import { resolvePlainScalar } from './documents.js';

/**
 * Characters js-yaml refuses, and characters this checker leaves to the full decoder. A carriage
 * return is fine where it ends a line (`\r\n`, which the walk reads as a line end); alone, js-yaml
 * reads it as a line break of its own, which the walk does not.
 */
export const UNSUPPORTED =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]|\r(?!\n)/;

const CARRIAGE_RETURN = 13;

export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const QUOTE = 34;
export const APOSTROPHE = 39;
export const BACKSLASH = 92;

/** First characters that start anything other than a plain scalar, or that need care. */
export const INDICATOR = new Uint8Array(128);
for (const character of '-?:,[]{}#&*!|>\'"%@`') {
  INDICATOR[character.charCodeAt(0)] = 1;
}

/** Escapes with hex digits after a backslash in a double-quoted scalar: how many digits. */
const HEX_ESCAPES = new Map([
  [120, 2],
  [117, 4],
  [85, 8],
]);

/**
 * Whether the core schema might decode a plain scalar as something other than a string: a number,
 * `.inf`, `.nan`, `~`, null or a boolean. Errs towards yes. After a sign, only a digit, `_` or `.`
 * can go on to a number (`-1`, `-_1`, `-.5`, `-.inf`), and after a leading `.` only a digit, `_`,
 * `i` or `n` (`.5`, `.inf`, `.nan`): `--config`, `-e` and `.dockerconfigjson` are strings.
 */
export function mayNotBeString(scalar: string): boolean {
  const first = scalar.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 126) {
    return true;
  }
  if (first === 45 || first === 43 || first === 46) {
    const second = scalar.charCodeAt(1);
    if ((second >= 48 && second <= 57) || second === 95) {
      return true;
    }
    if (first === 46) {
      const lower = second | 0x20;
      return lower === 105 || lower === 110;
    }
    return second === 46;
  }
  const length = scalar.length;
  if (length === 4) {
    return lowerEquals(scalar, 'null') || lowerEquals(scalar, 'true');
  }
  return length === 5 ? lowerEquals(scalar, 'false') : length === 0;
}

/**
 * Whether `text` is `word` (lower-case ASCII letters) in any mix of cases, without making a
 * lower-case copy. Setting bit 5 maps only `A`-`Z` onto `a`-`z` among the characters that can
 * match; no other character lower-cases to these letters.
 */
function lowerEquals(text: string, word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    if ((text.charCodeAt(index) | 0x20) !== word.charCodeAt(index)) {
      return false;
    }
  }
  return true;
}

/**
 * Whether a plain key is stored under its own text: js-yaml types a plain key like any plain
 * scalar and stores it under that value as a string (`404` stays "404", `true` "true", but `0x1F`
 * becomes "31" and `~` "null").
 */
export function keepsItsText(key: string): boolean {
  return !mayNotBeString(key) || String(resolvePlainScalar(key)) === key;
}

/**
 * Where a line whose line feed is at `newline` ends: before a carriage return that precedes the
 * line feed (`\r\n`), so that the walk reads such lines as it reads the others.
 */
export function lineEndBefore(text: string, newline: number, lineStart: number): number {
  return newline > lineStart && text.charCodeAt(newline - 1) === CARRIAGE_RETURN
    ? newline - 1
    : newline;
}

/** Thrown inside the walk when the document leaves the supported subset. */
export class Unsure extends Error {}
export const UNSURE = new Unsure();

/**
 * Whether a plain scalar may start with `code` (followed by `next`): not an indicator, except
 * that `-`, `?` and `:` may start one when a non-space character follows (`-1`, `--flag`).
 */
export function plainStart(code: number, next: number, atLineEnd: boolean): boolean {
  if (code >= 128 || INDICATOR[code] !== 1) {
    return true;
  }
  return (code === DASH || code === 63 || code === COLON) && !atLineEnd && next !== SPACE;
}

/** A 32-bit hash of `text` from `start` to `end` (FNV-1a). */
export function hashOf(text: string, start: number, end: number): number {
  let hash = 2166136261;
  for (let index = start; index < end; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  }
  return hash;
}

/** Where the text in [start, stop) ends without its trailing spaces. */
export function endOfSpaces(text: string, start: number, stop: number): number {
  let end = stop;
  while (end > start && text.charCodeAt(end - 1) === SPACE) {
    end--;
  }
  return end;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * The escapes without digits allowed after a backslash in a double-quoted scalar (YAML 1.2), and
 * what each stands for.
 */
const ESCAPED = new Map<number, string>(
  (
    [
      ['0', '\x00'],
      ['a', '\x07'],
      ['b', '\x08'],
      ['t', '\x09'],
      ['n', '\x0A'],
      ['v', '\x0B'],
      ['f', '\x0C'],
      ['r', '\x0D'],
      ['e', '\x1B'],
      [' ', ' '],
      ['"', '"'],
      ['/', '/'],
      ['\\', '\\'],
      ['N', '\x85'],
      ['_', '\xA0'],
      ['L', '\u2028'],
      ['P', '\u2029'],
    ] as const
  ).map(([escape, value]) => [escape.charCodeAt(0), value]),
);

/** A code point as js-yaml writes it: a surrogate pair above U+FFFF. */
function fromCodePoint(code: number): string {
  if (code <= 0xffff) {
    return String.fromCharCode(code);
  }
  return String.fromCharCode(
    ((code - 0x010000) >> 10) + 0xd800,
    ((code - 0x010000) & 0x03ff) + 0xdc00,
  );
}

/** The value of a quoted scalar on one line, from its quote character and the text inside. */
export function quotedValue(quote: number, inner: string): string {
  if (quote === APOSTROPHE) {
    return inner.replace(/''/g, "'");
  }
  return inner.includes('\\') ? unescapeDouble(inner) : inner;
}

/** The value of a double-quoted scalar's text on one line, whose escapes are known valid. */
function unescapeDouble(inner: string): string {
  let out = '';
  let from = 0;
  for (let index = inner.indexOf('\\'); index >= 0; index = inner.indexOf('\\', from)) {
    out += inner.slice(from, index);
    const code = inner.charCodeAt(index + 1);
    const hex = HEX_ESCAPES.get(code);
    if (hex === undefined) {
      out += ESCAPED.get(code) ?? '';
      from = index + 2;
    } else {
      out += fromCodePoint(parseInt(inner.slice(index + 2, index + 2 + hex), 16));
      from = index + 2 + hex;
    }
  }
  return out + inner.slice(from);
}

/**
 * Scans a quoted scalar's text from `from` for its closing quote, up to `lineEnd`. Returns the
 * position of the closing quote, or -1 if the scalar goes on past the line.
 */
export function closeQuote(text: string, from: number, lineEnd: number, q: number): number {
  let index = from;
  while (index < lineEnd) {
    const code = text.charCodeAt(index);
    if (code === q) {
      if (q === APOSTROPHE && text.charCodeAt(index + 1) === APOSTROPHE) {
        index += 2;
        continue;
      }
      return index;
    }
    if (code === BACKSLASH && q === QUOTE) {
      const next = text.charCodeAt(index + 1);
      if (index + 1 === lineEnd) {
        return -1; // an escaped line break
      }
      const hex = HEX_ESCAPES.get(next);
      if (hex !== undefined) {
        for (let digit = 0; digit < hex; digit++) {
          if (!isHex(text.charCodeAt(index + 2 + digit))) {
            throw UNSURE;
          }
        }
        index += 2 + hex;
        continue;
      }
      if (!ESCAPED.has(next)) {
        throw UNSURE;
      }
      index += 2;
      continue;
    }
    index++;
  }
  return -1;
}

/** The first offset from `from` that is not a space, at most `lineEnd`. */
export function skipSpaces(text: string, from: number, lineEnd: number): number {
  let index = from;
  while (index < lineEnd && text.charCodeAt(index) === SPACE) {
    index++;
  }
  return index;
}
