import { readFileSync } from 'node:fs';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  contextOf,
  deepFreeze,
  emptyResult,
  helmResult,
  hostileResult,
  mixedResult,
  reversed,
} from '../../test/reporters/fixtures.js';
import { jsonReportPieces, jsonReporter, type JsonReport } from './json.js';

const schemaUrl = new URL('../../schemas/mamori-report.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true });
addFormatsPlugin.default(ajv);
const validate = ajv.compile(schema as AnySchema);

function report(...args: Parameters<typeof jsonReporter>): JsonReport {
  return JSON.parse(jsonReporter(...args)) as JsonReport;
}

function expectValid(text: string): void {
  const valid = validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('jsonReporter', () => {
  it('validates against the schema, with findings, suppressions, errors and skipped items', () => {
    expectValid(jsonReporter(mixedResult, contextOf()));
    expectValid(jsonReporter(mixedResult, contextOf({ lang: 'ja', failOn: 'none' })));
    expectValid(jsonReporter(emptyResult, contextOf()));
    expectValid(jsonReporter(hostileResult, contextOf()));
  });

  it('rejects a report that drifts from the schema', () => {
    const drifted = report(mixedResult, contextOf()) as unknown as Record<string, unknown>;
    expect(validate({ ...drifted, extra: true })).toBe(false);
    expect(validate({ ...drifted, schemaVersion: '2.0' })).toBe(false);
  });

  it('writes the documented shape with keys in a fixed order and nulls for absent values', () => {
    const json = report(mixedResult, contextOf());
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'tool',
      'lang',
      'summary',
      'findings',
      'errors',
      'skipped',
      'stats',
    ]);
    expect(json.tool).toEqual({
      name: 'mamori',
      version: '1.2.3',
      informationUri: 'https://github.com/mamori-dev/mamori',
    });
    expect(json.summary).toEqual({
      failOn: 'high',
      thresholdExceeded: true,
      hasErrors: true,
      exitStatus: 2,
      findings: { total: 4, critical: 1, high: 0, medium: 1, low: 1, info: 1 },
      suppressed: 2,
      errors: 3,
      skipped: 2,
    });
    expect(json.findings.find((f) => f.resource.kind === 'ClusterRole')).toEqual({
      ruleId: 'hardening/run-as-non-root',
      severity: 'high',
      title: 'Container may run as root',
      message: 'Container "app" may run as root.',
      resource: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        namespace: null,
        name: 'admin-ish',
      },
      location: { file: 'rbac/role.yaml', line: 2, column: 1, pointer: '', template: null },
      container: null,
      fingerprint: 'f0000000000000000000000000000006',
      suppression: { kind: 'config', justification: 'Ticket SEC-12.', expires: '2031-01-31' },
    });
    expect(json.errors.map((error) => [error.code, error.location.line, error.ruleId])).toEqual([
      ['YAML_SYNTAX', 3, null],
      ['RULE_CRASHED', 1, 'hardening/privileged'],
      ['NOT_FOUND', null, null],
    ]);
    expect(json.skipped).toEqual([
      { file: 'charts/values.yaml', line: null, documentIndex: null, reason: 'Helm values file.' },
      {
        file: 'deploy/web.yaml',
        line: 60,
        documentIndex: 2,
        reason: 'Not a Kubernetes object (no kind).',
      },
    ]);
    expect(json.stats).toEqual({ files: 5, documents: 7, resources: 6, bytes: 4096 });
  });

  it('sorts findings and keeps suppressed ones', () => {
    const json = report(mixedResult, contextOf());
    expect(json.findings.map((f) => `${f.location.file}:${f.location.line} ${f.ruleId}`)).toEqual([
      'deploy/svc.yaml:7 network/service-node-port',
      'deploy/web.yaml:20 custom/unknown',
      'deploy/web.yaml:20 hardening/privileged',
      'deploy/web.yaml:30 hardening/run-as-non-root',
      'deploy/web.yaml:44 hardening/privileged',
      'rbac/role.yaml:2 hardening/run-as-non-root',
    ]);
  });

  it('states the verdict for a clean scan and for --fail-on none', () => {
    expect(report(emptyResult, contextOf()).summary).toMatchObject({
      thresholdExceeded: false,
      hasErrors: false,
      exitStatus: 0,
    });
    const withoutErrors = { ...mixedResult, problems: [] };
    expect(report(withoutErrors, contextOf({ failOn: 'none' })).summary).toMatchObject({
      failOn: 'none',
      thresholdExceeded: false,
      exitStatus: 0,
    });
    expect(report(withoutErrors, contextOf({ failOn: 'critical' })).summary.exitStatus).toBe(1);
  });

  it('keeps hostile text intact as JSON strings', () => {
    const json = report(hostileResult, contextOf());
    expect(json.findings[0]?.container).toBe(hostileResult.findings[0]?.container);
  });

  it('gives the same bytes for the same scan in any order, without touching the input', () => {
    const frozen = deepFreeze(structuredClone(mixedResult));
    const first = jsonReporter(frozen, contextOf());
    expect(jsonReporter(reversed(mixedResult), contextOf())).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });
});

