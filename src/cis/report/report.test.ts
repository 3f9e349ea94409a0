import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { collectNodeFacts } from '../../sources/node/collect.js';
import { assessNode, type Assessment } from '../assess.js';
import { renderCompareMarkdown, renderCompareTable, cell } from './compare.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';
import { escapeXml } from './xml.js';

/** The SARIF 2.1.0 schema shipped with @microsoft/jest-sarif, minus its draft-04 header. */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const path = createRequire(import.meta.url).resolve(
    '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
  );
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormatsPlugin.default(ajv);
  return ajv.compile(schema as AnySchema);
}

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/nodes');
const NOW = () => new Date('2026-01-01T00:00:00Z');
const assess = (name: string, benchmark?: string): Assessment =>
  assessNode(collectNodeFacts({ root: join(FIXTURES, name), now: NOW }), benchmark);

describe('table', () => {
  it('states the profile, verdicts with evidence, and totals', () => {
    const text = renderTable(assess('kubeadm-weak'));
    expect(text).toMatch(/^CIS Kubernetes Benchmark v1.12 \(cis-1.12\)/);
    expect(text).toMatch(/Profile chosen automatically: self-managed control plane/);
    expect(text).toMatch(/\[FAIL\] 1\.2\.6 +API server authorization is not AlwaysAllow/);
    expect(text).toMatch(
      /--authorization-mode=AlwaysAllow on kube-apiserver \[\/proc\/101\/cmdline\]/,
    );
    expect(text).toMatch(/Overall +16 +49 +64 +2 +131 +12\.2% +12\.4%/);
    expect(renderTable(assess('kubeadm-weak'), { quiet: true })).not.toMatch(/\[PASS\]/);
  });
});

describe('JUnit', () => {
  it('escapes XML and maps verdicts', () => {
    expect(escapeXml('<a href="x">&\'\u0001</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
    const xml = renderJunit(assess('aks-worker'));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toMatch(/<testsuite name="3 Worker Nodes" tests="13" failures="1"/);
    expect(xml).toMatch(/<failure message="\/etc\/kubernetes\/azure.json has mode 666"/);
    expect(xml).toMatch(/<skipped message="WARN: /);
    expect(xml).not.toMatch(/fixture-secret/);
    const opened = (xml.match(/<testcase /g) ?? []).length;
    expect(opened).toBe((xml.match(/<\/testcase>/g) ?? []).length);
    expect(opened).toBe(51);
  });
});

describe('SARIF', () => {
  it('is a valid SARIF 2.1.0 log with a result per control', () => {
    const assessment = assess('kubeadm-weak');
    const log: unknown = JSON.parse(renderSarif(assessment, '0.1.0'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = (log as { runs: { results: { kind: string; level: string; ruleId: string }[] }[] })
      .runs[0]!;
    expect(run.results).toHaveLength(131);
    expect(run.results.filter((r) => r.kind === 'fail').every((r) => r.level === 'error')).toBe(
      true,
    );
    expect(run.results.filter((r) => r.kind !== 'fail').every((r) => r.level === 'none')).toBe(
      true,
    );
    expect(new Set(run.results.map((r) => r.kind))).toEqual(
      new Set(['pass', 'fail', 'review', 'notApplicable']),
    );
  });
});

describe('compare', () => {
  it('lines up one benchmark by section and group, marking what cannot be assessed', () => {
    const inputs = [
      { name: 'kubeadm', assessment: assess('kubeadm-weak', 'cis-1.6') },
      { name: 'eks', assessment: assess('eks-worker', 'cis-1.6') },
      { name: 'aks', assessment: assess('aks-worker', 'cis-1.6') },
    ];
    const markdown = renderCompareMarkdown(inputs);
    expect(markdown).toMatch(
      /^\| Section \| kubeadm \[cis-1.6\] \| eks \[cis-1.6\] \| aks \[cis-1.6\] \|/,
    );
    expect(markdown).toMatch(
      /\| \*\*2 Etcd Node Configuration\*\* \| 0\/7 \(0\.0%\) \| not assessable \| not assessable \|/,
    );
    expect(markdown).toMatch(/&nbsp;&nbsp;4\.2 Kubelet \| [^|]+ \| \d+\/13 /);
    const table = renderCompareTable(inputs);
    expect(table).toMatch(/1\.2 API Server/);
    expect(table).toMatch(/Overall, counting not assessable/);
  });

  it('lines up different benchmarks by area', () => {
    const table = renderCompareTable([
      { name: 'kubeadm', assessment: assess('kubeadm-hardened') },
      { name: 'gke', assessment: assess('gke-node') },
    ]);
    expect(table).toMatch(/Worker nodes +12\/12 \(100\.0%\) \+13 n\/a|Worker nodes/);
    expect(table).toMatch(/Managed services +– +0\/33 \(0\.0%\)/);
  });

  it('formats cells', () => {
    expect(cell(undefined)).toBe('–');
    expect(
      cell({
        pass: 0,
        fail: 0,
        warn: 0,
        notAssessable: 3,
        total: 3,
        compliance: 0,
        complianceAssessable: null,
      }),
    ).toBe('not assessable');
    expect(
      cell({
        pass: 2,
        fail: 1,
        warn: 0,
        notAssessable: 1,
        total: 4,
        compliance: 50,
        complianceAssessable: 66.7,
      }),
    ).toBe('2/3 (66.7%) +1 n/a');
  });
});
