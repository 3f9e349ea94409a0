import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeYamlDocument } from './documents.js';
import { locateFast, splitLines } from './locate-fast.js';
import { jsonLocator } from './locate-json.js';
import { locatorFor, parserLocatorFor } from './locate.js';
import { decodeFast } from './shallow.js';
import { existingPrefix } from '../core/workload.js';
import {
  NO_NODE,
  NOT_RECORDED,
  recordedDeepest,
  recordedPosition,
  unpackPosition,
  type PositionTable,
  type RecordedPositions,
} from './positions.js';
import {
  corpusDocuments,
  corpusFiles,
  pointersOf,
  recordedAgainstParser,
  tokensOf,
} from './testing.js';

describe('locateFast', () => {
  it('agrees with the full parser wherever it answers, over every field of the corpus workloads', () => {
    let answered = 0;
    let checked = 0;
    const mismatches: string[] = [];
    for (const { file, document } of corpusDocuments()) {
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
        const tokens = tokensOf(pointer);
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
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The fast path must handle the common case, or it is not worth having. (It declines fields
    // inside flow collections and multi-line scalars, which are many of all fields but few of
    // those that findings point at.)
    expect(answered / checked).toBeGreaterThan(0.5);
  });
});

describe('positions recorded by the decoder', () => {
  it('agree with the full parser on every field of the corpus documents it decodes', () => {
    let fields = 0;
    let recorded = 0;
    const mismatches: string[] = [];
    for (const { file, document } of corpusDocuments()) {
      if (document.text.length > 50_000) {
        continue;
      }
      const outcome = recordedAgainstParser(document.text);
      fields += outcome?.fields ?? 0;
      recorded += outcome?.recorded ?? 0;
      mismatches.push(...(outcome?.mismatches ?? []).map((text) => `${file} ${text}`));
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // Only fields inside flow collections, and items with nothing after their `-`, go unrecorded.
    expect(recorded / fields).toBeGreaterThan(0.9);
  });

  it('cover keys, items on their own line, and fall back to the text elsewhere', () => {
    const text = [
      '---',
      'kind: Pod',
      'spec:',
      '  containers:',
      '  -',
      '    name: a',
      '  - name: b',
      '    ports: [80, 443]',
      '  - "quoted"',
      'data:',
      '  "8080": x',
      '  y: z',
      '',
    ].join('\n');
    const positions: PositionTable = new Map();
    const root = decodeFast(text, positions);
    const at = (pointer: string): string => {
      const packed = recordedPosition({ root, positions }, pointer);
      if (packed < 0) {
        return 'unknown';
      }
      const { line, column } = unpackPosition(packed);
      return `${line + 1}:${column + 1}`;
    };
    expect(at('/kind')).toBe('2:1');
    expect(at('/spec/containers')).toBe('4:3');
    expect(at('/spec/containers/0')).toBe('6:5');
    expect(at('/spec/containers/0/name')).toBe('6:5');
    expect(at('/spec/containers/1')).toBe('7:5');
    expect(at('/spec/containers/1/ports')).toBe('8:5');
    expect(at('/spec/containers/2')).toBe('9:5');
    // Inside a flow collection, and in mappings whose keys JavaScript reorders: not recorded.
    expect(at('/spec/containers/1/ports/1')).toBe('unknown');
    expect(at('/data/y')).toBe('unknown');
    expect(at('/spec/containers/3')).toBe('unknown');
    expect(at('/spec/missing')).toBe('unknown');
    // The locator reads the text where nothing was recorded, with the file's line numbers.
    const locate = locatorFor(text, 20, { root, positions });
    expect(locate('/spec/containers/1/name')).toEqual({ line: 26, column: 5 });
    expect(locate('/spec/containers/1/ports/1')).toEqual({ line: 27, column: 17 });
    expect(locate('/data/y')).toEqual({ line: 31, column: 3 });
  });
});

describe('recordedDeepest', () => {
  // What it replaces: the deepest existing prefix of the pointer, then that prefix's position.
  const stepByStep = (
    recorded: RecordedPositions,
    prefix: string,
    object: unknown,
    pointer: string,
  ): number => {
    const current = existingPrefix(object, pointer);
    if (prefix + current === '') {
      return NO_NODE;
    }
    return recordedPosition(recorded, prefix + current);
  };

  it('answers as the step-by-step walk does, for every field of the corpus and missing ones below', () => {
    let answered = 0;
    let compared = 0;
    for (const { document } of corpusDocuments()) {
      const positions: PositionTable = new Map();
      const root = decodeFast(document.text, positions);
      if (typeof root !== 'object' || root === null) {
        continue;
      }
      const recorded = { root, positions };
      const items = (root as { items?: unknown }).items;
      const objects: [string, unknown][] = [['', root]];
      if (Array.isArray(items)) {
        items.forEach((item, index) => objects.push([`/items/${index}`, item]));
      }
      for (const [prefix, object] of objects) {
        const pointers = pointersOf(object);
        for (const pointer of [
          ...pointers,
          '',
          '/missing',
          ...pointers.map((p) => `${p}/missing/0`),
        ]) {
          const fast = recordedDeepest(recorded, prefix, object, pointer);
          compared++;
          if (fast === NOT_RECORDED) {
            continue;
          }
          answered++;
          expect(fast, `${prefix} ${pointer}`).toBe(stepByStep(recorded, prefix, object, pointer));
        }
      }
    }
    expect(compared).toBeGreaterThan(100_000);
    expect(answered / compared).toBeGreaterThan(0.8);
  });

  it('says so when the record cannot tell, or when the object is not the one recorded', () => {
    const text = 'spec:\n  ports: [80, 443]\n  name: a\n';
    const positions: PositionTable = new Map();
    const root = decodeFast(text, positions) as { spec: object };
    const recorded = { root, positions };
    expect(recordedDeepest(recorded, '', root, '/spec/name')).toBe(
      recordedPosition(recorded, '/spec/name'),
    );
    expect(recordedDeepest(recorded, '', root, '/spec/ports/1')).toBe(NOT_RECORDED);
    expect(recordedDeepest(recorded, '', { ...root }, '/spec/name')).toBe(NOT_RECORDED);
    expect(recordedDeepest(recorded, '', root, '/other')).toBe(NO_NODE);
    // Through a locator: a position, or null for the object itself.
    const locate = locatorFor(text, 10, recorded);
    expect(locate.deepest?.('', root, '/spec/name/more')).toEqual({ line: 12, column: 3 });
    expect(locate.deepest?.('', root, '/other')).toBeNull();
    expect(locatorFor(text, 10).deepest).toBeUndefined();
  });
});

describe('jsonLocator', () => {
  it('agrees with the full parser on every field of the corpus JSON files', () => {
    const files = corpusFiles(/\.json$/);
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
        const tokens = tokensOf(pointer);
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
