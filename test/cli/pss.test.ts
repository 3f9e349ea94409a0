import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/execute.js';
import { fakeIO } from './fake-io.js';

interface Violation {
  check: string;
  reason: string;
  detail: string;
}

interface Row {
  file: string;
  line: number;
  kind: string;
  namespace: string;
  name: string;
  level: string;
  version: string;
  levelSource: string;
  allowed: boolean;
  message: string | null;
  violations: Violation[];
  highestLevel: string;
  psaResource: string | null;
  admission: {
    policy: { enforce: string; audit: string; warn: string };
    labelErrors: string[];
    allowed: boolean;
    error: string | null;
    warnings: string[];
    auditAnnotations: Record<string, string>;
    modes: { mode: string; policy: string; allowed: boolean; violations: Violation[] }[];
  } | null;
}

interface Report {
  summary: { workloads: number; allowed: number; denied: number; errors: number };
  rows: Row[];
  namespaces: {
    name: string;
    labels: Record<string, string>;
    policy: { enforce: string; audit: string; warn: string };
    labelErrors: string[];
  }[];
  suggestions?: {
    namespaces: { namespace: string; level: string; limitedBy: string[]; command: string }[];
    commands: string[];
    yaml: string;
  };
  errors: { code: string; file: string; line: number | null; message: string }[];
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-pss-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function pss(args: string[], stdin?: string) {
  const io = fakeIO({ stdin, cwd: tmpdir() });
  const code = await execute(['pss', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function pssJson(args: string[], stdin?: string) {
  const result = await pss([...args, '--format', 'json'], stdin);
  return { ...result, report: JSON.parse(result.out) as Report };
}

const namespace = (name: string, labels: Record<string, string>): string =>
  [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`),
    '',
  ].join('\n');

const privilegedPod = (name: string, ns?: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${ns === undefined ? '' : `  namespace: ${ns}\n`}spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {privileged: true}
`;

const restrictedPod = (name: string, ns: string): string => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}}
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
`;

const baselineDeployment = (name: string, ns: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

const privilegedDetail =
  'privileged (container "app" must not set securityContext.privileged=true)';

describe('mamori pss', () => {
  it('evaluates pods in their namespace as the API server would', async () => {
    const file = tempFile(
      'prod.yaml',
      [
        namespace('prod', {
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/audit': 'restricted',
        }),
        privilegedPod('web', 'prod'),
      ].join('---\n'),
    );
    const { code, report } = await pssJson([file]);
    expect(code).toBe(1);
    expect(report.namespaces).toEqual([
      {
        name: 'prod',
        file,
        line: 1,
        labels: {
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/audit': 'restricted',
        },
        // warn defaults to the enforce level when it has no label of its own
        policy: { enforce: 'baseline:latest', audit: 'restricted:latest', warn: 'baseline:latest' },
        labelErrors: [],
      },
    ]);
    const [row] = report.rows;
    expect(row).toMatchObject({
      file,
      line: 9,
      kind: 'Pod',
      namespace: 'prod',
      name: 'web',
      level: 'baseline',
      version: 'latest',
      levelSource: 'namespace',
      allowed: false,
      message: `pods "web" is forbidden: violates PodSecurity "baseline:latest": ${privilegedDetail}`,
      violations: [
        {
          check: 'privileged',
          reason: 'privileged',
          detail: 'container "app" must not set securityContext.privileged=true',
        },
      ],
      highestLevel: 'privileged',
      psaResource: 'pod',
    });
    expect(row?.admission).toMatchObject({
      allowed: false,
      error: `pods "web" is forbidden: violates PodSecurity "baseline:latest": ${privilegedDetail}`,
      // no warning once enforce denies
      warnings: [],
    });
    expect(row?.admission?.auditAnnotations['pod-security.kubernetes.io/audit-violations']).toMatch(
      /^would violate PodSecurity "restricted:latest": privileged/,
    );
    expect(row?.admission?.modes.map((mode) => [mode.mode, mode.policy, mode.allowed])).toEqual([
      ['enforce', 'baseline:latest', false],
      ['audit', 'restricted:latest', false],
    ]);
  });

  it('gives pod controllers warnings and audit annotations only', async () => {
    const file = tempFile(
      'team.yaml',
      [
        namespace('team', { 'pod-security.kubernetes.io/enforce': 'restricted' }),
        baselineDeployment('api', 'team'),
      ].join('---\n'),
    );
    const { code, report } = await pssJson([file]);
    expect(code).toBe(1);
    const [row] = report.rows;
    expect(row).toMatchObject({ kind: 'Deployment', level: 'restricted', allowed: false });
    expect(row?.psaResource).toBe('controller');
    expect(row?.message).toMatch(/^would violate PodSecurity "restricted:latest": /);
    expect(row?.admission?.allowed).toBe(true);
    expect(row?.admission?.error).toBeNull();
    expect(row?.admission?.warnings).toEqual([row?.message]);
    expect(row?.admission?.modes.map((mode) => mode.mode)).toEqual(['audit', 'warn']);
  });

  it('falls back as upstream does on invalid labels, and reports them', async () => {
    const file = tempFile(
      'bad-labels.yaml',
      [
        namespace('odd', {
          'pod-security.kubernetes.io/enforce': 'strict',
          'pod-security.kubernetes.io/warn-version': 'v2',
        }),
        restrictedPod('ok', 'odd'),
      ].join('---\n'),
    );
    const { code, report } = await pssJson([file]);
    expect(code).toBe(0);
    expect(report.namespaces[0]?.policy).toEqual({
      enforce: 'restricted:latest',
      audit: 'privileged:latest',
      warn: 'privileged:latest',
    });
    const errors = [
      'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v2": must be "latest" or "v1.x"',
    ];
    expect(report.namespaces[0]?.labelErrors).toEqual(errors);
    expect(report.rows[0]?.admission?.labelErrors).toEqual(errors);
    expect(report.rows[0]?.admission?.auditAnnotations['pod-security.kubernetes.io/error']).toBe(
      `Failed to parse policy: [${errors.join(', ')}]`,
    );
  });

  it('evaluates at the given level and version, and outside the input namespaces', async () => {
    const file = tempFile('pod.yaml', privilegedPod('web'));
    const baseline = await pssJson([file, '--level', 'baseline', '--version', 'v1.0']);
    expect(baseline.code).toBe(1);
    expect(baseline.report.rows[0]).toMatchObject({
      namespace: 'default',
      level: 'baseline',
      version: 'v1.0',
      levelSource: 'option',
      admission: null,
    });
    expect(baseline.report.rows[0]?.message).toBe(
      `pods "web" is forbidden: violates PodSecurity "baseline:v1.0": ${privilegedDetail}`,
    );
    const defaults = await pssJson([file, '--namespace', 'tools']);
    expect(defaults.report.rows[0]).toMatchObject({
      namespace: 'tools',
      level: 'restricted',
      levelSource: 'default',
    });
  });

  it('suggests the strictest labels every workload of a namespace meets', async () => {
    const file = tempFile(
      'mixed.yaml',
      [
        namespace('shop', { team: 'web' }),
        restrictedPod('front', 'shop'),
        baselineDeployment('back', 'shop'),
        restrictedPod('tool', 'ops'),
      ].join('---\n'),
    );
    const { report } = await pssJson([file, '--suggest-labels', '--version', 'v1.30']);
    expect(report.suggestions?.commands).toEqual([
      'kubectl label --overwrite ns ops pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=v1.30',
      'kubectl label --overwrite ns shop pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/enforce-version=v1.30',
    ]);
    expect(report.suggestions?.namespaces[1]).toMatchObject({
      namespace: 'shop',
      level: 'baseline',
      limitedBy: ['Deployment/back'],
    });
    expect(report.suggestions?.yaml).toContain('  name: shop\n  labels:\n    team: web\n');

    const table = await pss([file, '--suggest-labels']);
    expect(table.out).toContain(
      'kubectl label --overwrite ns shop pod-security.kubernetes.io/enforce=baseline\n',
    );
    expect(table.out).toContain('kind: Namespace');
  });

  it('writes a stable JSON document', async () => {
    const file = tempFile('pod.yaml', restrictedPod('web', 'prod'));
    const { code, out, report } = await pssJson([file]);
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(['summary', 'rows', 'namespaces', 'errors']);
    expect(report.summary).toEqual({ workloads: 1, allowed: 1, denied: 0, errors: 0 });
    expect(Object.keys(report.rows[0] ?? {})).toEqual([
      'file',
      'line',
      'kind',
      'apiVersion',
      'namespace',
      'name',
      'level',
      'version',
      'levelSource',
      'allowed',
      'message',
      'violations',
      'highestLevel',
      'psaResource',
      'admission',
    ]);
    expect(out.endsWith('}\n')).toBe(true);
    expect((await pss([file, '--format', 'json'])).out).toBe(out);
  });

  it('rejects an invalid level, version or format with exit code 2', async () => {
    const file = tempFile('pod.yaml', privilegedPod('web'));
    const level = await pss([file, '--level', 'privileged']);
    expect(level.code).toBe(2);
    expect(level.err).toContain('--level must be baseline or restricted, not "privileged"');
    const version = await pss([file, '--version', '1.30']);
    expect(version.code).toBe(2);
    expect(version.err).toContain('--version must be "latest" or "v1.N"');
    expect((await pss([file, '--version', 'v1.01'])).code).toBe(2);
    expect((await pss([file, '--format', 'sarif'])).code).toBe(2);
    expect((await pss([])).code).toBe(2);
    expect(version.out).toBe('');
  });

  it('reports input errors, exits 2, and still evaluates the other documents', async () => {
    const file = tempFile(
      'broken.yaml',
      `${privilegedPod('first')}---\nkind: [\n---\n${restrictedPod('last', 'prod')}`,
    );
    const { code, report, err } = await pssJson([file, '--level', 'baseline']);
    expect(code).toBe(2);
    expect(report.rows.map((row) => [row.name, row.allowed])).toEqual([
      ['first', false],
      ['last', true],
    ]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', file, line: 11 });
    expect(report.summary.errors).toBe(1);
    expect(err).toContain(`${file}:11:`);
    const missing = await pssJson([join(tmpdir(), 'no-such-file.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.report.errors[0]?.code).toBe('NOT_FOUND');
  });

  it('reads standard input', async () => {
    const { code, report } = await pssJson(['-', '--level', 'baseline'], privilegedPod('web'));
    expect(code).toBe(1);
    expect(report.rows[0]).toMatchObject({ file: '<stdin>', line: 1, name: 'web' });
  });

  it('prints a table with the messages behind it', async () => {
    const file = tempFile('pod.yaml', privilegedPod('web'));
    const { code, out } = await pss([file, '--level', 'baseline']);
    expect(code).toBe(1);
    expect(out).toContain('LOCATION');
    expect(out).toContain(`pods "web" is forbidden: violates PodSecurity "baseline:latest"`);
    expect(out).toContain('1 workload: 0 allowed, 1 denied.');
    const empty = await pss([tempFile('empty.yaml', namespace('x', { a: 'b' }))]);
    expect(empty).toMatchObject({ code: 0, out: 'No workloads found.\n' });
  });

  it('has help', async () => {
    const { code, out } = await pss(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: mamori pss');
  });
});

interface ManifestEntry {
  file: string;
  level: string;
  version: string;
  expect: 'pass' | 'fail';
  check: string;
  expectSubstring?: string;
}

const fixtures = new URL('../../../shared/fixtures/pss/', import.meta.url);
const manifest: ManifestEntry[] = existsSync(fileURLToPath(fixtures))
  ? (JSON.parse(readFileSync(new URL('manifest.json', fixtures), 'utf8')) as ManifestEntry[])
  : [];

describe.skipIf(manifest.length === 0)('mamori pss on the upstream fixtures', () => {
  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', async (_file, entry) => {
    const path = fileURLToPath(new URL(entry.file, fixtures));
    const args = [path, '--level', entry.level, '--version', entry.version];
    const { code, report, err } = await pssJson(args);
    expect(err).toBe('');
    expect(report.rows).toHaveLength(1);
    const [row] = report.rows;
    if (entry.expect === 'pass') {
      expect(code).toBe(0);
      expect(row?.allowed).toBe(true);
      expect(row?.message).toBeNull();
    } else {
      expect(code).toBe(1);
      expect(row?.allowed).toBe(false);
      expect(row?.message).toContain(entry.expectSubstring ?? entry.check);
    }
  });
});
