import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/execute.js';
import { fakeIO } from './fake-io.js';

const examples = new URL('../../examples/', import.meta.url).pathname;

interface JsonReport {
  findings: {
    ruleId: string;
    severity: string;
    resource: { name: string };
    location: { file: string; line: number; template: string | null };
    suppression?: unknown;
  }[];
  errors: {
    code: string;
    location: { file: string; line?: number; template: string | null };
    message: string;
  }[];
  skipped: { location: { file: string }; reason: string }[];
  stats: { files: number; documents: number; resources: number };
}

async function scanJson(
  args: string[],
  stdin?: string,
  cwd?: string,
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const io = fakeIO({ stdin, cwd });
  const code = await execute(['scan', ...args, '--format', 'json'], io);
  return { code, report: JSON.parse(io.out()) as JsonReport, stderr: io.err() };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mamori-cli-'));
}

const privilegedPod = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {privileged: true}
`;

describe('mamori scan', () => {
  it('exits 1 on the insecure example and reports findings at their lines', async () => {
    const { code, report } = await scanJson([join(examples, 'web-insecure.yaml')]);
    expect(code).toBe(1);
    const privileged = report.findings.find((finding) => finding.ruleId === 'hardening/privileged');
    expect(privileged?.location.line).toBe(27);
  });

  it('exits 0 on the hardened example', async () => {
    const { code, report } = await scanJson([
      join(examples, 'web-hardened.yaml'),
      '--fail-on',
      'low',
    ]);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('honours suppression annotations on documents whose body no rule reads', async () => {
    // Large enough to be only checked for syntax; an old apiVersion, which a rule reports.
    const crd = (annotations: string): string =>
      `apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\n${annotations}spec:\n  group: example.com\n  description: >-\n${'    mamori.dev/ignore is only text here.\n'.repeat(40)}`;
    const plain = await scanJson(['-', '--fail-on', 'none'], crd(''));
    const textOnly = plain.report.findings.filter((f) => f.ruleId === 'api/deprecated-version');
    expect(textOnly).toHaveLength(1);
    expect(textOnly[0]?.suppression).toBeNull();
    const annotated = await scanJson(
      ['-', '--fail-on', 'none'],
      crd(
        '  annotations:\n    mamori.dev/ignore: api/deprecated-version\n    mamori.dev/ignore-reason: vendored, upgraded upstream\n',
      ),
    );
    const suppressed = annotated.report.findings.filter(
      (f) => f.ruleId === 'api/deprecated-version',
    );
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppression).toMatchObject({ kind: 'annotation' });
  });

  it('reads standard input', async () => {
    const { code, report } = await scanJson(['-'], privilegedPod);
    expect(code).toBe(1);
    expect(report.findings[0]?.location.file).toBe('<stdin>');
  });

  it('names the chart template of each object in rendered Helm output', async () => {
    // What `helm template` writes: a marker line, then a comment naming the template.
    const rendered = `---\n# Source: shop/templates/pod.yaml\n${privilegedPod}---\n# Source: shop/templates/job.yaml\n${privilegedPod.replace('name: p,', 'name: job,')}`;
    const { report } = await scanJson(['-'], rendered);
    const templates: Record<string, string | null> = {};
    for (const finding of report.findings) {
      templates[finding.resource.name] = finding.location.template;
    }
    expect(templates).toEqual({
      p: 'shop/templates/pod.yaml',
      job: 'shop/templates/job.yaml',
    });
    // Errors in an object of a template name it as well.
    const wrongType = await scanJson(
      ['-'],
      `---\n# Source: shop/templates/bad.yaml\n${privilegedPod.replace('{privileged: true}', '{privileged: "yes"}')}`,
    );
    expect(wrongType.report.errors.map((error) => [error.code, error.location.template])).toEqual([
      ['INVALID_TYPE', 'shop/templates/bad.yaml'],
    ]);
    // The bundled example of a rendered chart.
    const example = await scanJson([join(examples, 'helm-rendered.yaml'), '--fail-on', 'none']);
    expect(example.code).toBe(0);
    expect(new Set(example.report.findings.map((finding) => finding.location.template))).toEqual(
      new Set(['docs/templates/deployment.yaml']),
    );
    const plain = await scanJson(['-'], privilegedPod);
    expect(plain.report.findings.every((finding) => finding.location.template === null)).toBe(true);
  });

  it('exits 2 on input errors but still reports the other documents and files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), `${privilegedPod}---\nkind: [\n`);
    writeFileSync(join(dir, 'notes.yaml'), 'just: a map\n');
    const { code, report } = await scanJson([dir]);
    expect(code).toBe(2);
    expect(report.errors.map((error) => [error.code, error.location.line])).toEqual([
      ['YAML_SYNTAX', 10],
    ]);
    expect(report.findings.some((finding) => finding.ruleId === 'hardening/privileged')).toBe(true);
    expect(report.skipped.map((item) => item.reason)).toEqual([
      'not a Kubernetes object: no apiVersion and kind',
    ]);
    expect(report.stats.files).toBe(2);
  });

  it('exits 2 with usage errors', async () => {
    const io = fakeIO();
    expect(await execute(['scan'], io)).toBe(2);
    expect(io.err()).toContain('no input');
    expect(await execute(['scan', 'x', '--format', 'pdf'], fakeIO())).toBe(2);
    expect(await execute(['scan', 'x', '--fail-on', 'urgent'], fakeIO())).toBe(2);
    expect(await execute(['frobnicate'], fakeIO())).toBe(2);
  });

  it('reports invalid configuration with file and line, and scans nothing', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'mamori.yaml'),
      'version: 1\nrules:\n  hardening/privileged:\n    severty: low\n',
    );
    writeFileSync(join(dir, 'pod.yaml'), privilegedPod);
    const io = fakeIO({ cwd: dir });
    expect(await execute(['scan', join(dir, 'pod.yaml')], io)).toBe(2);
    expect(io.err()).toContain(
      `${join(dir, 'mamori.yaml')}:4: rules.hardening/privileged.severty: unknown key`,
    );
  });

  it('finds the configuration upward and applies exclusions and exceptions', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(
      join(dir, 'mamori.yaml'),
      [
        'exclude:',
        '  namespaces: [legacy]',
        'exceptions:',
        '  - rules: ["hardening/*", "pss/*"]',
        '    names: [p]',
        '    reason: accepted for the demo',
        '    expires: 2027-01-01',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'deploy', 'pods.yaml'),
      `${privilegedPod}---\n${privilegedPod.replace('namespace: shop', 'namespace: legacy')}`,
    );
    const { code, report } = await scanJson([join(dir, 'deploy')], undefined, join(dir, 'deploy'));
    expect(code).toBe(0);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding) => finding.suppression !== undefined)).toBe(true);
    expect(report.skipped.map((item) => item.reason)).toEqual([
      'excluded by configuration (Pod legacy/p)',
    ]);
  });

  it('writes several formats at once', async () => {
    const dir = tempDir();
    const io = fakeIO();
    const sarif = join(dir, 'out.sarif');
    const junit = join(dir, 'out.xml');
    await execute(
      [
        'scan',
        join(examples, 'web-insecure.yaml'),
        '--format',
        'table',
        '--format',
        `sarif=${sarif}`,
        '--format',
        `junit=${junit}`,
      ],
      io,
    );
    expect(io.out()).toContain('hardening/privileged');
    expect((JSON.parse(readFileSync(sarif, 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites');
  });

  it('scans custom workload kinds mapped in the configuration', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mamori.yaml'), 'workloadKinds:\n  Rollout: /spec/template\n');
    const rollout = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          securityContext: {privileged: true}\n`;
    writeFileSync(join(dir, 'rollout.yaml'), rollout);
    const { report } = await scanJson([
      join(dir, 'rollout.yaml'),
      '--config',
      join(dir, 'mamori.yaml'),
    ]);
    expect(report.findings.some((finding) => finding.ruleId === 'hardening/privileged')).toBe(true);
  });

  it('explains when a kustomization cannot be rendered', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [pod.yaml]\n');
    writeFileSync(join(dir, 'pod.yaml'), privilegedPod);
    const io = fakeIO({ env: { PATH: '/nonexistent' } });
    expect(await execute(['scan', dir, '--format', 'json'], io)).toBe(2);
    const report = JSON.parse(io.out()) as JsonReport;
    expect(report.errors[0]?.message).toContain('neither `kubectl` nor `kustomize` is on PATH');
  });
});

describe('mamori scan with kustomize', () => {
  it('renders a kustomization directory with kubectl and scans the result', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kustomization.yaml'), 'namePrefix: prod-\nresources: [pod.yaml]\n');
    writeFileSync(join(dir, 'pod.yaml'), privilegedPod);
    const io = fakeIO({ env: { PATH: process.env.PATH ?? '' } });
    const code = await execute(['scan', dir, '--format', 'json'], io);
    const report = JSON.parse(io.out()) as {
      errors: unknown[];
      findings: { resource: { name: string } }[];
    };
    expect(report.errors).toEqual([]);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.resource.name)).toContain('prod-p');
  });
});
