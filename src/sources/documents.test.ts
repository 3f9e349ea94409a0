import { describe, expect, it } from 'vitest';
import {
  DecodeError,
  decodeJson,
  decodeYamlDocument,
  preambleOf,
  splitDocuments,
} from './documents.js';
import { locatorFor } from './locate.js';

describe('splitDocuments', () => {
  it('splits at marker lines and records where each document starts', () => {
    const text = 'a: 1\n---\nb: 2\n--- # comment\nc: 3\n...\n';
    const documents = splitDocuments(text);
    expect(documents.map((document) => [document.startLine, document.text.trim()])).toEqual([
      [1, 'a: 1'],
      [2, '---\nb: 2'],
      [4, '--- # comment\nc: 3'],
    ]);
  });

  it('takes only line feeds as line ends, as the walk does', () => {
    for (const text of ['a\u2028---\nb', 'a\r---\nb: 1\n', '----\n....\n---x\n']) {
      expect(splitDocuments(text)).toEqual([{ text, startLine: 1, index: 0 }]);
    }
    expect(splitDocuments('a: 1\n... # end\n---\nb: 2\n')).toEqual([
      { text: 'a: 1\n', startLine: 1, index: 0 },
      { text: '---\nb: 2\n', startLine: 3, index: 1 },
    ]);
  });

  it('does not split at dashes that are not markers', () => {
    const text = 'key: |\n  ---not a marker\nlist:\n- ---x\n';
    expect(splitDocuments(text)).toHaveLength(1);
  });
});

describe('decodeYamlDocument', () => {
  it('reports syntax errors at the line of the file, not of the document', () => {
    const [, second] = splitDocuments('a: 1\n---\nb: [1, 2\nc: 3\n');
    let caught: unknown;
    try {
      decodeYamlDocument(second!);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DecodeError);
    expect((caught as DecodeError).code).toBe('YAML_SYNTAX');
    expect((caught as DecodeError).line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a billion-laughs document quickly and with a clear reason', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    // Bounded work: the walk stops at the node budget rather than expanding 9^10 nodes.
    expect(() => decodeYamlDocument({ text: lines.join('\n'), startLine: 1, index: 0 })).toThrow(
      /alias bomb/,
    );
  });

  it('rejects documents nested deeper than the limit, and only those', () => {
    // A map whose value nests lists: the innermost list is `depth` levels below the root.
    const nested = (depth: number): string => `a: ${'['.repeat(depth)}${']'.repeat(depth)}`;
    let caught: unknown;
    try {
      decodeYamlDocument({ text: `x: 1\n${nested(300)}`, startLine: 7, index: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'TOO_DEEP', message: 'nesting deeper than 256 levels' });
    expect((caught as DecodeError).line).toBe(8);
    // The root is level 0: a node may sit 256 levels below it, not 257.
    expect(() => decodeYamlDocument({ text: nested(256), startLine: 1, index: 0 })).not.toThrow();
    expect(() => decodeYamlDocument({ text: nested(257), startLine: 1, index: 0 })).toThrow(
      'nesting deeper than 256 levels',
    );
    // Block nesting too, and a smaller limit where one is set.
    const block = Array.from({ length: 5 }, (_, level) => `${'  '.repeat(level)}k${level}:`).join(
      '\n',
    );
    const limits = { maxDepth: 3, maxNodes: 1000 };
    expect(() =>
      decodeYamlDocument({ text: `${block} 1\n`, startLine: 1, index: 0 }, limits),
    ).toThrow('nesting deeper than 3 levels');
    expect(
      decodeYamlDocument({ text: 'k0:\n  k1:\n    k2: 1\n', startLine: 1, index: 0 }, limits),
    ).toEqual({ k0: { k1: { k2: 1 } } });
  });

  it('names an alias that refers to a map or list containing it', () => {
    for (const text of ['a: &a [*a]', 'a: &a {b: {c: *a}}', 'x: 1\nl: &l\n  - m: *l\n']) {
      let caught: unknown;
      try {
        decodeYamlDocument({ text, startLine: 4, index: 0 });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({
        code: 'TOO_DEEP',
        line: 4,
        message:
          'an alias refers to a map or list that contains it, so the document nests without end',
      });
    }
  });

  it('keeps dates as strings and supports merge keys', () => {
    const value = decodeYamlDocument({
      text: 'base: &b {x: 1}\nd: 2024-01-02\nm:\n  <<: *b\n  y: 2\n',
      startLine: 1,
      index: 0,
    });
    expect(value).toEqual({ base: { x: 1 }, d: '2024-01-02', m: { x: 1, y: 2 } });
  });

  it('rejects duplicate keys, as the API server does', () => {
    expect(() => decodeYamlDocument({ text: 'a: 1\na: 2\n', startLine: 1, index: 0 })).toThrow(
      DecodeError,
    );
  });
});

describe('decodeJson', () => {
  it('gives the line and column of a syntax error', () => {
    try {
      decodeJson('{\n  "a": 1,\n  "b": ]\n}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).line).toBe(3);
      expect((error as DecodeError).column).toBe(8);
    }
  });
});

describe('locatorFor', () => {
  it('finds the key of a nested field and falls back to undefined for absent ones', () => {
    const text =
      'spec:\n  containers:\n    - name: a\n      securityContext:\n        privileged: true\n';
    const locate = locatorFor(text, 10);
    expect(locate('/spec/containers/0/securityContext/privileged')).toEqual({
      line: 14,
      column: 9,
    });
    expect(locate('/spec/containers/0')).toEqual({ line: 12, column: 7 });
    expect(locate('/spec/volumes')).toBeUndefined();
  });
});

/** The template a document's preamble names, as the document would be split off. */
function renderedFrom(text: string): string | undefined {
  return preambleOf({ text, startLine: 1, index: 0 }).template;
}

describe('preambleOf', () => {
  it('finds the line where the content starts, after markers, blanks, comments and directives', () => {
    const at = (text: string): number => preambleOf({ text, startLine: 5, index: 0 }).contentLine;
    expect(at('kind: Pod\n')).toBe(5);
    expect(at('--- # doc\n\n  # note\n%TAG ! x\nkind: Pod\n')).toBe(9);
    expect(at('\u00a0\nkind: Pod\n')).toBe(6);
    expect(at('- a\n')).toBe(5);
    expect(at('# only a comment\n')).toBe(5);
  });

  it("reads the template from helm template's comment before the content", () => {
    expect(renderedFrom('# Source: shop/templates/web.yaml\napiVersion: v1\n')).toBe(
      'shop/templates/web.yaml',
    );
    // After a marker line, blank lines and other comments, with Windows line ends.
    expect(
      renderedFrom('--- # doc\r\n\r\n# generated\r\n# Source:  a/b c.yaml \r\nkind: Pod\r\n'),
    ).toBe('a/b c.yaml');
    // The last such comment before the content wins.
    expect(renderedFrom('# Source: a.yaml\n# Source: b.yaml\nkind: Pod\n')).toBe('b.yaml');
  });

  it('looks no further than the content, and ignores what is not a path', () => {
    expect(renderedFrom('apiVersion: v1\n# Source: late.yaml\n')).toBeUndefined();
    expect(renderedFrom('kind: Pod\n')).toBeUndefined();
    expect(renderedFrom('')).toBeUndefined();
    expect(renderedFrom('# Source: \nkind: Pod\n')).toBeUndefined();
    expect(renderedFrom(`# Source: ${'x'.repeat(2000)}\nkind: Pod\n`)).toBeUndefined();
    expect(renderedFrom('# Sources: a.yaml\nkind: Pod\n')).toBeUndefined();
  });
});
