#!/usr/bin/env node
/**
 * The `mamori` command. The command line itself is one CommonJS bundle (cli.cjs, from
 * bin/cli.ts), loaded here through V8's code cache: the build scans the bundled examples once and
 * keeps the bytecode of every function that ran (cli-<build>.cache), so that a run starts with
 * it instead of compiling those functions as they are first called. Measured on the corpus: about
 * 20 ms less of a 450 ms scan. A cache that does not fit (another Node.js version, other V8 flags)
 * is rejected by V8, and the code is compiled as usual; a missing or unreadable cache is no error
 * either. The cache is named after the build it belongs to, since V8 checks only the length of
 * the source it is given.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * The exit status when the reader of the output went away (`mamori scan . | head`): what a
 * program killed by SIGPIPE reports, since the report was not delivered in full.
 */
const BROKEN_PIPE = 141;

function isBrokenPipe(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE'
  );
}

for (const [stream, name] of [
  [process.stdout, 'standard output'],
  [process.stderr, 'standard error'],
] as const) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (isBrokenPipe(error)) {
      process.exit(BROKEN_PIPE);
    }
    // A full disk, say: the report is lost, which is an error of the run.
    if (stream !== process.stderr) {
      try {
        process.stderr.write(`mamori: cannot write ${name}: ${error.code ?? error.message}\n`);
      } catch {
        // Nowhere to say it; the exit status does.
      }
    }
    process.exit(2);
  });
}

/** Reports an internal error, unless there is nowhere left to report it. */
function internalError(detail: string): void {
  process.exitCode = 2;
  try {
    process.stderr.write(`mamori: internal error: ${detail}\n`);
  } catch {
    // Standard error is gone too; the exit status says it.
  }
}
process.on('uncaughtException', (error) => {
  if (isBrokenPipe(error)) {
    process.exit(BROKEN_PIPE);
  }
  internalError(error.stack ?? error.message);
});
process.on('unhandledRejection', (reason) => {
  internalError(String(reason));
});

interface CliModule {
  main(argv: readonly string[], options: { tuneForShortRun: boolean }): Promise<number>;
}

const cliPath = fileURLToPath(new URL('./cli.cjs', import.meta.url));
const source = readFileSync(cliPath, 'utf8');
// The bundle's first line names its build: `// mamori build <id>`.
const build = /^\/\/ mamori build ([0-9a-f]+)/.exec(source)?.[1];
const cachePath =
  build === undefined ? undefined : fileURLToPath(new URL(`./cli-${build}.cache`, import.meta.url));
// Set by the build, which runs the examples once to make the cache.
const writingCache = process.env.MAMORI_WRITE_CODE_CACHE === '1';

function readCache(): Buffer | undefined {
  if (cachePath === undefined || writingCache || process.env.MAMORI_CODE_CACHE === 'off') {
    return undefined;
  }
  try {
    return readFileSync(cachePath);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`,
  { filename: cliPath, cachedData },
);
if (process.env.MAMORI_DEBUG_CODE_CACHE === '1') {
  const verdict =
    cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used';
  process.stderr.write(`mamori: code cache ${verdict}\n`);
}
const cli = { exports: {} as CliModule };
(script.runInThisContext() as (...args: unknown[]) => void)(
  cli.exports,
  createRequire(cliPath),
  cli,
  cliPath,
  dirname(cliPath),
);
process.exitCode = await cli.exports.main(process.argv.slice(2), {
  tuneForShortRun: !writingCache,
});
if (writingCache && cachePath !== undefined) {
  const partial = `${cachePath}.${process.pid}`;
  writeFileSync(partial, script.createCachedData());
  renameSync(partial, cachePath);
}
