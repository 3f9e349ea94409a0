/**
 * Helpers for the tests of the decoders and locators.
 */
import { parserLocatorFor, recordedPosition } from './locate.js';
import { decodeFast, unpackPosition, type PositionTable } from './shallow.js';

/** Every JSON pointer into a decoded value, parents before children. */
export function pointersOf(value: unknown, prefix = '', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push(`${prefix}/${index}`);
      pointersOf(item, `${prefix}/${index}`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out.push(pointer);
      pointersOf(item, pointer, out);
    }
  }
  return out;
}

/** The decoded tokens of a JSON pointer. */
export function tokensOf(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Decodes `text` with {@link decodeFast} and compares every position it recorded with the full
 * parser's. Returns how many fields there were, how many had a recorded position, and the
 * disagreements; `undefined` when decodeFast leaves the document to js-yaml.
 */
export function recordedAgainstParser(
  text: string,
): { fields: number; recorded: number; mismatches: string[] } | undefined {
  const positions: PositionTable = new Map();
  const root = decodeFast(text, positions);
  if (root === undefined) {
    return undefined;
  }
  const parser = parserLocatorFor(text, 1);
  const outcome = { fields: 0, recorded: 0, mismatches: [] as string[] };
  for (const pointer of pointersOf(root)) {
    outcome.fields++;
    const packed = recordedPosition({ root, positions }, pointer);
    if (packed < 0) {
      continue;
    }
    outcome.recorded++;
    const { line, column } = unpackPosition(packed);
    const expected = parser(pointer);
    if (expected?.line !== line + 1 || expected.column !== column + 1) {
      outcome.mismatches.push(
        `${pointer}: recorded ${line + 1}:${column + 1}, parser ${expected?.line}:${expected?.column}`,
      );
    }
  }
  return outcome;
}
