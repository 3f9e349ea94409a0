/**
 * The shallow check may only vouch for a document when js-yaml decodes it without error and with
 * the same header, and the fast decoder may only return a value when js-yaml returns the same
 * value (same types, same key order). Checked on hand-written cases, on every document of the real-world corpus, and
 * differentially on many thousands of mutated corpus documents.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeYamlDocument } from './documents.js';
import { decodeFast, shallowScan, type DocumentHeader } from './shallow.js';
import { corpusDocuments, mutate, random, recordedAgainstParser } from './testing.js';

/** What a full decode says, in the shape of a header; `error` if js-yaml refuses the text. */
function decoded(text: string): DocumentHeader | 'error' | undefined {
  let value: unknown;
  try {
    value = decodeYamlDocument({ text, startLine: 1, index: 0 });
  } catch {
    return 'error';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const object = value as Record<string, unknown>;
  const metadata = (
    typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}
  ) as Record<string, unknown>;
  const header: Record<string, unknown> = { apiVersion: object.apiVersion, kind: object.kind };
  for (const key of ['name', 'namespace', 'generateName']) {
    if (metadata[key] !== undefined) {
      header[key] = metadata[key];
    }
  }
  const annotations = metadata.annotations;
  if (
    typeof annotations === 'object' &&
    annotations !== null &&
    Object.keys(annotations).some((key) => key.startsWith('mamori.dev/'))
  ) {
    header.mamoriAnnotations = true;
  }
  return header as unknown as DocumentHeader;
}

/** Asserts the one-way promise: a header means js-yaml agrees. */
function expectSound(text: string): DocumentHeader | undefined {
  const header = shallowScan(text);
  if (header !== undefined) {
    const full = decoded(text);
    if (full === 'error' || JSON.stringify(full) !== JSON.stringify(header)) {
      throw new Error(
        `shallowScan vouched for a document that js-yaml decodes as ${JSON.stringify(full)}:\n${text}`,
      );
    }
  }
  return header;
}

/** Asserts decodeFast's promise: a value means js-yaml returns the same value. */
function expectSameValue(text: string): unknown {
  const fast = decodeFast(text);
  if (fast !== undefined) {
    let full: unknown;
    try {
      full = decodeYamlDocument({ text, startLine: 1, index: 0 });
    } catch (error) {
      throw new Error(`decodeFast decoded a document that js-yaml refuses:\n${text}`, {
        cause: error,
      });
    }
    // Deep equality catches -0 and NaN; the JSON text catches key order.
    if (!isDeepStrictEqual(fast, full) || JSON.stringify(fast) !== JSON.stringify(full)) {
      throw new Error(
        `decodeFast and js-yaml disagree:\n${JSON.stringify(fast)}\n${JSON.stringify(full)}\n${text}`,
      );
    }
  }
  return fast;
}

function corpusTexts(): string[] {
  return corpusDocuments().map(({ document }) => document.text);
}

/** The share of the corpus's bytes in documents for which `check` returns something. */
function corpusShare(check: (text: string) => unknown): number {
  let bytes = 0;
  let answered = 0;
  for (const text of corpusTexts()) {
    bytes += text.length;
    if (check(text) !== undefined) {
      answered += text.length;
    }
  }
  return answered / bytes;
}

