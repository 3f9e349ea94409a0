/**
 * A syntax check for YAML documents whose body no rule reads, at a fraction of a full decode, and
 * a decoder for the documents that rules do read, on the same walk.
 *
 * Most bytes in real repositories are CustomResourceDefinitions: megabytes of OpenAPI schema that
 * no rule looks at. They must still be checked for syntax errors (a broken file is never silently
 * accepted), but building their objects is wasted work. {@link shallowScan} walks a document line
 * by line and checks it against a conservative subset of YAML: block mappings and sequences,
 * plain, quoted and block scalars, and empty flow collections, with consistent indentation and no
 * duplicate keys. It returns the document's header (apiVersion, kind, name, namespace) only when
 * it is certain that js-yaml would decode the document without error. Anything outside the subset
 * (anchors, aliases, tags, flow collections with content, tabs, odd indentation, anything in
 * doubt) returns `undefined`, and the caller decodes the document fully, which also gives the
 * precise error when there is one. A differential test checks this claim against js-yaml on
 * mutated real documents.
 *
 * {@link decodeFast} walks the same subset, plus flow collections that end on their line, and
 * builds the document's value exactly as js-yaml would (plain scalars are typed by js-yaml's own
 * resolvers). It leaves more-indented lines in folded scalars and a few js-yaml quirks to
 * js-yaml. It exists because a run that decodes only a few
 * megabytes spends most of js-yaml's time warming it up: one walker, already warm from the syntax
 * checks, is several times cheaper. The same differential test compares its values with js-yaml's, and a
 * second one does so on random flow collections. While building, it also notes where each key and
 * sequence item is ({@link PositionTable}), so that findings are located without reading the text
 * again; those positions are checked against the position-tracking parser's. Large documents that
 * recur (vendored copies of the same CRDs) have their syntax checked once.
 *
 * This module is the line-level walk (indentation, keys, entries, the scalars that span lines).
 * The character-level pieces are in yaml-scan.ts, and flow collections in yaml-flow.ts.
 */
import { resolvePlainScalar } from './documents.js';
import { packPosition, type PositionTable } from './positions.js';
import { TextMemo } from './text-memo.js';
import { FlowReader } from './yaml-flow.js';
import {
  APOSTROPHE,
  BACKSLASH,
  closeQuote,
  COLON,
  DASH,
  endOfSpaces,
  hashOf,
  INDICATOR,
  HASH,
  keepsItsText,
  lineEndBefore,
  mayNotBeString,
  plainStart,
  QUOTE,
  quotedValue,
  SPACE,
  Unsure,
  UNSURE,
  UNSUPPORTED,
} from './yaml-scan.js';

/** What a document says about itself, read without decoding its body. */
export interface DocumentHeader {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  generateName?: string;
  /** Set when `metadata.annotations` has a `mamori.dev/` key (which may suppress findings). */
  mamoriAnnotations?: true;
}

const HEADER_ROOT_KEYS = new Set(['apiVersion', 'kind']);
const HEADER_METADATA_KEYS = new Set(['name', 'namespace', 'generateName']);

const MAP = 0;
const SEQ = 1;
const MAX_KEY_LENGTH = 1024;

/**
 * Checks one YAML document (the text of one document as split by `splitDocuments`) and returns its
 * header, or `undefined` when the document needs a full decode: outside the subset, invalid, not
 * a Kubernetes object, or with a header that is not plain strings.
 */
export function shallowScan(text: string): DocumentHeader | undefined {
  if (text.length < REMEMBER_FROM) {
    return scanHeader(text);
  }
  // Repositories often hold several copies of the same large documents (vendored CRDs).
  if (remembered.has(text)) {
    const header = remembered.get(text);
    return header === undefined ? undefined : { ...header };
  }
  const header = scanHeader(text);
  remembered.set(text, header === undefined ? undefined : { ...header });
  return header;
}

/** Documents at least this long have their answers remembered, by text. */
const REMEMBER_FROM = 4096;
/** How much document text the remembered answers may hold on to, oldest dropped first. */
const remembered = new TextMemo<DocumentHeader | undefined>(16 * 1024 * 1024);

