/**
 * `mamori cloud` end to end through the command object: arguments, outputs and exit codes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudCommand } from '../../cli/commands/cloud.js';
import { UsageError, type CliIO } from '../../cli/io.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/cloud');

interface Captured {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

function capture(env: Record<string, string> = {}, stdin = ''): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      readStdin: () => Promise.resolve(Buffer.from(stdin)),
      env: { PATH: '', ...env },
      cwd: mkdtempSync(join(tmpdir(), 'mamori-cwd-')),
      now: () => new Date('2026-11-20T12:00:00Z'),
    },
    stdout: () => out,
    stderr: () => err,
  };
}

const run = (args: string[], captured = capture()) => cloudCommand.run(args, captured.io);

describe('mamori cloud', () => {
  it('exits 0 on a hardened cluster and 1 on a weak one', async () => {
    expect(await run([join(FIXTURES, 'eks-hardened')])).toBe(0);
    expect(await run([join(FIXTURES, 'gke-weak')])).toBe(1);
  });

  it('fails only at or above --fail-on', async () => {
    expect(await run([join(FIXTURES, 'eks-partial')])).toBe(0);
    expect(await run([join(FIXTURES, 'eks-partial'), '--fail-on', 'medium'])).toBe(1);
    expect(await run([join(FIXTURES, 'gke-weak'), '--fail-on', 'none'])).toBe(0);
  });

  it('prints the JSON report', async () => {
    const captured = capture();
    expect(await run([join(FIXTURES, 'aks-weak'), '--format', 'json'], captured)).toBe(1);
    const report = JSON.parse(captured.stdout()) as {
      checks: { id: string; verdict: string; severity: string; remediation: string }[];
      scores: { overall: { score: number } };
    };
    expect(report.checks.find((check) => check.id === 'cloud/aks-rbac')).toMatchObject({
      verdict: 'fail',
      severity: 'critical',
    });
    expect(
      report.checks.find((check) => check.id === 'cloud/aks-local-accounts')?.remediation,
    ).toContain(
      'az aks update --resource-group rg-legacy --name aks-legacy --disable-local-accounts',
    );
    expect(report.scores.overall.score).toBeLessThan(10);
  });

  it('writes several formats, one to standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-out-'));
    const captured = capture();
    expect(
      await run(
        [
          join(FIXTURES, 'gke-hardened'),
          '-f',
          'table',
          '-f',
          `sarif=${join(dir, 'a.sarif')}`,
          '-f',
          `junit=${join(dir, 'a.xml')}`,
        ],
        captured,
      ),
    ).toBe(0);
    expect(captured.stdout()).toContain('GKE cluster "gke-prod"');
    expect(JSON.parse(readFileSync(join(dir, 'a.sarif'), 'utf8'))).toMatchObject({
      version: '2.1.0',
    });
    expect(readFileSync(join(dir, 'a.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('speaks Japanese with --lang ja or LANG', async () => {
    const captured = capture({ LANG: 'ja_JP.UTF-8' });
    await run([join(FIXTURES, 'eks-weak'), '--no-color'], captured);
    expect(captured.stdout()).toContain('API エンドポイントがインターネット全体に公開されていない');
  });

  it('reads standard input', async () => {
    const captured = capture({}, readFileSync(join(FIXTURES, 'gke-partial/describe.json'), 'utf8'));
    expect(await run(['-', '--format', 'json'], captured)).toBe(1);
    expect(captured.stdout()).toContain('"cluster": "gke-batch"');
  });

  it('exits 2 on input errors, still printing the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-bad-'));
    writeFileSync(join(dir, 'bad.json'), '{');
    const captured = capture();
    expect(await run([join(dir, 'bad.json'), '--format', 'json'], captured)).toBe(2);
    expect(captured.stderr()).toContain('bad.json:1: invalid JSON');
    expect(await run([join(dir, 'nothing-here')])).toBe(2);
  });

  it('applies cloud: settings from --config and rejects bad ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-config-'));
    writeFileSync(
      join(dir, 'ok.yaml'),
      'cloud:\n  disable: [cloud/eks-endpoint-public-access, cloud/eks-nodegroup-ssh, cloud/eks-imdsv2-required, cloud/eks-version-support, cloud/eks-aws-auth-masters, cloud/eks-aws-auth-hygiene, cloud/k8s-imds-egress-blocked, cloud/k8s-anonymous-bindings]\n',
    );
    expect(await run([join(FIXTURES, 'eks-weak'), '--config', join(dir, 'ok.yaml')])).toBe(0);
    writeFileSync(join(dir, 'bad.yaml'), 'cloud:\n  nope: 1\n');
    const captured = capture();
    expect(
      await run([join(FIXTURES, 'eks-weak'), '--config', join(dir, 'bad.yaml')], captured),
    ).toBe(2);
    expect(captured.stderr()).toContain('cloud.nope: unknown key');
  });

  it('rejects bad usage', async () => {
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(['x', '--format', 'html'])).rejects.toThrow(/unknown format/);
    await expect(run(['x', '--fail-on', 'severe'])).rejects.toThrow(/--fail-on/);
    await expect(run(['x', '--lang', 'fr'])).rejects.toThrow(/unknown language/);
    await expect(run(['x', '--now', 'yesterday'])).rejects.toThrow(/--now/);
    await expect(run(['x', '-f', 'json', '-f', 'table'])).rejects.toThrow(/only one --format/);
  });

  it('collect says which CLI is missing and exits 2', async () => {
    const captured = capture({ PATH: '/nonexistent' });
    expect(await run(['collect', 'eks', '--name', 'prod'], captured)).toBe(2);
    expect(captured.stderr()).toContain('aws was not found on PATH');
    await expect(run(['collect', 'openshift', '--name', 'x'])).rejects.toThrow(/eks\|aks\|gke/);
    await expect(run(['collect', 'aks', '--name', 'x'])).rejects.toThrow(/--resource-group/);
  });
});
