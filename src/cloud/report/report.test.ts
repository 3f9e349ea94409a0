import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../sources/cloud/load.js';
import { buildReport } from '../evaluate.js';
import { bundle, k8s, testContext } from '../testing.js';
import type { CloudReport, ClusterBundle } from '../types.js';
import { renderJson, renderJunit, renderSarif, renderTable } from './index.js';
import { escapeXml } from './xml.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/cloud');

function reportOf(bundles: ClusterBundle[], lang: 'en' | 'ja' = 'en'): CloudReport {
  return buildReport({ bundles, context: testContext(), lang, skipped: [], problems: [] });
}

function fixture(name: string, lang: 'en' | 'ja' = 'en'): CloudReport {
  return reportOf(loadInputs([join(FIXTURES, name)]).bundles, lang);
}

/** The SARIF 2.1.0 schema shipped with @microsoft/jest-sarif, loaded as draft-07 (see src/reporters). */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(
    readFileSync(
      require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormatsPlugin.default(ajv);
  return ajv.compile(schema as AnySchema);
}

const hostile = bundle(
  'kubernetes',
  [
    k8s({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a<b>&"c\'' } }),
    k8s({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: 'a<b>&"c\'' },
    }),
    k8s({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'x\u0001]]>' },
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'User', name: '<script>&amp;' }],
    }),
  ],
  ['NetworkPolicy'],
  'evil"<name>',
);

describe('JSON report', () => {
  it('lists every check with the documented fields and scores per group and overall', () => {
    const json = JSON.parse(renderJson(fixture('eks-weak'), '0.1.0')) as Record<string, unknown> & {
      checks: Record<string, unknown>[];
      scores: Record<string, unknown>;
    };
    expect(json.schema).toBe('mamori/cloud-report@1');
    expect(Object.keys(json.scores)).toEqual(['overall', 'groups']);
    expect(Object.keys(json.scores.groups as object)).toEqual(['Connectivity', 'Cluster', 'Auth']);
    for (const check of json.checks) {
      expect(Object.keys(check)).toEqual(
        expect.arrayContaining([
          'id',
          'group',
          'provider',
          'title',
          'verdict',
          'severity',
          'evidence',
          'remediation',
        ]),
      );
      expect(['pass', 'fail', 'unknown']).toContain(check.verdict);
    }
    const endpoint = json.checks.find((check) => check.id === 'cloud/eks-endpoint-public-access');
    expect(endpoint).toMatchObject({
      catalogueId: 'CONN-EKS-001',
      group: 'Connectivity',
      provider: 'eks',
      verdict: 'fail',
      severity: 'high',
      evidence: expect.arrayContaining([
        expect.objectContaining({
          path: 'cluster.resourcesVpcConfig.publicAccessCidrs',
          value: ['0.0.0.0/0'],
        }),
      ]) as unknown,
    });
  });

  it('never contains credential values from the input', () => {
    const text = renderJson(fixture('gke-weak'), '0.1.0');
    expect(text).not.toContain('LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVk');
    expect(text).not.toContain('ZXhhbXBsZWNsaWVudA');
  });

  it('scores with severity weights and ignores unknowns', () => {
    const report = fixture('eks-hardened');
    expect(report.scores.overall).toMatchObject({ fail: 0, unknown: 0, score: 100 });
    expect(fixture('eks-partial').scores.groups.Auth.score).toBeNull();
  });
});

describe('SARIF report', () => {
  const validate = sarifValidator();
  it('validates against the SARIF 2.1.0 schema', () => {
    for (const report of [
      fixture('eks-weak'),
      fixture('aks-partial', 'ja'),
      reportOf([hostile]),
      reportOf([]),
    ]) {
      const log = JSON.parse(
        renderSarif(report, {
          toolVersion: '0.1.0',
          cwd: process.cwd(),
          informationUri: 'https://example.com/cloud.md',
        }),
      ) as unknown;
      const valid = validate(log) === true;
      expect(JSON.stringify(validate.errors ?? []).slice(0, 1500)).toBe('[]');
      expect(valid).toBe(true);
    }
  });

  it('reports failures as kind fail and unknowns as kind open with level none', () => {
    const log = JSON.parse(
      renderSarif(fixture('eks-partial'), {
        toolVersion: '0.1.0',
        cwd: FIXTURES,
        informationUri: 'https://example.com',
      }),
    ) as {
      runs: {
        results: {
          kind: string;
          level: string;
          ruleId: string;
          locations?: { physicalLocation?: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const results = log.runs[0]?.results ?? [];
    expect(results.find((result) => result.ruleId === 'cloud/eks-version-support')).toMatchObject({
      kind: 'fail',
      level: 'warning',
    });
    expect(results.find((result) => result.ruleId === 'cloud/k8s-default-deny')).toMatchObject({
      kind: 'open',
      level: 'none',
    });
    expect(
      results.find((result) => result.ruleId === 'cloud/eks-version-support')?.locations?.[0]
        ?.physicalLocation?.artifactLocation.uri,
    ).toBe('eks-partial/eks/describe-cluster.json');
  });
});

describe('JUnit report', () => {
  it('escapes every text', () => {
    const xml = renderJunit(reportOf([hostile]));
    expect(xml).not.toMatch(/<script>|\]\]>/);
    expect(xml.includes(String.fromCharCode(1))).toBe(false);
    expect(xml).toContain('&lt;script&gt;&amp;amp;');
    expect(xml).toContain('evil&quot;&lt;name&gt;');
    expect(escapeXml('a<b>&"\'\u0000')).toBe('a&lt;b&gt;&amp;&quot;&apos;\ufffd');
  });

  it('counts failures and skipped (unknown) checks per suite', () => {
    const xml = renderJunit(fixture('eks-partial'));
    expect(xml).toMatch(
      /<testsuites name="mamori cloud" tests="39" failures="4" errors="0" skipped="30">/,
    );
    expect(xml).toContain('<testsuite name="eks/edge Connectivity"');
    expect(xml).toContain('<skipped message="unknown: ');
  });
});

describe('table report', () => {
  it('shows groups, scores, evidence, missing inputs and fixes', () => {
    const text = renderTable(fixture('eks-partial'), { color: false });
    expect(text).toContain('EKS cluster "edge"');
    expect(text).toMatch(/Connectivity {2}score \d+/);
    expect(text).toContain(
      'missing: eks/nodegroups/edge-b.json  ← aws eks describe-nodegroup --cluster-name edge --nodegroup-name edge-b',
    );
    expect(text).toContain(
      'fix: Upgrade the control plane one minor at a time (`aws eks update-cluster-version --name edge --kubernetes-version 1.NN`)',
    );
  });

  it('speaks Japanese', () => {
    const text = renderTable(fixture('aks-weak', 'ja'), { color: false });
    expect(text).toContain('不合格');
    expect(text).toContain('ローカルアカウントが無効');
    expect(text).toContain('認証・認可 (Auth)');
  });

  it('says when nothing was found', () => {
    expect(renderTable(reportOf([]), { color: false })).toContain('No cluster configuration');
  });
});
