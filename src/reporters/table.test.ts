import { describe, expect, it } from 'vitest';
import {
  contextOf,
  deepFreeze,
  emptyResult,
  findingOf,
  helmResult,
  hostileResult,
  mixedResult,
  reversed,
} from '../../test/reporters/fixtures.js';
import { tableReporter } from './table.js';
import { displayWidth, terminalSafe } from './terminal.js';

const ESC = '\u001b';

describe('tableReporter', () => {
  it('groups findings by file and object, then lists errors, skipped items and a summary', () => {
    const output = tableReporter(deepFreeze(structuredClone(mixedResult)), contextOf());
    expect(output.split('\n')).toEqual([
      'deploy/svc.yaml',
      '  Service front (line 7)',
      '    7:3  LOW  network/service-node-port  Service is a NodePort.',
      '',
      'deploy/web.yaml',
      '  Deployment shop/web (line 20)',
      '    20:11  INFO      custom/unknown             Something informative.',
      '    20:11  CRITICAL  hardening/privileged       Container "app" runs privileged.',
      '    30:9   MEDIUM    hardening/run-as-non-root  Container "sidecar" may run as root.',
      '',
      'Errors (3)',
      '  broken.yaml:3:5      YAML_SYNTAX                          bad indentation of a mapping entry',
      '  deploy/web.yaml:1:1  RULE_CRASHED (hardening/privileged)  Rule hardening/privileged crashed: TypeError: x is undefined.',
      '  missing.yaml         NOT_FOUND                            No such file or directory.',
      '',
      'Skipped (2)',
      '  charts/values.yaml  Helm values file.',
      '  deploy/web.yaml:60  Not a Kubernetes object (no kind).',
      '',
      '✖ 4 findings (1 critical, 0 high, 1 medium, 1 low, 1 info), 2 suppressed · 5 files, 6 resources · 3 errors, 2 skipped',
      '',
    ]);
  });

  it('hides suppressed findings but counts them', () => {
    const output = tableReporter(mixedResult, contextOf());
    expect(output).not.toContain('debug');
    expect(output).not.toContain('rbac/role.yaml');
    expect(output).toContain('2 suppressed');
  });

  it('speaks Japanese, aligning columns by display width', () => {
    const lines = tableReporter(mixedResult, contextOf({ lang: 'ja' })).split('\n');
    expect(lines).toContain('  Deployment shop/web（20 行目）');
    expect(lines).toContain('    20:11  情報  custom/unknown             Something informative.');
    expect(lines).toContain(
      '    30:9   中    hardening/run-as-non-root  Container "sidecar" may run as root.',
    );
    expect(lines).toContain('エラー（3 件）');
    expect(lines).toContain('スキップ（2 件）');
    expect(lines.at(-2)).toBe(
      '✖ 4 件の検出（重大 1、高 0、中 1、低 1、情報 1）、抑制 2 件 · ファイル 5 件、リソース 6 件 · エラー 3 件、スキップ 2 件',
    );
  });

  it('reports a clean scan in one line', () => {
    const clean = { ...emptyResult, stats: { files: 1, documents: 1, resources: 1, bytes: 10 } };
    expect(tableReporter(clean, contextOf())).toBe(
      '✔ No findings · 1 file, 1 resource · 0 errors, 0 skipped\n',
    );
    expect(tableReporter(clean, contextOf({ lang: 'ja' }))).toBe(
      '✔ 検出なし · ファイル 1 件、リソース 1 件 · エラー 0 件、スキップ 0 件\n',
    );
  });

  it('passes when findings stay below the threshold', () => {
    const low = { ...emptyResult, findings: [findingOf({ severity: 'low' })] };
    expect(tableReporter(low, contextOf({ failOn: 'high' }))).toMatch(/\n✔ 1 finding \(/);
    expect(tableReporter(low, contextOf({ failOn: 'low' }))).toMatch(/\n✖ 1 finding \(/);
    expect(tableReporter(low, contextOf({ failOn: 'none' }))).toMatch(/\n✔ 1 finding \(/);
  });

  it('colours only when asked', () => {
    expect(tableReporter(mixedResult, contextOf())).not.toContain(ESC);
    const coloured = tableReporter(mixedResult, contextOf({ color: true }));
    expect(coloured).toContain(`${ESC}[1;35mCRITICAL${ESC}[0m`);
    expect(coloured).toContain(`${ESC}[33mMEDIUM  ${ESC}[0m`);
    // Without the escapes, the coloured table is the plain one.
    const ansi = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
    expect(coloured.replace(ansi, '')).toBe(tableReporter(mixedResult, contextOf()));
  });

  it('neutralises control characters and bidi overrides in untrusted text', () => {
    for (const color of [false, true]) {
      const output = tableReporter(hostileResult, contextOf({ color }));
      const withoutOwnEscapes = output.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '');
      for (const char of withoutOwnEscapes) {
        const code = char.codePointAt(0) ?? 0;
        expect(
          code === 0x0a || (code >= 0x20 && code !== 0x7f && (code < 0x80 || code > 0x9f)),
        ).toBe(true);
        expect(code).not.toBe(0x202e);
      }
      expect(withoutOwnEscapes).toContain('\\x1b[31mred\\x1b[0m');
      expect(withoutOwnEscapes).toContain('\\u202eevil\\ud800');
    }
  });

  it('gives the same bytes for the same scan in any order', () => {
    const first = tableReporter(mixedResult, contextOf());
    expect(tableReporter(reversed(mixedResult), contextOf())).toBe(first);
    expect(tableReporter(mixedResult, contextOf())).toBe(first);
  });
});

describe('terminal helpers', () => {
  it('counts wide characters as two cells', () => {
    expect(displayWidth('重大')).toBe(4);
    expect(displayWidth('HIGH')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('turns line breaks into spaces and escapes other controls', () => {
    expect(terminalSafe('a\nb\tc\u0007d\u009be')).toBe('a b c\\x07d\\x9be');
  });

  it('names the chart template an object was rendered from, in either language', () => {
    expect(tableReporter(helmResult, contextOf()).split('\n')[1]).toBe(
      '  Deployment shop/web (line 14, from shop/templates/deployment.yaml)',
    );
    expect(tableReporter(helmResult, contextOf({ lang: 'ja' })).split('\n')[1]).toBe(
      '  Deployment shop/web（14 行目、shop/templates/deployment.yaml から）',
    );
    expect(tableReporter(helmResult, contextOf())).toContain(
      '  <stdin>:40:3 (shop/templates/config.yaml)  YAML_SYNTAX  bad indentation of a mapping entry',
    );
  });

  it('heads an object with the line where it starts, when its findings know it', () => {
    const result = {
      ...helmResult,
      problems: [],
      findings: [
        findingOf({ line: 30, objectLine: 3 }),
        findingOf({ line: 12, objectLine: 3, fingerprint: 'f0000000000000000000000000000009' }),
      ],
    };
    expect(tableReporter(result, contextOf()).split('\n')[1]).toBe(
      '  Deployment shop/web (line 3)',
    );
  });
});