describe('shallowScan', () => {
  it('notes mamori annotations of the object (which may suppress findings), and only those', () => {
    const crd = (annotations: string, spec: string): string =>
      `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: a.b\n${annotations}spec:\n${spec}`;
    const annotated = crd(
      '  annotations:\n    other: x\n    "mamori.dev/ignore": api/deprecated-version\n    mamori.dev/ignore-reason: vendored\n',
      '  group: b\n',
    );
    expect(expectSound(annotated)).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'a.b',
      mamoriAnnotations: true,
    });
    // Elsewhere the text is only text: a description, a pod template's annotations.
    for (const text of [
      crd(
        '  annotations:\n    other: mamori.dev/ignore\n',
        '  description: see mamori.dev/ignore\n',
      ),
      crd('', '  template:\n    metadata:\n      annotations:\n        mamori.dev/ignore: x\n'),
      crd('  labels:\n    mamori.dev/ignore: x\n', '  group: b\n'),
    ]) {
      expect(expectSound(text)?.mamoriAnnotations).toBeUndefined();
    }
  });

  it('reads the header of a plain manifest', () => {
    const text = [
      '---',
      '# a comment',
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata:',
      "  name: 'widgets.example.com'",
      '  namespace: "tools"',
      '  labels: {}',
      'spec:',
      '  versions:',
      '  - name: v1',
      '    schema:',
      '      description: |-',
      '        Free text: with colons, # hashes',
      '',
      '        and blank lines.',
      '      enum:',
      '      - a',
      '      - "b"',
      "      - 'c''s'",
      '      pattern: ^[a-z]+$',
      '      note: a plain scalar',
      '        that goes on',
      '      quoted: "line one',
      '        line two \\u00e9"',
    ].join('\n');
    expect(expectSound(text)).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'widgets.example.com',
      namespace: 'tools',
    });
  });

  it.each([
    ['a duplicate key', 'apiVersion: v1\nkind: A\nkind: B\n'],
    ['a duplicate nested key', 'apiVersion: v1\nkind: A\nspec:\n  a: 1\n  b: 2\n  a: 3\n'],
    ['bad indentation', 'apiVersion: v1\nkind: A\nspec:\n  a: 1\n   b: 2\n'],
    ['a value and a child', 'apiVersion: v1\nkind: A\nspec: x\n  a: 1\n'],
    ['an unterminated quote', 'apiVersion: v1\nkind: A\nspec: "abc\n'],
    ['an unknown escape', 'apiVersion: v1\nkind: A\nspec: "a\\qb"\n'],
    ['text after a quoted scalar', 'apiVersion: v1\nkind: A\nspec: "a" b\n'],
    ['a tab', 'apiVersion: v1\nkind: A\nspec:\n\ta: 1\n'],
    ['an alias', 'apiVersion: v1\nkind: A\nspec: *x\n'],
    ['a flow mapping', 'apiVersion: v1\nkind: A\nspec: {a: 1}\n'],
    ['a numeric kind', 'apiVersion: v1\nkind: 1\n'],
    ['a multi-line kind', 'apiVersion: v1\nkind: A\n  B\n'],
    ['no kind', 'apiVersion: v1\nmetadata:\n  name: x\n'],
    ['a control character', 'apiVersion: v1\nkind: A\nspec: a\u0007\n'],
    ['a mapping in a scalar', 'apiVersion: v1\nkind: A\nspec: a: b\n'],
    ['a second root', 'apiVersion: v1\nkind: A\n- x\n'],
  ])('leaves %s to the full decoder', (_, text) => {
    expect(shallowScan(text)).toBeUndefined();
  });

  it('vouches for most of the corpus, and only for what js-yaml decodes the same', () => {
    // Nearly all bytes of the corpus are in documents the check can vouch for.
    expect(corpusShare(expectSound)).toBeGreaterThan(0.9);
  });

  it('never vouches for, or decodes, a mutated document that js-yaml refuses or reads differently', () => {
    const next = random(Number(process.env.FUZZ_SEED ?? 20261123));
    const sources = corpusTexts()
      .filter((text) => text.length > 200)
      // Windows of large documents keep each js-yaml decode cheap.
      .map((text) => text.split('\n').slice(0, 150).join('\n'));
    let vouched = 0;
    let refused = 0;
    let built = 0;
    let located = 0;
    for (let round = 0; round < Number(process.env.FUZZ_ROUNDS ?? 20_000); round++) {
      const source = sources[Math.floor(next() * sources.length)] ?? '';
      const text = mutate(source, next);
      if (expectSound(text) !== undefined) {
        vouched++;
      } else if (decoded(text) === 'error') {
        refused++;
      }
      if (expectSameValue(text) !== undefined) {
        built++;
        // The positions recorded while building, against the full parser's (on every tenth
        // document: the parser is slow).
        if (built % 10 === 0) {
          const mismatches = recordedAgainstParser(text)?.mismatches ?? [];
          if (mismatches.length > 0) {
            throw new Error(`recorded positions disagree:\n${mismatches.join('\n')}\n${text}`);
          }
          located++;
        }
      }
    }
    // The mutations must exercise both sides for the test to mean anything.
    expect(vouched).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(2_000);
    expect(built).toBeGreaterThan(2_000);
    expect(located).toBeGreaterThan(200);
  });
});

