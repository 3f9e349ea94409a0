/**
 * Catalogue integrity: every rule module under src/rules is registered, tested and documented,
 * its texts are complete in every language, and the examples in its documentation behave as the
 * page says. Rule modules do no I/O; this test reads the files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../test/rule-tester.js';
import { isSeverity, LANGUAGES, type LocalizedText } from '../core/model.js';
import type { AnyRule } from '../core/rule.js';
import { exampleOf, exampleOptionsOf } from './_doc-examples.js';
import { RULES } from './index.js';

const RULES_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(RULES_DIR, '..', '..');
const DOCS_DIR = join(ROOT, 'docs', 'rules');

/** A module file that may hold a rule: `src/rules/<family>/<slug>.ts`. */
interface ModuleFile {
  path: string;
  family: string;
  slug: string;
}

interface RuleModule extends ModuleFile {
  rule: AnyRule;
}

/**
 * Source files under `dir`, skipping tests, `index.ts`, and files or directories whose name
 * starts with `_` (helpers) or `.`.
 */
function moduleFiles(dir: string): ModuleFile[] {
  const out: ModuleFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('_') || name.startsWith('.')) {
      continue;
    }
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(...moduleFiles(path));
      continue;
    }
    if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.endsWith('.d.ts')) {
      continue;
    }
    const family = relative(RULES_DIR, dir).split(sep).join('/');
    if (family === '' || name === 'index.ts') {
      continue;
    }
    out.push({ path, family, slug: name.slice(0, -'.ts'.length) });
  }
  return out;
}

function isRule(value: unknown): value is AnyRule {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<AnyRule>;
  return (
    (candidate.target === 'workload' || candidate.target === 'resource') &&
    typeof candidate.check === 'function' &&
    typeof candidate.meta?.id === 'string'
  );
}

const files = moduleFiles(RULES_DIR);
const modules: RuleModule[] = [];
/** Modules with a default export that is not a rule. */
const strayDefaults: string[] = [];
for (const file of files) {
  const loaded = (await import(pathToFileURL(file.path).href)) as { default?: unknown };
  if (isRule(loaded.default)) {
    modules.push({ ...file, rule: loaded.default });
  } else if (loaded.default !== undefined) {
    strayDefaults.push(relative(ROOT, file.path));
  }
  // A module without a default export is a helper (better: name it with a leading `_`).
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

/** Problems with one localized text; `kind` selects the punctuation rules. */
function textProblems(
  where: string,
  text: LocalizedText | undefined,
  kind: 'title' | 'sentence' | 'message',
): string[] {
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    const value = text?.[lang]?.trim() ?? '';
    if (value === '') {
      problems.push(`${where}.${lang} is missing`);
      continue;
    }
    if (kind === 'title') {
      if (/[.。]$/.test(value)) {
        problems.push(`${where}.${lang} should not end with a period`);
      }
      continue;
    }
    if (lang === 'en') {
      if (kind === 'message' && !/^[A-Z]/.test(value)) {
        problems.push(`${where}.en must start with a capital letter: ${value}`);
      }
      if (!value.endsWith('.')) {
        problems.push(`${where}.en must end with a period: ${value}`);
      }
    } else if (!value.endsWith('。')) {
      problems.push(`${where}.${lang} must end with 。: ${value}`);
    }
  }
  if (kind === 'message' && text !== undefined) {
    const expected = placeholders(text.en);
    for (const lang of LANGUAGES) {
      const actual = placeholders(text[lang]);
      if (actual.join(',') !== expected.join(',')) {
        problems.push(
          `${where}.${lang} uses placeholders {${actual.join(', ')}}, en uses {${expected.join(', ')}}`,
        );
      }
    }
  }
  return problems;
}

function docPath(module: ModuleFile): string {
  return join(DOCS_DIR, ...module.family.split('/'), `${module.slug}.md`);
}

