import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../execute.js';
import type { CliIO } from '../io.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/nodes');
const work = mkdtempSync(join(tmpdir(), 'mamori-node-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    readStdin: () => Promise.resolve(Buffer.from('')),
    env: {},
    cwd: work,
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
  const code = await execute(args, io);
  return { code, out, err };
}

describe('mamori node', () => {
  it('exits 1 when a recommendation fails and 0 otherwise', async () => {
    expect((await run(['node', '--root', join(FIXTURES, 'kubeadm-weak')])).code).toBe(1);
    const hardened = await run(['node', '--root', join(FIXTURES, 'kubeadm-hardened'), '-q']);
    expect(hardened.code).toBe(0);
    expect(hardened.out).toMatch(/Profile chosen automatically/);
  });

  it('collects facts and assesses them offline, in every format', async () => {
    const facts = join(work, 'facts.json');
    const collected = await run([
      'node',
      'collect',
      '--root',
      join(FIXTURES, 'gke-node'),
      '-o',
      facts,
    ]);
    expect(collected.code).toBe(0);
    expect(JSON.parse(readFileSync(facts, 'utf8'))).toMatchObject({
      schema: 'mamori.dev/node-facts/v1',
    });
    for (const format of ['table', 'json', 'junit', 'sarif']) {
      const result = await run(['node', '--facts', facts, '--format', format]);
      expect(result.code, format).toBe(0);
      expect(result.out.length).toBeGreaterThan(100);
    }
    const json = await run(['node', '--facts', facts, '-f', 'json', '-b', 'cis-1.12']);
    expect(JSON.parse(json.out)).toMatchObject({ benchmark: { id: 'cis-1.12' }, platform: 'gke' });
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run(['node', '--format', 'xml'])).code).toBe(2);
    expect((await run(['node', '--benchmark', 'cis-0.1', '--root', FIXTURES])).code).toBe(2);
    expect((await run(['node', '--facts', join(work, 'missing.json')])).code).toBe(2);
    expect((await run(['node', 'explode'])).code).toBe(2);
    const list = await run(['node', '--list-benchmarks']);
    expect(list.out).toMatch(/gke-1\.9\.0/);
  });
});

describe('mamori compare', () => {
  it('reproduces a per-section comparison from results and facts', async () => {
    const eks = join(work, 'eks.json');
    await run([
      'node',
      '--root',
      join(FIXTURES, 'eks-worker'),
      '-f',
      'json',
      '-b',
      'cis-1.6',
      '-o',
      eks,
    ]);
    const weak = join(work, 'weak.facts.json');
    await run(['node', 'collect', '--root', join(FIXTURES, 'kubeadm-weak'), '-o', weak]);
    const result = await run([
      'compare',
      '-f',
      'markdown',
      '-b',
      'cis-1.6',
      '-n',
      'EKS',
      '-n',
      'kubeadm',
      eks,
      weak,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\| Section \| EKS \[cis-1.6\] \| kubeadm \[cis-1.6\] \|/);
    expect(result.out).toMatch(/1\.2 API Server \| not assessable \| 11\/35 \(31\.4%\)/);
    expect((await run(['compare'])).code).toBe(2);
    expect((await run(['compare', '-f', 'html', eks])).code).toBe(2);
  });
});
