import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeYamlDocument, splitDocuments } from './documents.js';
import { locateFast, splitLines } from './locate-fast.js';
import { jsonLocator } from './locate-json.js';
import { parserLocatorFor } from './locate.js';

const corpus = new URL('../../../shared/corpus/', import.meta.url).pathname;

function pointersOf(value: unknown, prefix = '', out: string[] = []): string[] {
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

describe('locateFast', () => {
  it('agrees with the full parser wherever it answers, over every field of the corpus workloads', () => {
    const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    let answered = 0;
    let checked = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      for (const document of splitDocuments(readFileSync(file, 'utf8'))) {
        if (document.text.length > 50_000) {
          continue;
        }
        let value: unknown;
        try {
          value = decodeYamlDocument(document);
        } catch {
          continue;
        }
        const lines = splitLines(document.text);
        const parser = parserLocatorFor(document.text, 1);
        for (const pointer of pointersOf(value)) {
          checked++;
          const tokens = pointer
            .slice(1)
            .split('/')
            .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
          const fast = locateFast(document.text, tokens, lines);
          if (fast === undefined) {
            continue;
          }
          if (fast === 'absent') {
            mismatches.push(`${file} ${pointer}: fast says absent`);
            continue;
          }
          answered++;
          const before = document.text.slice(0, fast.offset);
          const line = before.split('\n').length;
          const column = fast.offset - before.lastIndexOf('\n');
          const expected = parser(pointer);
          // (Where the full parser gives up on text js-yaml accepts, there is nothing to compare.)
          if (expected !== undefined && (expected.line !== line || expected.column !== column)) {
            mismatches.push(
              `${file} ${pointer}: fast ${line}:${column}, parser ${expected?.line}:${expected?.column}`,
            );
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The fast path must handle the common case, or it is not worth having. (It declines fields
    // inside flow collections and multi-line scalars, which are many of all fields but few of
    // those that findings point at.)
    expect(answered / checked).toBeGreaterThan(0.5);
  });
});

describe('jsonLocator', () => {
  it('agrees with the full parser on every field of the corpus JSON files', () => {
    const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.json$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    let answered = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        expect(jsonLocator(text)(['kind'])).toBeUndefined();
        continue;
      }
      const locate = jsonLocator(text);
      const parser = parserLocatorFor(text, 1);
      for (const pointer of pointersOf(value)) {
        const tokens = pointer
          .slice(1)
          .split('/')
          .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
        const found = locate(tokens);
        if (typeof found !== 'number') {
          mismatches.push(`${file} ${pointer}: ${String(found)}`);
          continue;
        }
        answered++;
        const before = text.slice(0, found);
        const line = before.split('\n').length;
        const column = found - before.lastIndexOf('\n');
        const expected = parser(pointer);
        if (expected?.line !== line || expected.column !== column) {
          mismatches.push(
            `${file} ${pointer}: json ${line}:${column}, parser ${expected?.line}:${expected?.column}`,
          );
        }
      }
      expect(locate(['no-such-field'])).toBe('absent');
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(answered).toBeGreaterThan(300);
  });

  it('reads escaped keys, nested arrays and the last of duplicate keys', () => {
    const text = '{"a\\u002fb": [1, {"c": [true, null]}], "d": 1, "d": {"e": "x,]}"}}';
    const locate = jsonLocator(text);
    expect(locate(['a/b', '1', 'c', '1'])).toBe(text.indexOf('null'));
    expect(locate(['d', 'e'])).toBe(text.indexOf('"e"'));
    expect(locate(['a/b', '2'])).toBe('absent');
    expect(jsonLocator('{"a": }')(['a'])).toBeUndefined();
  });
});
