/**
 * Rendering a kustomization directory with `kubectl kustomize` or `kustomize build`, whichever
 * is on PATH.
 */
import type * as ChildProcess from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

// node:child_process (with net, dgram and more) is loaded only when a kustomization is rendered:
// most scans have none, and loading it costs a few milliseconds of every start.
const require = createRequire(import.meta.url);

/** Finds an executable on PATH. */
export function which(name: string, path: string | undefined): string | undefined {
  for (const directory of (path ?? '').split(delimiter)) {
    if (directory === '') {
      continue;
    }
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export type KustomizeResult =
  { ok: true; text: string; tool: string } | { ok: false; message: string };

/** Renders `directory`. Never throws: a missing tool or a failed build is a message. */
export function renderKustomization(directory: string, path: string | undefined): KustomizeResult {
  const kubectl = which('kubectl', path);
  const kustomize = which('kustomize', path);
  const command =
    kubectl !== undefined
      ? { file: kubectl, args: ['kustomize', directory] }
      : kustomize !== undefined
        ? { file: kustomize, args: ['build', directory] }
        : undefined;
  if (command === undefined) {
    return {
      ok: false,
      message:
        'this directory holds a kustomization, but neither `kubectl` nor `kustomize` is on PATH to render it; install one, or scan its files with --kustomize=never',
    };
  }
  const { spawnSync } = require('node:child_process') as typeof ChildProcess;
  const run = spawnSync(command.file, command.args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.error !== undefined) {
    return {
      ok: false,
      message: `${command.file} ${command.args.join(' ')} failed: ${run.error.message}`,
    };
  }
  if (run.status !== 0) {
    const detail = run.stderr.trim().split('\n').slice(-3).join(' ');
    return {
      ok: false,
      message: `${command.file} ${command.args.join(' ')} exited ${run.status ?? 'on a signal'}: ${detail}`,
    };
  }
  return { ok: true, text: run.stdout, tool: `${command.file} ${command.args[0] ?? ''}`.trim() };
}
