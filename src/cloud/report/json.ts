/**
 * The JSON report: one entry per check and cluster, plus per-group and overall scores.
 *
 * ```json
 * { "schema": "mamori/cloud-report@1", "scores": { "overall": { "score": 72, … }, "groups": { … } },
 *   "checks": [ { "id": "cloud/eks-endpoint-public-access", "group": "Connectivity", "provider": "eks",
 *                 "verdict": "fail", "severity": "high", "evidence": [ { "path": …, "value": … } ],
 *                 "missingInput": [ … ], "remediation": "…" } ] }
 * ```
 */
import type { CloudReport } from '../types.js';

export const REPORT_SCHEMA = 'mamori/cloud-report@1';

export function renderJson(report: CloudReport, toolVersion: string): string {
  const out = {
    schema: REPORT_SCHEMA,
    tool: { name: 'mamori', version: toolVersion },
    generatedAt: report.generatedAt,
    lang: report.lang,
    versionTable: report.versionTable,
    summary: {
      clusters: report.clusters.length,
      checks: report.checks.length,
      pass: report.scores.overall.pass,
      fail: report.scores.overall.fail,
      unknown: report.scores.overall.unknown,
    },
    scores: report.scores,
    clusters: report.clusters,
    checks: report.checks.map((check) => ({
      id: check.id,
      catalogueId: check.catalogueId,
      group: check.group,
      provider: check.provider,
      cluster: check.cluster,
      clusterProvider: check.clusterProvider,
      title: check.title,
      verdict: check.verdict,
      severity: check.severity,
      message: check.message,
      evidence: check.evidence,
      missingInput: check.missingInput,
      notApplicable: check.notApplicable,
      remediation: check.remediation,
      references: check.references,
    })),
    inputs: report.inputs,
    skipped: report.skipped,
    problems: report.problems,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
