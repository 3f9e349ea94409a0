/**
 * Helpers for the tests of the decoders and locators.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitDocuments, type DocumentText } from './documents.js';
import { parserLocatorFor } from './locate.js';
import { decodeFast } from './shallow.js';
import { recordedPosition, unpackPosition, type PositionTable } from './positions.js';

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

const corpus = new URL('../../../shared/corpus', import.meta.url).pathname;

/** The files of the real-world corpus (../shared/corpus) whose names match `pattern`. */
export function corpusFiles(pattern: RegExp): string[] {
  return readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A small deterministic generator, so that a failure reproduces. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Pieces of YAML syntax that mutations insert. */
const SNIPPETS = [
  ' ',
  '  ',
  ':',
  ': ',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '\\',
  '\\x',
  '|',
  '>-',
  '{',
  '}',
  '[',
  ']',
  '[]',
  '{}',
  '&a ',
  '*a',
  '!!str ',
  '? ',
  ',',
  '\n',
  '\n  ',
  '\n- ',
  'key: value\n',
  'true',
  '0',
  '---\n',
  '%',
  '@',
  '\t',
  '|+',
  '|-',
  '>',
  '\n\n',
  ' 0x1F',
  '-.5',
  '.inf',
  '~',
  'null',
  ' 1e3',
  ' 012',
  '"a\\tb\\u00e9"',
  "'it''s'",
  '\u00a0',
  '__proto__: ',
  '\r',
  '\r\n',
  '.d',
  '.',
  '404',
  '-_',
  '+',
  ' # a: b',
  '"a\n  b"',
  "'a\n\n  b'",
  '"\\ ',
];

/**
 * A mutation of a YAML text: one to three edits of its lines (inserted syntax, deleted characters,
 * duplicated, re-indented, dropped or replaced lines).
 */
export function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const operations = 1 + Math.floor(next() * 3);
  for (let step = 0; step < operations; step++) {
    const line = Math.floor(next() * lines.length);
    const current = lines[line] ?? '';
    const column = Math.floor(next() * (current.length + 1));
    const choice = next();
    if (choice < 0.3) {
      const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)] ?? '';
      lines[line] = current.slice(0, column) + snippet + current.slice(column);
    } else if (choice < 0.5) {
      lines[line] = current.slice(0, column) + current.slice(column + 1 + Math.floor(next() * 3));
    } else if (choice < 0.65) {
      lines.splice(line, 0, lines[Math.floor(next() * lines.length)] ?? '');
    } else if (choice < 0.8) {
      lines[line] = (next() < 0.5 ? ' ' : '') + current.replace(next() < 0.5 ? /^ / : /^$/, '');
    } else if (choice < 0.9) {
      lines.splice(line, 1);
    } else {
      const other = Math.floor(next() * lines.length);
      lines[line] = lines[other] ?? '';
    }
  }
  // Now and then with Windows line ends throughout.
  return lines.join(next() < 0.1 ? '\r\n' : '\n');
}

/** Every document of the corpus's YAML files, with its file. */
export function corpusDocuments(): { file: string; document: DocumentText }[] {
  return corpusFiles(/\.ya?ml$/i).flatMap((file) =>
    splitDocuments(readFileSync(file, 'utf8')).map((document) => ({ file, document })),
  );
}
