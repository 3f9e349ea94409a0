/**
 * End to end over the real-world corpus in ../shared/corpus, through the built CLI: every file is
 * accounted for, and the parallel scan gives exactly the sequential result.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const corpus = join(root, '../shared/corpus');
const bin = join(root, 'dist/bin/mamori.js');

interface Report {
  findings: { ruleId: string; location: { file: string }; suppression: unknown }[];
  errors: { location: { file: string }; code: string }[];
  skipped: { location: { file: string } }[];
  stats: { files: number; documents: number; resources: number };
}

function manifestFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter(
      (entry) =>
        entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name) && !entry.name.startsWith('.'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

function scan(...args: string[]): { status: number | null; report: Report } {
  const run = spawnSync(process.execPath, [bin, 'scan', corpus, '--format', 'json', ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

describe('the corpus, through the built CLI', () => {
  const parallel = scan('--jobs', '2');
  const sequential = scan('--jobs', '0');

  it('accounts for every file', () => {
    const files = manifestFiles(corpus);
    expect(parallel.report.stats.files).toBe(files.length);
    // The corpus holds deliberately invalid files: they are errors, so the exit code is 2.
    expect(parallel.status).toBe(2);
    expect(parallel.report.errors.length).toBeGreaterThan(0);
    for (const error of parallel.report.errors) {
      expect(files).toContain(error.location.file);
    }
  });

  it('gives the same result in parallel and sequentially', () => {
    expect(parallel.report).toEqual(sequential.report);
  });

  it('finds what the snapshot of findings per rule says (review any change)', async () => {
    const counts: Record<string, number> = {};
    for (const finding of parallel.report.findings) {
      counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
    }
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
    await expect(`${JSON.stringify(sorted, null, 2)}\n`).toMatchFileSnapshot(
      './corpus-findings-per-rule.json',
    );
  });
});