function scanHeader(text: string): DocumentHeader | undefined {
  if (UNSUPPORTED.test(text)) {
    return undefined;
  }
  try {
    const walker = new Walker(text, false);
    walker.run();
    return walker.result();
  } catch (error) {
    if (error instanceof Unsure) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Decodes one YAML document (as split by `splitDocuments`) whose root is a mapping or sequence,
 * to the value js-yaml would return (null for a document of only comments and blank lines);
 * `undefined` when the document is outside the subset (or is invalid), and needs js-yaml. Nesting is at most {@link MAX_FAST_DEPTH} collections deep, and there
 * are no aliases, so the value needs no bounding walk.
 */
export function decodeFast(text: string, positions?: PositionTable): unknown {
  if (UNSUPPORTED.test(text)) {
    return undefined;
  }
  try {
    const walker = new Walker(text, true);
    walker.positions = positions;
    walker.run();
    // Only comments and blank lines: an empty document, which js-yaml reads as null.
    return walker.rootDone ? walker.root : null;
  } catch (error) {
    if (error instanceof Unsure) {
      return undefined;
    }
    throw error;
  }
}

/** The deepest nesting of collections {@link decodeFast} builds. */
export const MAX_FAST_DEPTH = 64;

type Container = Record<string, unknown> | unknown[];

const CLIP = 0;
const STRIP = 1;
const KEEP = 2;

// What a line expects after `key:` (PENDING_KEY) or `-` (PENDING_ENTRY) with nothing after it.
const NONE = 0;
const PENDING_KEY = 1;
const PENDING_ENTRY = 2;
// A scalar that may go on over the following lines.
const PLAIN = 1;
const QUOTED = 2;
const BLOCK = 3;

/**
 * The walk over one document. A class rather than closures, so that V8 optimises its methods once
 * for all documents (closures made per call would be new call targets each time).
 */
class Walker {
  readonly text: string;
  readonly end: number;
  /** Whether to build the document's value ({@link decodeFast}) rather than only its header. */
  readonly build: boolean;
  // The open collections, innermost last.
  readonly kinds: number[] = [];
  readonly indents: number[] = [];
  readonly indentless: boolean[] = [];
  // Hashes of the keys seen per open mapping: a list while short, a set when long. Equal keys
  // have equal hashes, so every duplicate is caught; a collision of different keys only sends
  // the document to the full decoder. No key string is made below the header's levels.
  readonly keyLists: (number[] | undefined)[] = [];
  readonly keySets: (Set<number> | undefined)[] = [];
  readonly parentKeys: (string | undefined)[] = [];
  depth = 0;
  rootDone = false;

  pending = NONE;
  pendingIndent = 0;
  pendingKey: string | undefined = undefined;
  pendingHeader = false;

  open = NONE;
  /** Continuation lines of the open scalar must be indented more than this. */
  openIndent = 0;
  /** Content indentation of an open block scalar, once known. */
  blockIndent = -1;
  /** The quote character of an open quoted scalar. */
  quote = 0;
  openIsHeader = false;

  /**
   * The header fields found. A map, not an object: keys arrive in any order, and objects built in
   * different orders have different shapes, which made V8 deoptimise the walk once per document.
   */
  readonly header = new Map<string, string>();
  /** Whether the object's annotations have a `mamori.dev/` key. */
  mamoriAnnotations = false;

  /** The key found by {@link keyAt}: its hash, its text (see {@link keyText}) and its `:`. */
  foundHash = 0;
  foundStart = 0;
  foundEnd = 0;
  /** The key's value when it was quoted (and so is not the text between start and end). */
  foundQuoted: string | undefined = undefined;
  foundColon = 0;

  // Memoised searches: positions only move forward, so each search runs over the text once.
  // They look for the rarer character (`:`, `#`) and check its neighbour, which is much faster
  // than searching for a two-character string that starts with a space.
  nextColonSpace = -1;
  nextSpaceHash = -1;

  // Building (decodeFast only). Each open collection's value, innermost last.
  readonly containers: Container[] = [];
  /** Where to record members' positions, if anywhere; and each open collection's entry in it. */
  positions: PositionTable | undefined = undefined;
  readonly memberPositions: (number[] | undefined)[] = [];
  /** The line being walked (0-based, in the document) and its first offset. */
  line = 0;
  lineStart = 0;
  /** The positions entry waiting for the node after a `-` with nothing after it. */
  pendingItem: number[] | undefined = undefined;
  pendingItemIndex = 0;
  root: unknown = undefined;
  /** Where the next node goes: a key of a mapping or an index of a sequence; the root if none. */
  target: Container | undefined = undefined;
  targetKey: string | number = 0;
  /** Where the node pending after `key:` or `-` goes. */
  pendingTarget: Container | undefined = undefined;
  pendingTargetKey: string | number = 0;
  /** Where the open multi-line scalar goes. */
  scalarTarget: Container | undefined = undefined;
  scalarTargetKey: string | number = 0;
  /** An open plain scalar's text so far, and the blank lines since its last line. */
  plain = '';
  blanks = 0;
  /** An open block scalar: its style, chomping, lines so far, and blank lines since the last. */
  folded = false;
  chomping = CLIP;
  blockParts: string[] = [];
  blockEmpty = 0;
  /** An open quoted scalar's lines so far, each as its value (escapes resolved), with the folds. */
  quotedParts: string[] = [];
  /** Whether the last line of the open quoted scalar ended in an escaped line break. */
  quotedJoined = false;

  constructor(text: string, build: boolean) {
    this.text = text;
    this.end = text.length;
    this.build = build;
  }

  /** Puts a built value where {@link target} says. */
  place(value: unknown): void {
    const target = this.target;
    if (target === undefined) {
      this.root = value;
    } else {
      (target as Record<string, unknown>)[this.targetKey] = value;
    }
  }

  /** Places null where the node pending after `key:` or `-` went, when there was none. */
  placePendingNull(): void {
    if (this.build) {
      (this.pendingTarget as Record<string, unknown>)[this.pendingTargetKey] = null;
    }
  }

  /** Puts the value of the open multi-line scalar where it goes. */
  placeScalar(value: unknown): void {
    (this.scalarTarget as Record<string, unknown>)[this.scalarTargetKey] = value;
  }

  /** A content line of the open block scalar, whose content indentation is known. */
  blockLine(lineStart: number, indent: number, lineEnd: number): void {
    const blockIndent = this.blockIndent;
    if (indent > blockIndent && this.folded) {
      // More-indented lines of a folded scalar keep their line breaks: js-yaml's business.
      throw UNSURE;
    }
    const parts = this.blockParts;
    const empty = this.blockEmpty;
    if (parts.length === 0) {
      parts.push('\n'.repeat(empty));
    } else if (this.folded) {
      parts.push(empty === 0 ? ' ' : '\n'.repeat(empty));
    } else {
      parts.push('\n'.repeat(1 + empty));
    }
    parts.push(this.text.slice(lineStart + blockIndent, lineEnd));
    this.blockEmpty = 0;
  }

  /** Ends the open block scalar: chomps its final line breaks and places its value. */
  closeBlock(): void {
    const parts = this.blockParts;
    if (parts.length === 0) {
      throw UNSURE;
    }
    const chomping = this.chomping;
    parts.push(
      chomping === KEEP ? '\n'.repeat(1 + this.blockEmpty) : chomping === CLIP ? '\n' : '',
    );
    this.placeScalar(parts.join(''));
    this.blockParts = [];
  }

  /**
   * A line of an open multi-line quoted scalar, from `from` (after the opening quote, or the
   * line's first non-space) to the end of the line. As js-yaml folds: the spaces that end the
   * line go, one line break becomes a space and n blank lines n line breaks. In a double-quoted
   * scalar, a line that ends in a backslash escapes its line break: it goes on with the next
   * line's text, with nothing between them (js-yaml also drops blank lines there), and keeps the
   * spaces before the backslash. An escaped space before the final spaces stays.
   */
  quotedLine(from: number, lineEnd: number): void {
    const text = this.text;
    let stop = endOfSpaces(text, from, lineEnd);
    let joined = false;
    if (this.quote === QUOTE) {
      let backslash = stop;
      while (backslash > from && text.charCodeAt(backslash - 1) === BACKSLASH) {
        backslash--;
      }
      // An even number of backslashes are escaped backslashes.
      if ((stop - backslash) % 2 === 1) {
        if (stop === lineEnd) {
          stop--;
          joined = true;
        } else {
          stop++;
        }
      }
    }
    this.quotedPart(from, stop);
    this.quotedJoined = joined;
  }

  /** The last line of an open quoted scalar, up to its closing quote at `close`: places the value. */
  closeQuoted(from: number, close: number): void {
    this.quotedPart(from, close);
    this.placeScalar(this.quotedParts.join(''));
    this.quotedParts = [];
  }

  quotedPart(from: number, stop: number): void {
    const parts = this.quotedParts;
    if (parts.length > 0 && !this.quotedJoined) {
      const blanks = this.blanks;
      parts.push(blanks === 0 ? ' ' : '\n'.repeat(blanks));
    }
    this.blanks = 0;
    this.quotedJoined = false;
    parts.push(quotedValue(this.quote, this.text.slice(from, stop)));
  }

  colonSpaceFrom(from: number): number {
    if (this.nextColonSpace < from && this.nextColonSpace !== this.end) {
      const text = this.text;
      let found = text.indexOf(':', from);
      while (found >= 0 && text.charCodeAt(found + 1) !== SPACE) {
        found = text.indexOf(':', found + 1);
      }
      this.nextColonSpace = found < 0 ? this.end : found;
    }
    return this.nextColonSpace;
  }

  spaceHashFrom(from: number): number {
    if (this.nextSpaceHash < from && this.nextSpaceHash !== this.end) {
      const text = this.text;
      let found = text.indexOf('#', from + 1);
      while (found >= 0 && text.charCodeAt(found - 1) !== SPACE) {
        found = text.indexOf('#', found + 1);
      }
      this.nextSpaceHash = found < 0 ? this.end : found - 1;
    }
    return this.nextSpaceHash;
  }

  /** Whether only spaces and perhaps a comment remain in [from, lineEnd). */
  restIsEmpty(from: number, lineEnd: number): boolean {
    const text = this.text;
    let index = from;
    while (index < lineEnd && text.charCodeAt(index) === SPACE) {
      index++;
    }
    return index === lineEnd || (text.charCodeAt(index) === HASH && index > from);
  }

  isEntry(at: number, lineEnd: number): boolean {
    const text = this.text;
    return (
      text.charCodeAt(at) === DASH && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)
    );
  }

  /**
   * Whether a simple key starts at `at`; if so, sets {@link foundKey} and {@link foundColon}.
   */
  keyAt(at: number, lineEnd: number): boolean {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === QUOTE || first === APOSTROPHE) {
      const close = closeQuote(this.text, at + 1, lineEnd, first);
      if (close < 0) {
        return false;
      }
      let colon = close + 1;
      while (colon < lineEnd && text.charCodeAt(colon) === SPACE) {
        colon++;
      }
      if (
        text.charCodeAt(colon) !== COLON ||
        (colon + 1 < lineEnd && text.charCodeAt(colon + 1) !== SPACE)
      ) {
        return false;
      }
      const inner = text.slice(at + 1, close);
      if (first === QUOTE && inner.includes('\\')) {
        throw UNSURE;
      }
      const key = first === APOSTROPHE ? inner.replace(/''/g, "'") : inner;
      this.foundQuoted = key;
      this.foundStart = at;
      if (!this.build) {
        this.foundHash = hashOf(key, 0, key.length);
      }
      this.foundColon = colon;
      return true;
    }
    if (first < 128 && INDICATOR[first] === 1) {
      return false;
    }
    let colon = this.colonSpaceFrom(at);
    if (colon >= lineEnd) {
      colon = text.charCodeAt(lineEnd - 1) === COLON ? lineEnd - 1 : -1;
    }
    if (colon < 0) {
      return false;
    }
    if (this.spaceHashFrom(at) < colon) {
      throw UNSURE;
    }
    let keyEnd = colon;
    while (text.charCodeAt(keyEnd - 1) === SPACE) {
      keyEnd--;
    }
    const length = keyEnd - at;
    if (
      length > MAX_KEY_LENGTH ||
      // `+` and `~` keys, merge keys (`<<`) and `__proto__`: js-yaml's business.
      first === 43 ||
      first === 126 ||
      (length === 2 && text.startsWith('<<', at)) ||
      (length === 9 && text.startsWith('__proto__', at)) ||
      ((length === 4 || length === 5 || (first >= 48 && first <= 57) || first === 46) &&
        !keepsItsText(text.slice(at, keyEnd)))
    ) {
      throw UNSURE;
    }
    this.foundQuoted = undefined;
    this.foundStart = at;
    this.foundEnd = keyEnd;
    if (!this.build) {
      this.foundHash = hashOf(text, at, keyEnd);
    }
    this.foundColon = colon;
    return true;
  }

  /** The text of the key {@link keyAt} found. */
  keyText(): string {
    return this.foundQuoted ?? this.text.slice(this.foundStart, this.foundEnd);
  }

  push(kind: number, indent: number, parentKey: string | undefined): void {
    const depth = this.depth;
    if (depth >= MAX_FAST_DEPTH) {
      throw UNSURE;
    }
    this.kinds[depth] = kind;
    this.indents[depth] = indent;
    this.indentless[depth] = false;
    this.keyLists[depth] = kind === MAP && !this.build ? [] : undefined;
    this.keySets[depth] = undefined;
    this.parentKeys[depth] = parentKey;
    this.depth = depth + 1;
    if (this.build) {
      const container: Container = kind === MAP ? {} : [];
      this.containers[depth] = container;
      this.place(container);
      const positions = this.positions;
      if (positions !== undefined) {
        const members: number[] = [];
        positions.set(container, members);
        this.memberPositions[depth] = members;
      }
    }
  }

  /** The packed position of `offset` on the line being walked. */
  positionOf(offset: number): number {
    return packPosition(this.line, offset - this.lineStart);
  }

  /**
   * Checks the part of a plain scalar on one line, from `at`: up to a ` #` comment, it must not
   * hold `: ` or end in `:`. Returns where the scalar's text stops: at the comment, or at the end
   * of the line.
   */
  plainText(at: number, lineEnd: number): number {
    const comment = this.spaceHashFrom(at);
    const stop = comment < lineEnd ? comment : lineEnd;
    // A `: ` in the comment after the scalar (`image: redis:7  # or image: redis`) is no matter.
    if (this.colonSpaceFrom(at) < stop || this.text.charCodeAt(stop - 1) === COLON) {
      throw UNSURE;
    }
    return stop;
  }

  /**
   * A scalar value starting at `at` (after `key:` or `-`, or alone on a line under one). Returns
   * the value when it is a header field.
   */
  value(at: number, lineEnd: number, collectionIndent: number, isHeader: boolean): string {
    const text = this.text;
    const first = text.charCodeAt(at);
    this.openIsHeader = false;
    if (first === 124 || first === 62) {
      // `|` or `>`, with an optional chomping indicator; explicit indentation is left to js-yaml.
      let index = at + 1;
      const chomp = text.charCodeAt(index);
      if (chomp === 43 || chomp === DASH) {
        index++;
      }
      if (isHeader || !this.restIsEmpty(index, lineEnd)) {
        throw UNSURE;
      }
      if (index < lineEnd && text.charCodeAt(index) !== SPACE) {
        throw UNSURE;
      }
      this.open = BLOCK;
      this.openIndent = collectionIndent;
      this.blockIndent = -1;
      if (this.build) {
        this.folded = first === 62;
        this.chomping = chomp === 43 ? KEEP : chomp === DASH ? STRIP : CLIP;
        this.blockParts = [];
        this.blockEmpty = 0;
        this.scalarTarget = this.target;
        this.scalarTargetKey = this.targetKey;
      }
      return '';
    }
    if (first === QUOTE || first === APOSTROPHE) {
      const close = closeQuote(this.text, at + 1, lineEnd, first);
      if (close < 0) {
        if (isHeader) {
          throw UNSURE;
        }
        this.open = QUOTED;
        this.quote = first;
        this.openIndent = collectionIndent;
        if (this.build) {
          this.quotedParts = [];
          this.quotedLine(at + 1, lineEnd);
          this.blanks = 0;
          this.scalarTarget = this.target;
          this.scalarTargetKey = this.targetKey;
        }
        return '';
      }
      if (!this.restIsEmpty(close + 1, lineEnd)) {
        throw UNSURE;
      }
      this.open = NONE;
      if (this.build) {
        const inner = text.slice(at + 1, close);
        this.place(quotedValue(first, inner));
        return '';
      }
      if (isHeader) {
        const inner = text.slice(at + 1, close);
        if (first === QUOTE && inner.includes('\\')) {
          throw UNSURE;
        }
        return first === APOSTROPHE ? inner.replace(/''/g, "'") : inner;
      }
      return '';
    }
    if (first === 123 || first === 91) {
      this.open = NONE;
      if (this.build) {
        // A flow collection that ends on its line (`[a, "b"]`, `{drop: [ALL]}`).
        const flow = new FlowReader(text, MAX_FAST_DEPTH);
        const end = flow.node(at, lineEnd, this.depth);
        if (!this.restIsEmpty(end, lineEnd)) {
          throw UNSURE;
        }
        this.place(flow.value);
        return '';
      }
      // Only empty flow collections: `{}` and `[]`.
      if (text.charCodeAt(at + 1) !== first + 2 || !this.restIsEmpty(at + 2, lineEnd) || isHeader) {
        throw UNSURE;
      }
      return '';
    }
    if (!plainStart(first, text.charCodeAt(at + 1), at + 1 === lineEnd)) {
      throw UNSURE;
    }
    const stop = this.plainText(at, lineEnd);
    this.open = stop < lineEnd ? NONE : PLAIN;
    this.openIndent = collectionIndent;
    if (this.build) {
      const scalar = text.slice(at, endOfSpaces(text, at, stop));
      this.plain = scalar;
      this.blanks = 0;
      this.scalarTarget = this.target;
      this.scalarTargetKey = this.targetKey;
      this.place(mayNotBeString(scalar) ? resolvePlainScalar(scalar) : scalar);
      return '';
    }
    if (isHeader) {
      const scalar = text.slice(at, endOfSpaces(text, at, stop));
      if (mayNotBeString(scalar)) {
        throw UNSURE;
      }
      this.openIsHeader = true;
      return scalar;
    }
    return '';
  }

  /**
   * A `key: value` line of the mapping at `depth - 1`, whose key {@link keyAt} has just found.
   */
  keyLine(lineEnd: number): void {
    const top = this.depth - 1;
    if (this.kinds[top] !== MAP) {
      throw UNSURE;
    }
    const build = this.build;
    if (!build) {
      // Building finds duplicates in the mapping it builds; checking only, by key hashes.
      const hash = this.foundHash;
      const list = this.keyLists[top] as number[];
      const set = this.keySets[top];
      if (set !== undefined) {
        if (set.has(hash)) {
          throw UNSURE;
        }
        set.add(hash);
      } else {
        if (list.includes(hash)) {
          throw UNSURE;
        }
        list.push(hash);
        if (list.length > 16) {
          this.keySets[top] = new Set(list);
        }
      }
    }
    // Key strings are needed only at the levels of the header (the root and its metadata), for
    // the object's annotations, or when building.
    const annotation =
      !build &&
      top === 2 &&
      this.parentKeys[2] === 'annotations' &&
      this.parentKeys[1] === 'metadata';
    const key =
      build || top === 0 || (top === 1 && this.parentKeys[1] === 'metadata') || annotation
        ? this.keyText()
        : '';
    if (annotation && key.startsWith('mamori.dev/')) {
      this.mamoriAnnotations = true;
    }
    const isHeader =
      !build &&
      ((top === 0 && HEADER_ROOT_KEYS.has(key)) || (top === 1 && HEADER_METADATA_KEYS.has(key)));
    if (build) {
      // A plain key that js-yaml would type (`true`, `-.5`) becomes that value's string.
      if (key === '__proto__' || (this.foundQuoted === undefined && !keepsItsText(key))) {
        throw UNSURE;
      }
      const container = this.containers[top] as Record<string, unknown>;
      if (Object.hasOwn(container, key)) {
        // A duplicate key, which js-yaml refuses.
        throw UNSURE;
      }
      // The key goes in with its value, before any later key: an empty value is placed as null
      // once the next line shows there is none (see placePendingNull).
      this.target = container;
      this.targetKey = key;
      const members = this.memberPositions[top];
      if (members !== undefined) {
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57) {
          // A key like "80" may be an array index, which JavaScript puts before other keys: the
          // order of the members would no longer be the order of the keys.
          this.positions?.delete(container);
          this.memberPositions[top] = undefined;
        } else {
          members.push(this.positionOf(this.foundStart));
        }
      }
    }
    const mapIndent = this.indents[top] ?? 0;
    const start = this.afterIndicator(this.foundColon + 1, lineEnd, PENDING_KEY, mapIndent, key);
    if (start < 0) {
      this.pendingHeader = isHeader;
      return;
    }
    const scalar = this.value(start, lineEnd, mapIndent, isHeader);
    if (isHeader) {
      this.header.set(key, scalar);
    }
  }

  /**
   * What follows `key:` or `-` from `from`: the offset of a value on the same line, or -1 when
   * there is none, in which case the node is pending (on the next lines, or null).
   */
  afterIndicator(
    from: number,
    lineEnd: number,
    pending: number,
    indent: number,
    key: string | undefined,
  ): number {
    const text = this.text;
    let start = from;
    while (start < lineEnd && text.charCodeAt(start) === SPACE) {
      start++;
    }
    if (start < lineEnd && text.charCodeAt(start) !== HASH) {
      return start;
    }
    this.pending = pending;
    this.pendingIndent = indent;
    this.pendingKey = key;
    this.pendingHeader = false;
    this.open = NONE;
    this.pendingTarget = this.target;
    this.pendingTargetKey = this.targetKey;
    return -1;
  }

  /** A `- …` line of the sequence at `depth - 1`; `at` is the dash. */
  entryLine(at: number, lineStart: number, lineEnd: number): void {
    const seqIndent = this.indents[this.depth - 1] ?? 0;
    const members = this.build ? this.memberPositions[this.depth - 1] : undefined;
    if (this.build) {
      const sequence = this.containers[this.depth - 1] as unknown[];
      this.target = sequence;
      this.targetKey = sequence.length;
    }
    const start = this.afterIndicator(at + 1, lineEnd, PENDING_ENTRY, seqIndent, undefined);
    if (start < 0) {
      // The item's content is on a later line, if anywhere.
      this.pendingItem = members;
      if (members !== undefined) {
        this.pendingItemIndex = members.length;
        members.push(-1);
      }
      return;
    }
    members?.push(this.positionOf(start));
    if (this.isEntry(start, lineEnd)) {
      throw UNSURE;
    }
    if (this.keyAt(start, lineEnd)) {
      this.push(MAP, start - lineStart, undefined);
      this.keyLine(lineEnd);
      return;
    }
    this.value(start, lineEnd, seqIndent, false);
  }

  /** A collection that starts a line: a sequence or a mapping. */
  node(at: number, lineStart: number, lineEnd: number, parentKey: string | undefined): void {
    const indent = at - lineStart;
    if (this.isEntry(at, lineEnd)) {
      this.push(SEQ, indent, parentKey);
      this.entryLine(at, lineStart, lineEnd);
    } else if (this.keyAt(at, lineEnd)) {
      this.push(MAP, indent, parentKey);
      this.keyLine(lineEnd);
    } else {
      throw UNSURE;
    }
  }

  /** A line at structural level: not inside a scalar. */
  structural(indent: number, at: number, lineStart: number, lineEnd: number): void {
    if (this.pending !== NONE) {
      const was = this.pending;
      this.pending = NONE;
      if (indent > this.pendingIndent) {
        if (this.pendingHeader) {
          throw UNSURE;
        }
        this.target = this.pendingTarget;
        this.targetKey = this.pendingTargetKey;
        if (was === PENDING_ENTRY && this.pendingItem !== undefined) {
          this.pendingItem[this.pendingItemIndex] = this.positionOf(at);
        }
        if (!this.isEntry(at, lineEnd) && !this.keyAt(at, lineEnd)) {
          // A scalar on its own line under `key:` or `-`.
          this.value(at, lineEnd, this.pendingIndent, false);
          return;
        }
        this.node(at, lineStart, lineEnd, was === PENDING_KEY ? this.pendingKey : undefined);
        return;
      }
      if (was === PENDING_KEY && indent === this.pendingIndent && this.isEntry(at, lineEnd)) {
        this.target = this.pendingTarget;
        this.targetKey = this.pendingTargetKey;
        this.push(SEQ, indent, this.pendingKey);
        this.indentless[this.depth - 1] = true;
        this.entryLine(at, lineStart, lineEnd);
        return;
      }
      // Otherwise the pending node was empty (null), which is fine unless it is in the header.
      if (this.pendingHeader) {
        throw UNSURE;
      }
      this.placePendingNull();
      // After an empty `-`, js-yaml reads a less indented `- ` line as the next entry of the same
      // sequence (`- a:\n  -\n- b` gives [{a: [null, b]}]): the syntax is fine, the value is not
      // this walk's to build.
      if (
        this.build &&
        was === PENDING_ENTRY &&
        indent < this.pendingIndent &&
        this.isEntry(at, lineEnd)
      ) {
        throw UNSURE;
      }
    }
    while (this.depth > 0 && (this.indents[this.depth - 1] ?? 0) > indent) {
      this.depth--;
    }
    if (this.depth === 0) {
      if (this.rootDone) {
        throw UNSURE;
      }
      this.rootDone = true;
      this.node(at, lineStart, lineEnd, undefined);
      return;
    }
    const top = this.depth - 1;
    if (this.indents[top] !== indent) {
      throw UNSURE;
    }
    if (this.kinds[top] === SEQ) {
      if (this.isEntry(at, lineEnd)) {
        this.entryLine(at, lineStart, lineEnd);
        return;
      }
      if (this.indentless[top] !== true) {
        throw UNSURE;
      }
      this.depth--;
    } else if (this.isEntry(at, lineEnd)) {
      throw UNSURE;
    }
    if (!this.keyAt(at, lineEnd)) {
      throw UNSURE;
    }
    this.keyLine(lineEnd);
  }

  /** A line that goes on with an open plain scalar. */
  continuation(at: number, lineEnd: number): void {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (
      this.openIsHeader ||
      (first !== QUOTE &&
        first !== APOSTROPHE &&
        !plainStart(first, text.charCodeAt(at + 1), at + 1 === lineEnd))
    ) {
      throw UNSURE;
    }
    const stop = this.plainText(at, lineEnd);
    if (this.build) {
      // Folded as js-yaml folds: one line break becomes a space, n blank lines n line breaks.
      const blanks = this.blanks;
      const scalar =
        this.plain +
        (blanks === 0 ? ' ' : '\n'.repeat(blanks)) +
        text.slice(at, endOfSpaces(text, at, stop));
      this.plain = scalar;
      this.blanks = 0;
      this.placeScalar(mayNotBeString(scalar) ? resolvePlainScalar(scalar) : scalar);
    }
    if (stop < lineEnd) {
      // A comment ends the scalar; a later continuation line would then be an error.
      this.open = NONE;
    }
  }

  run(): void {
    const text = this.text;
    const end = this.end;
    let lineStart = 0;
    let line = 0;
    if (text.startsWith('---')) {
      const first = text.indexOf('\n');
      const lineEnd = first < 0 ? end : lineEndBefore(text, first, 0);
      if (!this.restIsEmpty(3, lineEnd) || (lineEnd > 3 && text.charCodeAt(3) !== SPACE)) {
        throw UNSURE;
      }
      lineStart = (first < 0 ? end : first) + 1;
      line = 1;
    } else if (text.startsWith('%')) {
      throw UNSURE;
    }
    for (; lineStart < end; line++) {
      this.line = line;
      this.lineStart = lineStart;
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? end : lineEndBefore(text, newline, lineStart);
      let at = lineStart;
      while (at < lineEnd && text.charCodeAt(at) === SPACE) {
        at++;
      }
      const indent = at - lineStart;
      const next = (newline < 0 ? end : newline) + 1;
      const open = this.open;
      if (at === lineEnd) {
        // A blank line. Before a block scalar's first content line, leave spaces to js-yaml.
        if (open === BLOCK && this.blockIndent < 0 && indent > 0) {
          throw UNSURE;
        }
        if (open === BLOCK) {
          // Spaces beyond the content indentation would be content: left to js-yaml.
          if (this.blockIndent >= 0 && indent > this.blockIndent) {
            throw UNSURE;
          }
          this.blockEmpty++;
        } else if (open === PLAIN || open === QUOTED) {
          this.blanks++;
        }
        lineStart = next;
        continue;
      }
      if (open === BLOCK) {
        const blockIndent = this.blockIndent;
        if (blockIndent >= 0 ? indent >= blockIndent : indent > this.openIndent) {
          this.blockIndent = indent < blockIndent || blockIndent < 0 ? indent : blockIndent;
          if (this.build) {
            this.blockLine(lineStart, indent, lineEnd);
          }
          lineStart = next;
          continue;
        }
        if (this.build) {
          this.closeBlock();
        }
        this.open = NONE;
      } else if (open === QUOTED) {
        if (indent <= this.openIndent) {
          throw UNSURE;
        }
        const close = closeQuote(this.text, at, lineEnd, this.quote);
        if (close >= 0) {
          if (!this.restIsEmpty(close + 1, lineEnd)) {
            throw UNSURE;
          }
          this.open = NONE;
          if (this.build) {
            this.closeQuoted(at, close);
          }
        } else if (this.build) {
          this.quotedLine(at, lineEnd);
        }
        lineStart = next;
        continue;
      }
      const first = text.charCodeAt(at);
      if (indent === 0 && (first === DASH || first === 46)) {
        if (text.startsWith('---', at) || text.startsWith('...', at)) {
          throw UNSURE;
        }
      }
      if (first === HASH) {
        // A comment ends a plain scalar; a later continuation line would then be an error.
        if (this.open === PLAIN) {
          this.open = NONE;
        }
        lineStart = next;
        continue;
      }
      if (this.open === PLAIN) {
        if (indent > this.openIndent) {
          this.continuation(at, lineEnd);
          lineStart = next;
          continue;
        }
        this.open = NONE;
      }
      this.openIsHeader = false;
      this.structural(indent, at, lineStart, lineEnd);
      lineStart = next;
    }
    if (this.open === QUOTED || (this.pending !== NONE && this.pendingHeader)) {
      throw UNSURE;
    }
    if (this.pending !== NONE) {
      this.placePendingNull();
    }
    if (this.build && this.open === BLOCK) {
      this.closeBlock();
    }
  }

  result(): DocumentHeader | undefined {
    const header = this.header;
    const apiVersion = header.get('apiVersion');
    const kind = header.get('kind');
    const name = header.get('name');
    const namespace = header.get('namespace');
    const generateName = header.get('generateName');
    if (apiVersion === undefined || kind === undefined || apiVersion === '' || kind === '') {
      return undefined;
    }
    const out: DocumentHeader = { apiVersion, kind };
    if (name !== undefined) {
      out.name = name;
    }
    if (namespace !== undefined) {
      out.namespace = namespace;
    }
    if (generateName !== undefined) {
      out.generateName = generateName;
    }
    if (this.mamoriAnnotations) {
      out.mamoriAnnotations = true;
    }
    return out;
  }
}
