import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import {
  contextOf,
  deepFreeze,
  emptyResult,
  findingOf,
  helmResult,
  hostileResult,
  mixedResult,
  reversed,
} from '../../test/reporters/fixtures.js';
import { artifactUriOf, sarifReporter } from './sarif.js';

/**
 * The official SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif. It declares draft-04,
 * which Ajv 8 does not load; its only draft-04 specifics are `$schema` and the top-level `id`,
 * so without them it compiles as draft-07 with the same meaning. Its `language` pattern has a
 * stray `]` that is only legal in non-Unicode regular expressions, hence `unicodeRegExp: false`.
 */
function officialValidator(): ReturnType<Ajv['compile']> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormatsPlugin.default(ajv);
  return ajv.compile(schema as AnySchema);
}

const validate = officialValidator();

function sarif(...args: Parameters<typeof sarifReporter>): Log {
  return JSON.parse(sarifReporter(...args)) as Log;
}

function expectValid(text: string): void {
  const valid = validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function resultsOf(log: Log): Result[] {
  return log.runs[0]?.results ?? [];
}

describe('sarifReporter', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(sarifReporter(mixedResult, contextOf()));
    expectValid(sarifReporter(emptyResult, contextOf()));
    expectValid(sarifReporter({ ...mixedResult, problems: [] }, contextOf({ lang: 'ja' })));
    expectValid(sarifReporter(hostileResult, contextOf()));
  });

  it('rejects what the schema forbids, so the check has teeth', () => {
    const log = sarif(mixedResult, contextOf()) as unknown as Record<string, unknown>;
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('describes every rule of the context, sorted by id, with docs and severities', () => {
    const driver = sarif(emptyResult, contextOf()).runs[0]?.tool.driver;
    expect(driver?.name).toBe('mamori');
    expect(driver?.version).toBe('1.2.3');
    expect(driver?.informationUri).toBe('https://github.com/mamori-dev/mamori');
    expect(driver?.rules?.map((rule) => rule.id)).toEqual([
      'hardening/privileged',
      'hardening/run-as-non-root',
      'network/service-node-port',
    ]);
    expect(driver?.rules?.[0]).toEqual({
      id: 'hardening/privileged',
      name: 'HardeningPrivileged',
      shortDescription: { text: 'Privileged container' },
      fullDescription: { text: 'Privileged containers own the node.' },
      help: {
        text: 'Set privileged to false.',
        markdown: [
          'Set privileged to false.',
          '',
          '[hardening/privileged](https://docs.example.test/rules/hardening/privileged.md)',
          '',
          '- <https://kubernetes.io/docs/concepts/security/pod-security-standards/>',
        ].join('\n'),
      },
      helpUri: 'https://docs.example.test/rules/hardening/privileged.md',
      defaultConfiguration: { enabled: true, level: 'error' },
      properties: {
        tags: ['security', 'hardening', 'pss/baseline', 'cis/5.2.2'],
        'security-severity': '9.5',
        severity: 'critical',
      },
    });
    expect(driver?.rules?.[1]?.properties?.['security-severity']).toBe('5.5');
    expect(driver?.rules?.[1]?.defaultConfiguration?.level).toBe('warning');
    expect(driver?.rules?.[2]?.defaultConfiguration).toEqual({ enabled: false, level: 'note' });
    const ja = sarif(emptyResult, contextOf({ lang: 'ja' })).runs[0]?.tool.driver.rules?.[0];
    expect(ja?.shortDescription?.text).toBe('特権コンテナ');
  });

  it('maps findings to results with locations, fingerprints and rule indexes', () => {
    const log = sarif(mixedResult, contextOf());
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    const results = resultsOf(log);
    expect(results).toHaveLength(6);
    for (const result of results) {
      expect(result.ruleIndex).toBeDefined();
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
    // A rule missing from the context still gets a descriptor.
    expect(rules.map((rule) => rule.id)).toContain('custom/unknown');
    const privileged = results.find(
      (result) => result.ruleId === 'hardening/privileged' && result.suppressions === undefined,
    );
    expect(privileged).toMatchObject({
      level: 'error',
      message: { text: 'Container "app" runs privileged.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'deploy/web.yaml' },
            region: { startLine: 20, startColumn: 11 },
          },
          logicalLocations: [
            { name: 'web', fullyQualifiedName: 'Deployment/shop/web', kind: 'resource' },
          ],
        },
      ],
      partialFingerprints: { 'mamori/v1': 'f0000000000000000000000000000001' },
      properties: { severity: 'critical', container: 'app' },
    });
    expect(results.map((result) => result.level)).toEqual([
      'note',
      'note',
      'error',
      'warning',
      'error',
      'error',
    ]);
  });

  it('marks suppressed findings: annotations in source, configuration external', () => {
    const results = resultsOf(sarif(mixedResult, contextOf()));
    const suppressions = results.flatMap((result) => result.suppressions ?? []);
    expect(suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'Debug pod, removed before release.' },
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Ticket SEC-12.',
        properties: { expires: '2031-01-31' },
      },
    ]);
  });

  it('reports errors as failed-execution notifications, skipped items as notes', () => {
    const invocation = sarif(mixedResult, contextOf()).runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    const notifications = invocation?.toolExecutionNotifications ?? [];
    expect(notifications.map((n) => [n.level, n.descriptor?.id])).toEqual([
      ['error', 'YAML_SYNTAX'],
      ['error', 'RULE_CRASHED'],
      ['error', 'NOT_FOUND'],
      ['note', 'SKIPPED'],
      ['note', 'SKIPPED'],
    ]);
    expect(notifications[0]?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'broken.yaml' },
      region: { startLine: 3, startColumn: 5 },
    });
    expect(notifications[1]?.associatedRule).toEqual({ id: 'hardening/privileged', index: 1 });
    expect(notifications[2]?.locations?.[0]?.physicalLocation?.region).toBeUndefined();
    const clean = sarif(emptyResult, contextOf()).runs[0]?.invocations?.[0];
    expect(clean).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('makes URIs relative to cwd with forward slashes, encoded', () => {
    expect(artifactUriOf('deploy/web.yaml', '/work/project')).toBe('deploy/web.yaml');
    expect(artifactUriOf('/work/project/a b/#1.yaml', '/work/project')).toBe('a%20b/%231.yaml');
    expect(artifactUriOf('./x/../y.yaml', '/work/project')).toBe('y.yaml');
    expect(artifactUriOf('../other/z.yaml', '/work/project')).toBe('file:///work/other/z.yaml');
    expect(artifactUriOf('<stdin>', '/work/project')).toBe('%3Cstdin%3E');
    expect(artifactUriOf('bad\ud800.yaml', '/work/project')).toBe('bad%EF%BF%BD.yaml');
    const log = sarif(
      { ...emptyResult, findings: [findingOf({ file: '/work/project/k/p.yaml' })] },
      contextOf(),
    );
    expect(resultsOf(log)[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(
      'k/p.yaml',
    );
  });

  it('gives the same bytes for the same scan in any order, without touching the input', () => {
    const frozen = deepFreeze(structuredClone(mixedResult));
    const first = sarifReporter(frozen, contextOf());
    expect(sarifReporter(reversed(mixedResult), contextOf())).toBe(first);
  });

  it('keeps the chart template of rendered Helm output among the result properties', () => {
    const text = sarifReporter(helmResult, contextOf());
    expectValid(text);
    expect(resultsOf(JSON.parse(text) as Log)[0]?.properties?.template).toBe(
      'shop/templates/deployment.yaml',
    );
    const notifications =
      (JSON.parse(text) as Log).runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notifications.map((notification) => notification.properties)).toEqual([
      { template: 'shop/templates/config.yaml' },
    ]);
    expect(
      resultsOf(sarif(mixedResult, contextOf())).some(
        (result) => 'template' in (result.properties ?? {}),
      ),
    ).toBe(false);
  });
});