describe('decodeFast', () => {
  const decodes = (text: string): unknown => {
    const value = expectSameValue(text);
    expect(value).toBeDefined();
    return value;
  };

  it('gives empty values null in their place, in key order', () => {
    const cases: [string, unknown][] = [
      ['a:\nb: 1\n', { a: null, b: 1 }],
      ['a:\n  # a comment\n\nb:\n', { a: null, b: null }],
      ['a:\n  x:\n  y:\nb: 2', { a: { x: null, y: null }, b: 2 }],
      ['- \n- x\n-\n', [null, 'x', null]],
      ['a:\n-\n- b:\n  c: 1\n', { a: [null, { b: null, c: 1 }] }],
    ];
    for (const [text, value] of cases) {
      const decoded = decodes(text);
      expect(decoded).toEqual(value);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(value));
    }
  });

  it('builds mappings, sequences and typed plain scalars as js-yaml does', () => {
    expect(
      decodes(
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web # a comment',
          '  labels: {}',
          'spec:',
          '  replicas: 3',
          '  paused: false',
          '  ratio: 0.5',
          '  hex: 0x1F',
          '  nothing:',
          '  tilde: ~',
          '  version: 1.2.3',
          '  cidr: 0.0.0.0/0',
          '  cpu: 100m',
          '  list:',
          '  - a',
          '  -',
          '  - key: value',
          '    other: "quoted \\"x\\" \\u00e9\\x41"',
          "    single: 'it''s'",
          '  empty: []',
        ].join('\n'),
      ),
    ).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: {} },
      spec: {
        replicas: 3,
        paused: false,
        ratio: 0.5,
        hex: 31,
        nothing: null,
        tilde: null,
        version: '1.2.3',
        cidr: '0.0.0.0/0',
        cpu: '100m',
        list: ['a', null, { key: 'value', other: 'quoted "x" \u00e9A', single: "it's" }],
        empty: [],
      },
    });
  });

  it('reads flow collections that end on their line', () => {
    expect(
      decodes(
        [
          'args: ["--port", \'8080\', -v, x#y]',
          'securityContext: {runAsUser: 1000, capabilities: {drop: [ALL], add: []}}',
          'nested: [ [1, 0x10], {a: "b\\tc"} ]  # a comment',
          'spaced: {a : ~, b: true}',
        ].join('\n'),
      ),
    ).toEqual({
      args: ['--port', '8080', '-v', 'x#y'],
      securityContext: { runAsUser: 1000, capabilities: { drop: ['ALL'], add: [] } },
      nested: [[1, 16], { a: 'b\tc' }],
      spaced: { a: null, b: true },
    });
  });

  it('folds multi-line plain scalars and reads block scalars with each chomping', () => {
    expect(
      decodes(
        [
          'note: a plain scalar',
          '  that goes on',
          '',
          '  after a blank line',
          'clip: |',
          '  line one',
          '    indented',
          '',
          '  line three',
          '',
          'strip: |-',
          '  text',
          'keep: |+',
          '  text',
          '',
          '',
          'folded: >',
          '  one',
          '  two',
          '',
          '  three',
          'last: |',
          '',
          '  after a leading blank',
        ].join('\n'),
      ),
    ).toEqual({
      note: 'a plain scalar that goes on\nafter a blank line',
      clip: 'line one\n  indented\n\nline three\n',
      strip: 'text',
      keep: 'text\n\n\n',
      folded: 'one two\nthree\n',
      last: '\nafter a leading blank\n',
    });
  });

  it('reads Windows line ends as js-yaml does', () => {
    const text = [
      '---',
      'kind: ConfigMap',
      'data:',
      '  script: |',
      '    one',
      '',
      '    two',
      '  folded: plain text',
      '    that goes on',
      '  quoted: "first',
      '    second"',
      'list:',
      '- a',
      '- {b: 1}',
      '',
    ].join('\r\n');
    expect(decodes(text)).toEqual({
      kind: 'ConfigMap',
      data: {
        script: 'one\n\ntwo\n',
        folded: 'plain text that goes on',
        quoted: 'first second',
      },
      list: ['a', { b: 1 }],
    });
  });

  it('folds multi-line quoted scalars as js-yaml does', () => {
    expect(
      decodes(
        [
          'double: "one  ',
          '    two \\t',
          '',
          '',
          '    three\\x41 "',
          "single: 'it''s",
          '  #not a comment',
          '',
          "  ok'  # a comment",
          'empty-first: "',
          '  after"',
          'backslashes: "one\\\\',
          '  two\\\\\\\\  ',
          '  \\ three"',
          'escaped: "one  \\',
          '',
          '    two\\ ',
          '  three \\',
          '  "',
          'item:',
          '- "a',
          '  b"',
        ].join('\n'),
      ),
    ).toEqual({
      double: 'one two \t\n\nthreeA ',
      single: "it's #not a comment\nok",
      'empty-first': ' after',
      backslashes: 'one\\ two\\\\  three',
      escaped: 'one  two  three ',
      item: ['a b'],
    });
  });

  it('reads keys that js-yaml stores under their own text, and comments holding ": "', () => {
    expect(
      decodes(
        [
          'data:',
          '  .dockerconfigjson: e30=',
          '  404: page',
          '  true: yes',
          '  null: no',
          'image: redis:7  # or image: redis',
          'flags: [-e, +x, .git]',
          'args:',
          '- --config',
          '- -_-',
        ].join('\n'),
      ),
    ).toEqual({
      data: { 404: 'page', '.dockerconfigjson': 'e30=', true: 'yes', null: 'no' },
      image: 'redis:7',
      flags: ['-e', '+x', '.git'],
      args: ['--config', '-_-'],
    });
  });

  it('reads a document of only comments and blank lines as null, as js-yaml does', () => {
    for (const text of [
      '---\n\n',
      '# only a comment\n\n# and another\n',
      '--- # note\r\n\r\n',
      '',
    ]) {
      expect(decodeFast(text)).toBeNull();
      expect(decodeYamlDocument({ text, startLine: 1, index: 0 }) ?? null).toBeNull();
    }
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['an implicit pair in a flow sequence', 'a: [b: c]\n'],
    ['an empty flow entry', 'a: [1, , 2]\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['a flow mapping entry without a value', 'a: {b}\n'],
    ['a flow collection over several lines', 'a: [1,\n  2]\n'],
    ['a duplicate key in a flow mapping', 'a: {b: 1, "b": 2}\n'],
    ['a lone carriage return (a line break to js-yaml)', 'a: 1\rb: 2\n'],
    ['a more-indented line in a folded scalar', 'a: >\n  one\n    two\n'],
    ['a key that js-yaml would type', 'True: 1\n'],
    ['a number key that js-yaml would write otherwise', '0x1F: 1\n'],
    ['a float key', '.5: 1\n'],
    ['a __proto__ key', '"__proto__": {}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a root scalar', 'just text\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(decodeFast(text)).toBeUndefined();
  });

  it('never decodes a random flow collection differently from js-yaml', () => {
    const next = random(Number(process.env.FUZZ_SEED ?? 20261123));
    const tokens = [
      '[',
      ']',
      '{',
      '}',
      ', ',
      ',',
      ' ',
      ': ',
      ':',
      'a',
      'b c',
      '1',
      '-1',
      '-x',
      '"x\\ty"',
      "'y''z'",
      '#',
      ' #c',
      '-',
      'true',
      '~',
      '""',
      '0x1F',
      '.5',
      '? ',
      '[]',
      '{}',
      'k: v',
      '"k": 1',
      '!t ',
      '&a ',
      '*a',
    ];
    let built = 0;
    const rounds = Number(process.env.FUZZ_ROUNDS ?? 20_000);
    for (let round = 0; round < rounds; round++) {
      const open = next() < 0.5 ? '[' : '{';
      const length = 1 + Math.floor(next() * 10);
      const parts = Array.from({ length }, () => tokens[Math.floor(next() * tokens.length)] ?? '');
      const text = `a: 1\nk: ${open}${parts.join('')}${next() < 0.8 ? (open === '[' ? ']' : '}') : ''}\n`;
      if (expectSameValue(text) !== undefined) {
        built++;
      }
    }
    // Enough of them must be decodable for the comparison to mean anything.
    expect(built).toBeGreaterThan(rounds / 50);
  });

  it('decodes most of the corpus, and only to what js-yaml returns', () => {
    expect(corpusShare(expectSameValue)).toBeGreaterThan(0.85);
  });

  it('decodes the corpus with Windows line ends as it does without, and as js-yaml does', () => {
    const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
    expect(corpusShare((text) => expectSameValue(crlf(text)))).toBeGreaterThan(0.85);
    expect(corpusShare((text) => expectSound(crlf(text)))).toBeGreaterThan(0.9);
  });
});

describe('shallowScan on repeated large documents', () => {
  const large = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.example.com',
    'spec:',
    ...Array.from({ length: 400 }, (_, index) => `  field${index}: value ${index}`),
  ].join('\n');

  it('answers a copy the same, and hands out headers the caller may change', () => {
    const first = shallowScan(large);
    expect(first).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'widgets.example.com',
    });
    first!.name = 'changed';
    expect(shallowScan(`${large.slice(0, 10)}${large.slice(10)}`)?.name).toBe(
      'widgets.example.com',
    );
  });

  it('still refuses a large invalid document every time', () => {
    const broken = `${large}\n  field0: duplicate\n`;
    expect(shallowScan(broken)).toBeUndefined();
    expect(shallowScan(broken)).toBeUndefined();
  });
});