describe('mamori-report.schema.json', () => {
  /** Walks every subschema under `properties` and `definitions`. */
  function undocumented(node: unknown, path: string): string[] {
    if (typeof node !== 'object' || node === null) {
      return [];
    }
    const record = node as Record<string, unknown>;
    const missing: string[] = [];
    for (const key of ['properties', 'definitions'] as const) {
      const children = record[key];
      if (typeof children !== 'object' || children === null) {
        continue;
      }
      for (const [name, child] of Object.entries(children as Record<string, unknown>)) {
        const described =
          typeof child === 'object' &&
          child !== null &&
          typeof (child as Record<string, unknown>).description === 'string';
        if (!described) {
          missing.push(`${path}/${key}/${name}`);
        }
        missing.push(...undocumented(child, `${path}/${key}/${name}`));
      }
    }
    for (const key of ['items', 'oneOf'] as const) {
      const value = record[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        missing.push(...undocumented(child, `${path}/${key}`));
      }
    }
    return missing;
  }

  it('describes every field', () => {
    expect(typeof schema.description).toBe('string');
    expect(undocumented(schema, '#')).toEqual([]);
  });
});

describe('jsonReportPieces', () => {
  it('joins to exactly the text of jsonReporter, in batches of findings', () => {
    for (const result of [mixedResult, emptyResult, hostileResult, reversed(mixedResult)]) {
      for (const context of [contextOf(), contextOf({ lang: 'ja', failOn: 'none' })]) {
        for (const batch of [1, 2, 500]) {
          const pieces = [...jsonReportPieces(result, context, batch)];
          expect(pieces.join('')).toBe(jsonReporter(result, context));
          const batches = Math.ceil(result.findings.length / batch);
          expect(pieces).toHaveLength(result.findings.length === 0 ? 1 : batches + 2);
        }
      }
    }
  });

  it('names the chart template of rendered Helm output, and null elsewhere', () => {
    const text = jsonReporter(helmResult, contextOf());
    expectValid(text);
    expect((JSON.parse(text) as JsonReport).findings[0]?.location).toEqual({
      file: '<stdin>',
      line: 14,
      column: 13,
      pointer: '/spec/template/spec/containers/0/securityContext/privileged',
      template: 'shop/templates/deployment.yaml',
    });
    expect((JSON.parse(text) as JsonReport).errors[0]?.location).toEqual({
      file: '<stdin>',
      line: 40,
      column: 3,
      template: 'shop/templates/config.yaml',
    });
    const mixed = report(mixedResult, contextOf());
    expect(
      [...mixed.findings, ...mixed.errors].every((item) => item.location.template === null),
    ).toBe(true);
    const drifted = JSON.parse(text) as { findings: { location: { template: unknown } }[] };
    for (const bad of ['', 42]) {
      const finding = drifted.findings[0];
      if (finding !== undefined) {
        finding.location.template = bad;
      }
      expect(validate(drifted)).toBe(false);
    }
  });
});
