/**
 * The plumbing of `mamori cloud collect`: running programs, writing files, and the session that
 * records each command. The real environment spawns processes without a shell; tests pass a fake.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import type { Provider } from '../../cloud/types.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments (no shell). */
export type Runner = (program: string, args: readonly string[]) => Promise<RunResult>;

export interface CollectOptions {
  provider: Provider;
  name: string;
  out: string;
  region?: string;
  resourceGroup?: string;
  location?: string;
  project?: string;
  /** kubectl context; undefined uses the current one. */
  kubeContext?: string;
  /** Also export Kubernetes objects with kubectl. */
  kubernetes: boolean;
}

export interface CollectEnv {
  run: Runner;
  /** Finds a program on PATH. */
  which: (program: string) => string | undefined;
  writeFile: (path: string, text: string) => void;
  log: (line: string) => void;
  now: () => Date;
}

export interface CommandRecord {
  command: string;
  file?: string;
  ok: boolean;
  error?: string;
}

export interface CollectResult {
  /** False when the cluster description itself could not be fetched, or a CLI is missing. */
  ok: boolean;
  message?: string;
  commands: CommandRecord[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Removes environment values and last-applied annotations, which may hold secrets. */
export function scrubKubernetes(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(scrubKubernetes);
  }
  if (!isRecord(value)) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'env' && Array.isArray(inner)) {
      out[key] = (inner as unknown[]).map((item): unknown =>
        isRecord(item) && 'value' in item ? { ...item, value: '<removed by mamori>' } : item,
      );
    } else if (key === 'annotations' && isRecord(inner)) {
      const annotations = { ...inner };
      delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
      out[key] = annotations;
    } else {
      out[key] = scrubKubernetes(inner);
    }
  }
  return out;
}

/** A file name for an ARN or other identifier. */
export function safeName(text: string): string {
  return (
    text
      .replace(/^arn:[^:]*:[^:]*:[^:]*:[^:]*:/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 120) || 'item'
  );
}

export class Session {
  readonly commands: CommandRecord[] = [];

  constructor(
    readonly options: CollectOptions,
    readonly env: CollectEnv,
  ) {}

  /** Runs a command and parses its JSON output; failures are recorded, not thrown. */
  async json(program: string, args: readonly string[]): Promise<unknown> {
    const command = [program, ...args].join(' ');
    this.env.log(`$ ${command}`);
    let result: RunResult;
    try {
      result = await this.env.run(program, args);
    } catch (error) {
      this.commands.push({
        command,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
    if (result.code !== 0) {
      const error =
        result.stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${result.code}`;
      this.commands.push({ command, ok: false, error });
      this.env.log(`  failed: ${error}`);
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(result.stdout);
      this.commands.push({ command, ok: true });
      return value;
    } catch {
      this.commands.push({ command, ok: false, error: 'output is not JSON' });
      return undefined;
    }
  }

  save(relative: string, value: unknown): void {
    const path = join(this.options.out, relative);
    this.env.writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
    const last = this.commands[this.commands.length - 1];
    if (last !== undefined && last.file === undefined) {
      last.file = relative;
    }
  }

  async fetch(relative: string, program: string, args: readonly string[]): Promise<unknown> {
    const value = await this.json(program, args);
    if (value !== undefined) {
      this.save(relative, value);
    }
    return value;
  }
}

/** Finds a program on PATH. */
export function whichOnPath(program: string, path: string | undefined): string | undefined {
  for (const directory of (path ?? '').split(delimiter)) {
    if (directory === '') {
      continue;
    }
    const candidate = join(directory, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The real environment: child processes, the file system, the clock. */
export function processCollectEnv(
  path: string | undefined,
  log: (line: string) => void,
): CollectEnv {
  return {
    run: (program, args) =>
      new Promise((resolvePromise) => {
        execFile(
          program,
          [...args],
          { maxBuffer: 512 * 1024 * 1024, timeout: 300_000, windowsHide: true },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
            resolvePromise({ code, stdout, stderr: stderr || (error?.message ?? '') });
          },
        );
      }),
    which: (program) => whichOnPath(program, path),
    writeFile: (file, text) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    log,
    now: () => new Date(),
  };
}
