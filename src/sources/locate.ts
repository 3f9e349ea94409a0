/**
 * Finding the source position of a JSON pointer in a document. Where the line walker decoded the
 * document, it recorded the positions of keys and items as it went, and those answer. Otherwise
 * block-style YAML, which is nearly every manifest, is handled by a line walk ({@link locateFast});
 * anything else is re-parsed with the position-tracking `yaml` package, once per document and only
 * for documents with findings.
 */
import type { Node } from 'yaml';
import type { PositionResolver, SourcePosition } from '../core/model.js';
import { yamlPackage } from './yaml-package.js';
import { locateFast, splitLines, type FastCache, type Line } from './locate-fast.js';
import { jsonLocator } from './locate-json.js';
import {
  decodeToken,
  NO_NODE,
  NOT_RECORDED,
  recordedDeepest,
  recordedPosition,
  unpackPosition,
  type RecordedPositions,
} from './positions.js';

/** Resolves pointers with the full parser. */
function parserLocator(
  text: string,
  toPosition: (offset: number) => SourcePosition,
  startLine: number,
) {
  let root: Node | null | undefined;
  return (tokens: readonly string[]): SourcePosition | undefined => {
    const { isMap, isScalar, isSeq, parseDocument } = yamlPackage();
    if (root === undefined) {
      try {
        root = parseDocument(text, { uniqueKeys: false }).contents;
      } catch {
        root = null;
      }
    }
    let node: unknown = root;
    let keyOffset: number | undefined;
    for (const token of tokens) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === token,
        );
        if (pair === undefined) {
          return undefined;
        }
        keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        node = pair.value;
      } else if (isSeq(node)) {
        const item: unknown = node.items[Number(token)];
        if (item === undefined) {
          return undefined;
        }
        node = item;
        keyOffset = undefined;
      } else {
        return undefined;
      }
    }
    if (keyOffset !== undefined) {
      return toPosition(keyOffset);
    }
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range === undefined ? { line: startLine, column: 1 } : toPosition(range[0]);
  };
}

/**
 * Answers pointers into one document. Everything it needs is made on the first question: most
 * documents are never asked (they have no findings).
 */
class Locator {
  #lines: Line[] | undefined;
  #cache: FastCache | undefined;
  #json: ReturnType<typeof jsonLocator> | null | undefined;
  #parser: ((tokens: readonly string[]) => SourcePosition | undefined) | undefined;
  // Many findings point at the same fields (every rule about a container's securityContext), and
  // a missing field is looked for again through its ancestors: remember every answer.
  #answers: Map<string, SourcePosition | undefined> | undefined;

  constructor(
    readonly text: string,
    readonly startLine: number,
    readonly recorded: RecordedPositions | undefined,
  ) {}

  locate(pointer: string): SourcePosition | undefined {
    this.#answers ??= new Map();
    const known = this.#answers.get(pointer);
    if (known !== undefined || this.#answers.has(pointer)) {
      return known;
    }
    let answer: SourcePosition | undefined;
    const packed =
      this.recorded !== undefined && pointer !== '' ? recordedPosition(this.recorded, pointer) : -1;
    if (packed >= 0) {
      const { line, column } = unpackPosition(packed);
      answer = { line: this.startLine + line, column: column + 1 };
    } else {
      answer = this.#resolve(pointer);
    }
    this.#answers.set(pointer, answer);
    return answer;
  }

  #toPosition(offset: number): SourcePosition {
    const all = (this.#lines ??= splitLines(this.text));
    // Binary search for the line holding the offset.
    let low = 0;
    let high = all.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((all[middle] as Line).start <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: this.startLine + low, column: offset - (all[low] as Line).start + 1 };
  }

  #resolve(pointer: string): SourcePosition | undefined {
    const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(decodeToken);
    if (tokens.length === 0) {
      return undefined;
    }
    // JSON (a `.json` file, or a YAML document written as JSON) has a scanner of its own.
    if (this.#json === undefined) {
      this.#json = /^\s*[[{]/.test(this.text) ? jsonLocator(this.text) : null;
    }
    if (this.#json !== null) {
      const found = this.#json(tokens);
      if (found === 'absent') {
        return undefined;
      }
      if (found !== undefined) {
        return this.#toPosition(found);
      }
    }
    const lines = (this.#lines ??= splitLines(this.text));
    const fast = locateFast(this.text, tokens, lines, (this.#cache ??= new Map() as FastCache));
    if (fast === 'absent') {
      return undefined;
    }
    if (fast !== undefined) {
      return this.#toPosition(fast.offset);
    }
    this.#parser ??= parserLocator(this.text, (offset) => this.#toPosition(offset), this.startLine);
    return this.#parser(tokens);
  }
}

/**
 * Returns a resolver for pointers into the document `text`, whose first line is `startLine`;
 * `recorded` is what the decoder noted of the document's positions, if it did.
 */
export function locatorFor(
  text: string,
  startLine: number,
  recorded?: RecordedPositions,
): PositionResolver {
  const locator = new Locator(text, startLine, recorded);
  const resolve: PositionResolver = (pointer) => locator.locate(pointer);
  if (recorded !== undefined) {
    resolve.deepest = (prefix, object, pointer) => {
      const packed = recordedDeepest(recorded, prefix, object, pointer);
      if (packed === NOT_RECORDED) {
        return undefined;
      }
      if (packed === NO_NODE) {
        return null;
      }
      const { line, column } = unpackPosition(packed);
      return { line: startLine + line, column: column + 1 };
    };
  }
  return resolve;
}

/** The full parser's answer, for tests that check the fast path against it. */
export function parserLocatorFor(text: string, startLine: number): PositionResolver {
  let lines: Line[] | undefined;
  const toPosition = (offset: number): SourcePosition => {
    lines ??= splitLines(text);
    let index = 0;
    while (index + 1 < lines.length && (lines[index + 1] as Line).start <= offset) {
      index++;
    }
    return { line: startLine + index, column: offset - (lines[index] as Line).start + 1 };
  };
  const parser = parserLocator(text, toPosition, startLine);
  return (pointer) =>
    pointer === '' ? undefined : parser(pointer.slice(1).split('/').map(decodeToken));
}
