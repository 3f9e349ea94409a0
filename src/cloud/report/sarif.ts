/**
 * The SARIF 2.1.0 report. Failures are results of kind `fail` with a level from the severity;
 * unknown verdicts are results of kind `open` (the tool could not decide) with level `none`.
 * Passes are not listed. Each result points at the input file of its first evidence and names the
 * field as a logical location.
 */
import { relative, sep } from 'node:path';
import type { Severity } from '../../core/model.js';
import { ALL_CHECKS } from '../checks/registry.js';
import type { CheckResult, CloudReport } from '../types.js';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export interface SarifOptions {
  toolVersion: string;
  cwd: string;
  informationUri: string;
}

function uriOf(file: string, cwd: string): string {
  const path = file.startsWith('<') ? file : relative(cwd, file) || file;
  return path.split(sep).join('/');
}

export function renderSarif(report: CloudReport, options: SarifOptions): string {
  const lang = report.lang;
  const index = new Map(ALL_CHECKS.map((meta, position) => [meta.id, position]));
  const rules = ALL_CHECKS.map((meta) => ({
    id: meta.id,
    name: meta.id
      .replace(/^cloud\//, '')
      .replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.title[lang] },
    help: { text: meta.remediation[lang] },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      group: meta.group,
      provider: meta.provider,
      ...(meta.catalogueId === undefined ? {} : { catalogueId: meta.catalogueId }),
      references: meta.references,
      tags: [...new Set(['security', 'kubernetes', meta.provider, meta.group.toLowerCase()])],
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  }));
  const filesOf = new Map(
    report.clusters.map((cluster) => [`${cluster.provider}/${cluster.name}`, cluster.files]),
  );
  const result = (check: CheckResult): Record<string, unknown> => {
    const file =
      check.evidence.find((item) => item.file !== undefined)?.file ??
      filesOf.get(`${check.clusterProvider}/${check.cluster}`)?.[0];
    const field = check.evidence[0]?.path;
    const location: Record<string, unknown> = {};
    if (file !== undefined) {
      location.physicalLocation = { artifactLocation: { uri: uriOf(file, options.cwd) } };
    }
    if (field !== undefined && field !== '') {
      location.logicalLocations = [
        { fullyQualifiedName: `${check.cluster}:${field}`, kind: 'member' },
      ];
    }
    return {
      ruleId: check.id,
      ...(index.has(check.id) ? { ruleIndex: index.get(check.id) } : {}),
      kind: check.verdict === 'fail' ? 'fail' : 'open',
      level: check.verdict === 'fail' ? LEVEL[check.severity] : 'none',
      message: {
        text:
          check.verdict === 'fail' ? `${check.message} Fix: ${check.remediation}` : check.message,
      },
      ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
      properties: {
        cluster: check.cluster,
        group: check.group,
        verdict: check.verdict,
        severity: check.severity,
        evidence: check.evidence,
        ...(check.missingInput === undefined ? {} : { missingInput: check.missingInput }),
      },
    };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mamori',
            version: options.toolVersion,
            informationUri: options.informationUri,
            rules,
          },
        },
        results: report.checks.filter((check) => check.verdict !== 'pass').map(result),
        properties: {
          scores: report.scores,
          clusters: report.clusters.map((cluster) => ({
            provider: cluster.provider,
            name: cluster.name,
            scores: cluster.scores,
          })),
          versionTable: report.versionTable,
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
