/**
 * Source positions of decoded documents: the line walker (shallow.ts) records where each key and
 * sequence item of the collections it builds is, and the locator (locate.ts) answers a finding's
 * pointer from that record, without reading the text again.
 */

/**
 * Where the members of the collections {@link decodeFast} built are, by collection: for a
 * mapping, one entry per key in the mapping's key order; for a sequence, one per item. An entry
 * is {@link packPosition}'s packing of the line (from the document's first line, 0-based) and
 * column (0-based) of the key, or of the item's content; -1 when not known. Collections that are
 * not in the table (flow collections, mappings whose key order JavaScript would change) have no
 * recorded positions. Findings are located with it, without reading the text again.
 */
export type PositionTable = Map<object, number[]>;

/** Columns from here on are not recorded (-1), so that a packed position stays exact. */
const MAX_RECORDED_COLUMN = 65536;

/** Packs a line and column (both 0-based) into one number. */
export function packPosition(line: number, column: number): number {
  return column < MAX_RECORDED_COLUMN ? line * MAX_RECORDED_COLUMN + column : -1;
}

/** The line and column (both 0-based) of a packed position. */
export function unpackPosition(packed: number): { line: number; column: number } {
  return { line: Math.floor(packed / MAX_RECORDED_COLUMN), column: packed % MAX_RECORDED_COLUMN };
}

/** Decodes one JSON pointer token (`~1` is `/`, `~0` is `~`). */
export function decodeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

/** The positions the decoder recorded while building a document's value (see shallow.ts). */
export interface RecordedPositions {
  root: unknown;
  positions: PositionTable;
}

/**
 * The recorded position of the node at `pointer`: of its key, or of its content when it is a
 * sequence item; -1 when the path leaves what was recorded (a missing member, a flow collection,
 * a position not known), and the text must be read instead. The pointer is read in place: this
 * runs for every finding.
 */
export function recordedPosition(recorded: RecordedPositions, pointer: string): number {
  let node = recorded.root;
  let packed = -1;
  let start = 1;
  while (start <= pointer.length) {
    const slash = pointer.indexOf('/', start);
    const end = slash < 0 ? pointer.length : slash;
    const token = decodeToken(pointer.slice(start, end));
    start = end + 1;
    const members =
      typeof node === 'object' && node !== null ? recorded.positions.get(node) : undefined;
    if (members === undefined) {
      return -1;
    }
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!Number.isInteger(index) || index < 0 || String(index) !== token) {
        return -1;
      }
      packed = members[index] ?? -1;
      node = node[index];
    } else {
      const index = keyIndex(node as Record<string, unknown>, token);
      if (index < 0) {
        return -1;
      }
      packed = members[index] ?? -1;
      node = (node as Record<string, unknown>)[token];
    }
    if (packed < 0) {
      return -1;
    }
  }
  return packed;
}

/** Where `key` is in the key order of `node` (the order of its recorded members); -1 if absent. */
function keyIndex(node: Record<string, unknown>, key: string): number {
  let index = 0;
  for (const own in node) {
    if (own === key) {
      return index;
    }
    index++;
  }
  return -1;
}

/** {@link recordedDeepest}: the record cannot tell (a member without a noted position). */
export const NOT_RECORDED = -1;
/** {@link recordedDeepest}: no node of the pointer exists, and there was no prefix. */
export const NO_NODE = -2;

/**
 * The recorded position of the deepest node of `pointer` that exists in `object`, which is the
 * value at `prefix` in the recorded document (`''`, or a List item's `/items/3`): the answer a
 * walk of `existingPrefix` followed by {@link recordedPosition} of the prefix it found gives, in
 * one walk and without making the pointers in between. {@link NOT_RECORDED} when a collection on
 * the way has no recorded positions, {@link NO_NODE} when not even the pointer's first node
 * exists and there is no prefix.
 */
export function recordedDeepest(
  recorded: RecordedPositions,
  prefix: string,
  object: unknown,
  pointer: string,
): number {
  let node: unknown = recorded.root;
  let packed = NO_NODE;
  if (prefix !== '') {
    packed = recordedPosition(recorded, prefix);
    if (packed < 0) {
      return NOT_RECORDED;
    }
    for (const token of prefix.slice(1).split('/')) {
      node =
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[decodeToken(token)]
          : undefined;
    }
  }
  if (node !== object) {
    // Not the object the record was made for (a copy): the record cannot tell.
    return NOT_RECORDED;
  }
  const escaped = pointer.includes('~');
  let start = 1;
  while (start <= pointer.length) {
    const slash = pointer.indexOf('/', start);
    const end = slash < 0 ? pointer.length : slash;
    const raw = pointer.slice(start, end);
    const token = escaped ? decodeToken(raw) : raw;
    start = end + 1;
    let child: unknown;
    let index: number;
    if (Array.isArray(node)) {
      // As existingPrefix: an index without leading zeros, of an item that is there.
      if (!CANONICAL_INDEX.test(token)) {
        break;
      }
      index = Number(token);
      child = node[index];
      if (child === undefined) {
        break;
      }
    } else if (typeof node === 'object' && node !== null) {
      // The decoder's mappings have only their own, enumerable keys: a key not in the key
      // order is not there (where existingPrefix stops too).
      index = keyIndex(node as Record<string, unknown>, token);
      if (index < 0) {
        break;
      }
      child = (node as Record<string, unknown>)[token];
    } else {
      break;
    }
    const members = recorded.positions.get(node);
    const position = members === undefined ? -1 : (members[index] ?? -1);
    if (position < 0) {
      return NOT_RECORDED;
    }
    packed = position;
    node = child;
  }
  return packed;
}

const CANONICAL_INDEX = /^(?:0|[1-9]\d*)$/;
