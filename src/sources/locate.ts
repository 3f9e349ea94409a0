/**
 * Finding the source position of a JSON pointer in a document, by re-parsing it with the
 * position-tracking `yaml` package. Done once per document, and only for documents with findings.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PositionResolver, SourcePosition } from '../core/model.js';

function decodeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Returns a resolver for pointers into the document `text`, whose first line is `startLine`. */
export function locatorFor(text: string, startLine: number): PositionResolver {
  let root: Node | null | undefined;
  let counter: LineCounter | undefined;
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = (counter as LineCounter).linePos(offset);
    return { line: startLine + line - 1, column: col };
  };
  return (pointer) => {
    if (counter === undefined) {
      counter = new LineCounter();
      try {
        const document = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
        root = document.contents;
      } catch {
        root = null;
      }
    }
    let node: unknown = root;
    let keyOffset: number | undefined;
    const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(decodeToken);
    for (const token of tokens) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
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
