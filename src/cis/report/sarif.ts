/**
 * SARIF 2.1.0: one rule per recommendation, one result per control. FAIL results are errors;
 * PASS, WARN and NOT ASSESSABLE carry SARIF's `kind` (pass, review, notApplicable) at level none.
 */
import type { Assessment } from '../assess.js';
import type { Result } from '../types.js';

const KIND: Record<Result['verdict'], string> = {
  PASS: 'pass',
  FAIL: 'fail',
  WARN: 'review',
  NOT_ASSESSABLE: 'notApplicable',
};

function fileUri(path: string): string | undefined {
  if (!path.startsWith('/')) {
    return undefined;
  }
  const clean = path.replace(/ \(.*\)$/, '');
  return `file://${clean.split('/').map(encodeURIComponent).join('/')}`;
}

/** Renders an assessment as a SARIF 2.1.0 log (JSON text). */
export function renderSarif(assessment: Assessment, toolVersion: string): string {
  const ruleIds = [...new Set(assessment.results.map((result) => result.id))];
  const first = new Map<string, Result>();
  for (const result of assessment.results) {
    if (!first.has(result.id)) {
      first.set(result.id, result);
    }
  }
  const rules = ruleIds.map((id) => {
    const result = first.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: result?.title ?? id },
      help: { text: result?.remediation ?? '' },
      properties: {
        benchmark: assessment.benchmark.id,
        controls: assessment.results.filter((r) => r.id === id).map((r) => r.control),
      },
    };
  });
  const results = assessment.results.map((result) => {
    const locations = result.evidence
      .map((item) => fileUri(item.location))
      .filter((uri): uri is string => uri !== undefined)
      .filter((uri, index, all) => all.indexOf(uri) === index)
      .slice(0, 10)
      .map((uri) => ({ physicalLocation: { artifactLocation: { uri } } }));
    return {
      ruleId: result.id,
      ruleIndex: ruleIds.indexOf(result.id),
      kind: KIND[result.verdict],
      level: result.verdict === 'FAIL' ? 'error' : 'none',
      message: { text: `${result.control} ${result.title}: ${result.reason}` },
      ...(locations.length === 0 ? {} : { locations }),
      properties: {
        control: result.control,
        verdict: result.verdict,
        automated: result.automated,
        section: result.section,
        ...(result.expected === undefined ? {} : { expected: result.expected }),
        evidence: result.evidence,
      },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mamori',
            version: toolVersion,
            informationUri: 'https://github.com/mamori-dev/mamori',
            rules,
          },
        },
        results,
        properties: {
          benchmark: assessment.benchmark,
          platform: assessment.platform,
          profile: assessment.profile,
          summary: assessment.summary,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
