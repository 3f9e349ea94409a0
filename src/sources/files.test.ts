import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READ_OPTIONS,
  decodeBytes,
  decodeText,
  expandPaths,
  readManifestFile,
} from './files.js';

const limits = DEFAULT_READ_OPTIONS.limits;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mamori-files-'));
}

describe('decodeText', () => {
  it('gives each object of rendered Helm output the template its document names', () => {
    const text = [
      '---\n# Source: shop/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
      '---\n# Source: shop/templates/list.yaml\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Secret, metadata: {name: b}}\n  - {apiVersion: v1, kind: Service, metadata: {name: c}}\n',
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n',
    ].join('');
    const { resources } = decodeText(text, '<stdin>', false, limits);
    expect(resources.map((resource) => [resource.ref.name, resource.template])).toEqual([
      ['a', 'shop/templates/config.yaml'],
      ['b', 'shop/templates/list.yaml'],
      ['c', 'shop/templates/list.yaml'],
      ['d', undefined],
    ]);
    // A document that cannot be decoded names its template too.
    const broken = decodeText(
      '---\n# Source: shop/templates/bad.yaml\napiVersion: v1\nkind: ConfigMap\nkind: Secret\n',
      '<stdin>',
      false,
      limits,
    );
    expect(broken.problems.map(({ code, line, template }) => ({ code, line, template }))).toEqual([
      { code: 'YAML_SYNTAX', line: 5, template: 'shop/templates/bad.yaml' },
    ]);
  });

  it('checks only the syntax of documents whose body nothing reads, and still reports errors', () => {
    const schema = Array.from(
      { length: 60 },
      (_, index) =>
        `        field${index}:\n          type: string\n          description: field ${index}`,
    ).join('\n');
    const crd = (name: string, extra = ''): string =>
      `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${name}\nspec:\n  group: example.com\n  schema:\n    properties:\n${schema}\n${extra}`;
    const text = [
      crd('good.example.com'),
      crd('broken.example.com', '  group: duplicate\n'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n',
    ].join('---\n');
    const needsBody = (kind: string): boolean => kind !== 'CustomResourceDefinition';
    const outcome = decodeText(text, 'x.yaml', false, limits, undefined, needsBody);
    expect(outcome.resources.map((resource) => resource.object)).toEqual([
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'good.example.com' },
      },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: 'b' } },
    ]);
    // The broken one was decoded in full, which gives the precise error.
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]?.message).toMatch(/duplicated mapping key/);
    // 188 lines per definition, then the `---` line: the duplicate key is on line 378.
    expect(outcome.problems[0]?.line).toBe(188 + 1 + 188 + 1);
    // Without the predicate, every body is decoded.
    const full = decodeText(text, 'x.yaml', false, limits);
    expect(full.resources[0]?.object).toHaveProperty('spec.group', 'example.com');
  });

  it('keeps scanning the documents around a malformed one', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [oops\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n';
    const outcome = decodeText(text, 'x.yaml', false, limits);
    expect(outcome.resources.map((resource) => resource.ref.name)).toEqual(['a', 'b']);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ code: 'YAML_SYNTAX', file: 'x.yaml', line: 5 });
    expect(outcome.resources[1]!.position.line).toBe(7);
  });

  it('lists documents that are not Kubernetes objects as skipped, with the reason', () => {
    const outcome = decodeText(
      'foo: bar\n---\n- 1\n---\napiVersion: v1\n',
      'x.yaml',
      false,
      limits,
    );
    expect(outcome.skipped.map((item) => [item.line, item.reason])).toEqual([
      [1, 'not a Kubernetes object: no apiVersion and kind'],
      [3, 'not a Kubernetes object: the document is a list'],
      [5, 'not a Kubernetes object: no kind'],
    ]);
  });

  it('unwraps List kinds and locates each item', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: one}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: two}\n';
    const outcome = decodeText(text, 'x.yaml', false, limits);
    expect(
      outcome.resources.map((resource) => [
        resource.ref.name,
        resource.position.line,
        resource.pointerPrefix,
      ]),
    ).toEqual([
      ['one', 4, '/items/0'],
      ['two', 7, '/items/1'],
    ]);
  });

  it('decodes a repeated document once, and locates each copy at its own lines', () => {
    const deployment = `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx\n${'          # padding, so that the document is remembered\n'.repeat(12)}`;
    const lines = deployment.split('\n').length - 1;
    const first = decodeText(`${deployment}${deployment}`, 'a.yaml', false, limits);
    const again = decodeText(deployment, 'b.yaml', false, limits);
    const [one, two] = first.resources;
    const [three] = again.resources;
    expect(one?.object).toBe(two?.object);
    expect(three?.object).toBe(one?.object);
    const image = '/spec/template/spec/containers/0/image';
    expect(one?.locate?.(image)).toEqual({ line: 11, column: 11 });
    expect(two?.locate?.(image)).toEqual({ line: 11 + lines, column: 11 });
    expect(three?.locate?.(image)).toEqual({ line: 11, column: 11 });
    expect([one, two, three].map((resource) => resource?.position.line)).toEqual([2, lines + 2, 2]);
  });

  it('does not count empty documents and skips an empty file with a reason', () => {
    expect(decodeText('---\n# only a comment\n---\n', 'x.yaml', false, limits).skipped).toEqual([]);
    expect(decodeText('  \n', 'e.yaml', false, limits).skipped).toEqual([
      { file: 'e.yaml', reason: 'empty file' },
    ]);
  });

  it('decodes JSON files and reports JSON syntax errors with positions', () => {
    expect(
      decodeText('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}', 'p.json', true, limits)
        .resources,
    ).toHaveLength(1);
    const bad = decodeText('{"apiVersion": "v1",\n "kind": }', 'bad.json', true, limits);
    expect(bad.problems[0]).toMatchObject({ code: 'JSON_SYNTAX', line: 2 });
  });
});