describe('rule catalogue', () => {
  it('finds rule modules', () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it('has a rule (or nothing) as the default export of every module', () => {
    expect(
      strayDefaults,
      'default exports that are not rules; helpers should start with _',
    ).toEqual([]);
  });

  it('registers every rule module in RULES', () => {
    const missing = modules
      .filter((module) => !RULES.includes(module.rule))
      .map((module) => relative(ROOT, module.path));
    expect(missing, 'rule modules missing from src/rules/index.ts').toEqual([]);
  });

  it('registers only rules that live in their own module', () => {
    const orphans = RULES.filter((rule) => !modules.some((module) => module.rule === rule)).map(
      (rule) => rule.meta.id,
    );
    expect(orphans).toEqual([]);
  });

  it('keeps RULES sorted by id, without duplicates', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort());
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates, 'duplicate rule ids').toEqual([]);
  });

  it('has no documentation page without a rule', () => {
    const pages: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          walk(path);
        } else if (name.endsWith('.md') && dir !== DOCS_DIR) {
          pages.push(relative(DOCS_DIR, path).split(sep).join('/').slice(0, -'.md'.length));
        }
      }
    };
    walk(DOCS_DIR);
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    expect(pages.filter((page) => !ids.has(page))).toEqual([]);
  });

  it('lists every rule in docs/rules/README.md with its severity and title', () => {
    const index = readFileSync(join(DOCS_DIR, 'README.md'), 'utf8');
    const problems: string[] = [];
    for (const rule of RULES) {
      const row = index
        .split('\n')
        .find((line) => line.startsWith('|') && line.includes(`\`${rule.meta.id}\``));
      if (row === undefined) {
        problems.push(`${rule.meta.id}: no row`);
        continue;
      }
      const cells = row.split('|').map((cell) => cell.trim());
      if (cells[2] !== rule.meta.severity || cells[3] !== rule.meta.title.en) {
        problems.push(`${rule.meta.id}: row says ${cells[2] ?? ''} / ${cells[3] ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
  });

  describe.each(modules.map((module) => [module.rule.meta.id || module.slug, module] as const))(
    '%s',
    (_id, module) => {
      const { rule } = module;
      const { meta } = rule;

      it('has the id <family>/<slug> of its path', () => {
        expect(meta.id).toBe(`${module.family}/${module.slug}`);
      });

      it('has a test file beside it', () => {
        expect(existsSync(join(dirname(module.path), `${module.slug}.test.ts`))).toBe(true);
      });

      it('has a documentation page', () => {
        expect(existsSync(docPath(module)), relative(ROOT, docPath(module))).toBe(true);
      });

      it('has complete texts in every language', () => {
        const problems = [
          ...textProblems('title', meta.title, 'title'),
          ...textProblems('description', meta.description, 'sentence'),
          ...textProblems('remediation', meta.remediation, 'sentence'),
          ...Object.entries(meta.messages).flatMap(([id, text]) =>
            textProblems(`messages.${id}`, text, 'message'),
          ),
        ];
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        expect(problems).toEqual([]);
      });

      it('has a valid severity, category and references', () => {
        expect(isSeverity(meta.severity)).toBe(true);
        expect(meta.category).not.toBe('');
        expect(meta.references.length).toBeGreaterThan(0);
        for (const reference of meta.references) {
          expect(reference).toMatch(/^https:\/\/\S+$/);
        }
        for (const [id, severity] of Object.entries(meta.messageSeverities ?? {})) {
          expect(Object.keys(meta.messages), `messageSeverities.${id}`).toContain(id);
          expect(isSeverity(severity)).toBe(true);
        }
      });

      it('maps to its own control in its family', () => {
        if (module.family === 'hardening') {
          expect(meta.standards).toContainEqual({ framework: 'hardening', control: module.slug });
        }
        for (const standard of meta.standards ?? []) {
          expect(standard.control).not.toBe('');
          if (standard.framework === 'pss') {
            expect(['baseline', 'restricted']).toContain(standard.control);
          }
        }
      });

      it('accepts its own default options', () => {
        expect(meta.validateOptions?.({ ...meta.defaultOptions }) ?? []).toEqual([]);
      });

      if (!existsSync(docPath(module))) {
        return;
      }
      const page = readFileSync(docPath(module), 'utf8');
      // Examples run with the rule enabled (even when it is off by default) and with the options
      // of the page's "Example configuration", if it has one.
      const exampleOptions = exampleOptionsOf(page, meta.id);
      const exampleRun = {
        config: {
          rules: {
            [meta.id]: {
              enabled: true,
              ...(exampleOptions === undefined ? {} : { options: exampleOptions }),
            },
          },
        },
      };

      it('documents every option', () => {
        for (const option of Object.keys(meta.defaultOptions)) {
          expect(page).toContain(`\`${option}\``);
        }
      });

      it('reports its documented insecure example', () => {
        const example = exampleOf(page, 'Insecure example');
        expect(example, 'a ```yaml block under "## Insecure example"').toBeDefined();
        const output = runRules([rule], example ?? '', exampleRun);
        expect(output.problems).toEqual([]);
        expect(
          output.findings.filter((finding) => finding.ruleId === meta.id).length,
        ).toBeGreaterThan(0);
      });

      it('passes its documented secure example', () => {
        const example = exampleOf(page, 'Secure example');
        expect(example, 'a ```yaml block under "## Secure example"').toBeDefined();
        const output = runRules([rule], example ?? '', exampleRun);
        expect(output.problems).toEqual([]);
        expect(output.findings.map((finding) => finding.message)).toEqual([]);
      });
    },
  );
});
