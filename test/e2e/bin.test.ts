/**
 * The built `mamori` bin loads the command line through V8's code cache (bin/mamori.ts): the
 * cache the build made must fit this Node.js, and a missing or broken cache must change nothing
 * but speed.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shortRunFlags } from '../../src/cli/process-io.js';

const root = new URL('../../', import.meta.url).pathname;
const built = join(root, 'dist/bin');

function run(bin: string, env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    [join(bin, 'mamori.js'), 'scan', join(root, 'examples'), '--format', 'json'],
    { encoding: 'utf8', env: { ...process.env, MAMORI_DEBUG_CODE_CACHE: '1', ...env } },
  );
}

describe('the built bin', () => {
  // A copy inside dist/, so that the bundle still finds node_modules.
  const copy = mkdtempSync(join(root, 'dist/bin-test-'));
  cpSync(built, copy, { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  const reference = run(built);

  it('stops when the reader of its output goes away, instead of failing to report it forever', () => {
    // Both streams into one pipe whose reader leaves after one byte, as `| head -c 1` does.
    const piped = spawnSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `"${process.execPath}" "${join(built, 'mamori.js')}" scan "${join(root, '../shared/corpus')}" --format json 2>&1 | head -c 1`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(piped.error).toBeUndefined();
    expect(piped.stdout).toBe('{');
    // As if killed by SIGPIPE: the report was not delivered.
    expect(piped.status).toBe(141);
  });

  it('says so and fails when its output cannot be written', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(
        process.execPath,
        [join(built, 'mamori.js'), 'scan', join(root, 'examples'), '--fail-on', 'none'],
        { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] },
      );
      expect(run.stderr).toContain('mamori: cannot write standard output: ENOSPC');
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('is ASCII, which V8 keeps as one byte per character', () => {
    expect(/[^\t\n\r -~]/.test(readFileSync(join(built, 'cli.cjs'), 'utf8'))).toBe(false);
  });

  it('tunes V8 for a short run only with flags this Node.js knows (V8 prints errors for others)', () => {
    const flags = shortRunFlags(process.versions.v8);
    expect(flags).toContain('--no-turbo-inlining');
    const tuned = spawnSync(
      process.execPath,
      [
        '-e',
        `for (const flag of ${JSON.stringify(flags)}) require('node:v8').setFlagsFromString(flag)`,
      ],
      { encoding: 'utf8' },
    );
    expect(tuned.stderr + tuned.stdout).toBe('');
    // The short scan of the examples ran with them: nothing on standard error but the cache line.
    expect(reference.stderr.trim()).toBe('mamori: code cache used');
  });

  it('uses the code cache the build made', () => {
    expect(reference.stderr).toContain('mamori: code cache used');
    expect(reference.status).toBe(1);
    expect(
      (JSON.parse(reference.stdout) as { findings: unknown[] }).findings.length,
    ).toBeGreaterThan(10);
  });

  it('gives the same report without the cache, with a broken one, or with it turned off', () => {
    const cache = readdirSync(copy).find((name) => name.endsWith('.cache'));
    expect(cache).toBeDefined();
    const off = run(copy, { MAMORI_CODE_CACHE: 'off' });
    expect(off.stderr).toContain('mamori: code cache none');
    writeFileSync(join(copy, cache ?? ''), 'not a code cache');
    const broken = run(copy);
    expect(broken.stderr).toContain('mamori: code cache rejected');
    rmSync(join(copy, cache ?? ''));
    const missing = run(copy);
    expect(missing.stderr).toContain('mamori: code cache none');
    for (const other of [off, broken, missing]) {
      expect(other.status).toBe(reference.status);
      expect(other.stdout).toBe(reference.stdout);
    }
  });
});
