/**
 * Finding and reading `mamori.yaml`. Validation is in the core; this adapter adds the file, and
 * the line of each bad key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LineCounter, Node } from 'yaml';
import { yamlPackage } from '../sources/yaml-package.js';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../core/config.js';
import { activeRules } from '../core/engine.js';
import { isSeverity, type Problem, type Severity } from '../core/model.js';
import { RULES } from '../rules/index.js';
import { UsageError, type CliIO } from './io.js';

export const CONFIG_FILE_NAMES = ['mamori.yaml', 'mamori.yml', '.mamori.yaml'];

/** Looks for a config file in `start` and each parent directory. */
export function findConfigFile(start: string): string | undefined {
  let directory = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) {
        return candidate;
      }
    }
    const parent = dirname(directory);
    if (parent === directory) {
      return undefined;
    }
    directory = parent;
  }
}

/** Splits `exceptions[0].reason` or `rules.hardening/privileged.severity` into keys. */
function pathTokens(path: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^(.*?)((\[\d+\])*)$/.exec(part);
    if (match?.[1]) {
      tokens.push(match[1]);
    }
    for (const index of (match?.[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      tokens.push(Number(index[1]));
    }
  }
  return tokens;
}

function lineOf(
  root: Node | null,
  tokens: readonly (string | number)[],
  counter: LineCounter,
): number | undefined {
  const { isMap, isSeq } = yamlPackage();
  let node: unknown = root;
  let offset: number | undefined;
  for (const token of tokens) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown } | null)?.value) === String(token),
      );
      if (pair === undefined) {
        break;
      }
      offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof token === 'number') {
      node = node.items[token];
      offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

export interface LoadedConfig {
  config: Config;
  file?: string;
  problems: Problem[];
}

/** Reads and validates a configuration file; problems name the file and line of each bad key. */
export function loadConfigFile(file: string, knownRules: ReadonlySet<string>): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      config: DEFAULT_CONFIG,
      file,
      problems: [{ code: 'CONFIG_INVALID', file, message: `cannot read configuration: ${reason}` }],
    };
  }
  const { LineCounter, parseDocument } = yamlPackage();
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      config: DEFAULT_CONFIG,
      file,
      problems: document.errors.map((error) => {
        const position = counter.linePos(error.pos[0]);
        return {
          code: 'CONFIG_INVALID',
          file,
          line: position.line,
          column: position.col,
          message: error.message,
        };
      }),
    };
  }
  const { config, issues } = parseConfig(document.toJS({ maxAliasCount: 100 }), knownRules);
  const problems = issues.map((issue): Problem => {
    const line = lineOf(document.contents, pathTokens(issue.path), counter);
    const problem: Problem = {
      code: 'CONFIG_INVALID',
      file,
      message: issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`,
    };
    if (line !== undefined) {
      problem.line = line;
      problem.column = 1;
    }
    return problem;
  });
  return { config, file, problems };
}

/**
 * The configuration for a command that runs the rules: the file given with `--config`, else the
 * one found upward, else the defaults. An invalid file is reported on stderr with the file and
 * line of each problem, and undefined is returned; the command then exits 2 without doing work.
 */
export function loadRuleConfig(
  explicit: string | undefined,
  io: Pick<CliIO, 'cwd' | 'stderr'>,
  refusal: string,
): Config | undefined {
  const knownRules = new Set(RULES.map((rule) => rule.meta.id));
  const configFile = explicit ?? findConfigFile(io.cwd);
  const loaded =
    configFile === undefined
      ? { config: DEFAULT_CONFIG, problems: [] }
      : loadConfigFile(configFile, knownRules);
  const optionIssues = activeRules(RULES, loaded.config).issues;
  if (loaded.problems.length === 0 && optionIssues.length === 0) {
    return loaded.config;
  }
  for (const problem of loaded.problems) {
    const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
    io.stderr.write(`${where}: ${problem.message}\n`);
  }
  for (const issue of optionIssues) {
    io.stderr.write(`${configFile ?? 'configuration'}: ${issue}\n`);
  }
  io.stderr.write(`${refusal}\n`);
  return undefined;
}

/** The failure threshold: `--fail-on`, else the config's `failOn`, else high. */
export function failOnOf(flag: string | undefined, config: Config): Severity | 'none' {
  const value = flag ?? config.failOn ?? 'high';
  if (!isSeverity(value) && value !== 'none') {
    throw new UsageError(
      `--fail-on must be one of critical, high, medium, low, info, none, not "${value}"`,
    );
  }
  return value;
}