describe('decodeBytes', () => {
  it('refuses binary, UTF-16, non-UTF-8 and oversized input with a reason', () => {
    const options = DEFAULT_READ_OPTIONS;
    expect(
      decodeBytes(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), 'bin.yaml', false, options)
        .problems[0]?.code,
    ).toBe('BINARY_FILE');
    expect(
      decodeBytes(Buffer.from('\ufeffa: 1', 'utf16le'), 'u16.yaml', false, options).problems[0]
        ?.code,
    ).toBe('NOT_UTF8');
    const latin1 = decodeBytes(
      Buffer.from('a: 1\nb: caf\xe9\n', 'latin1'),
      'l1.yaml',
      false,
      options,
    );
    expect(latin1.problems[0]).toMatchObject({ code: 'NOT_UTF8', line: 2 });
    const big = decodeBytes(Buffer.alloc(2048, 0x61), 'big.yaml', false, {
      ...options,
      maxFileBytes: 1024,
    });
    expect(big.problems[0]?.code).toBe('TOO_LARGE');
  });
});

describe('expandPaths', () => {
  it('walks directories in order, keeps manifest extensions and reports missing paths', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'z.yml'), 'a: 1');
    writeFileSync(join(dir, 'a.yaml'), 'a: 1');
    writeFileSync(join(dir, 'notes.txt'), 'hi');
    const entries = [
      ...expandPaths([dir, join(dir, 'missing.yaml')], { exclude: [], kustomize: 'auto' }),
    ];
    expect(entries.map((entry) => entry.kind)).toEqual(['file', 'file', 'problem']);
    expect(entries[0]).toEqual({ kind: 'file', path: join(dir, 'a.yaml') });
    expect(entries[2]).toMatchObject({ problem: { code: 'NOT_FOUND' } });
  });

  it('reports symbolic link loops and broken links instead of following them forever', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'back'));
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'broken.yaml'));
    symlinkSync(join(dir, 'self.yaml'), join(dir, 'self.yaml'));
    const codes = [...expandPaths([dir], { exclude: [], kustomize: 'auto' })].map((entry) =>
      entry.kind === 'problem' ? entry.problem.code : entry.kind,
    );
    expect(codes.sort()).toEqual(['NOT_FOUND', 'SYMLINK_LOOP', 'SYMLINK_LOOP']);
  });

  it('honours exclusion globs and yields kustomization directories given explicitly', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'vendor', 'x.yaml'), 'a: 1');
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: []');
    expect(
      [...expandPaths([dir], { exclude: ['vendor/**'], kustomize: 'never' })].map(
        (entry) => entry.kind,
      ),
    ).toEqual(['file']);
    expect([...expandPaths([dir], { exclude: [], kustomize: 'auto' })]).toEqual([
      { kind: 'kustomize', path: dir },
    ]);
  });

  it('reports an unreadable path', () => {
    const dir = tempDir();
    expect(readManifestFile(dir, DEFAULT_READ_OPTIONS).problems[0]?.code).toBe('UNREADABLE');
  });
});
