/**
 * The JUnit XML report: a test suite per cluster and group, a test case per check. Failures are
 * `<failure>`, unknown verdicts `<skipped>` with the missing input. Every text is escaped.
 */
import { GROUPS, type CheckResult, type CloudReport } from '../types.js';
import { valueText, WORDS } from './text.js';
import { escapeXml } from './xml.js';

function details(check: CheckResult, lang: CloudReport['lang']): string {
  const words = WORDS[lang];
  const lines = [check.message];
  for (const item of check.evidence) {
    lines.push(
      `${words.evidence}: ${item.path} = ${valueText(item.value, 400)}${item.file === undefined ? '' : ` (${item.file})`}`,
    );
  }
  for (const missing of check.missingInput ?? []) {
    lines.push(`${words.missing}: ${missing.input} (${missing.command})`);
  }
  if (check.verdict === 'fail') {
    lines.push(`${words.fix}: ${check.remediation}`);
  }
  return lines.join('\n');
}

export function renderJunit(report: CloudReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.checks.length;
  const failures = report.checks.filter((check) => check.verdict === 'fail').length;
  const skipped = report.checks.filter((check) => check.verdict === 'unknown').length;
  out.push(
    `<testsuites name="mamori cloud" tests="${total}" failures="${failures}" errors="${report.problems.length}" skipped="${skipped}">`,
  );
  for (const cluster of report.clusters) {
    for (const group of GROUPS) {
      const checks = report.checks.filter(
        (check) =>
          check.cluster === cluster.name &&
          check.group === group &&
          check.clusterProvider === cluster.provider,
      );
      if (checks.length === 0) {
        continue;
      }
      const suite = `${cluster.provider}/${cluster.name} ${group}`;
      const score = cluster.scores.groups[group].score;
      out.push(
        `  <testsuite name="${escapeXml(suite)}" tests="${checks.length}" failures="${checks.filter((check) => check.verdict === 'fail').length}" errors="0" skipped="${checks.filter((check) => check.verdict === 'unknown').length}">`,
      );
      out.push(
        `    <properties><property name="score" value="${score === null ? '' : String(score)}"/></properties>`,
      );
      for (const check of checks) {
        const classname = `mamori.cloud.${cluster.provider}.${cluster.name}.${group}`;
        const name = `${check.id}: ${check.title}`;
        const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}"`;
        if (check.verdict === 'pass') {
          out.push(`${open}/>`);
        } else if (check.verdict === 'fail') {
          out.push(`${open}>`);
          out.push(
            `      <failure type="${escapeXml(check.severity)}" message="${escapeXml(check.message)}">${escapeXml(details(check, report.lang))}</failure>`,
          );
          out.push('    </testcase>');
        } else {
          out.push(`${open}>`);
          out.push(
            `      <skipped message="${escapeXml(`unknown: ${check.message}`)}">${escapeXml(details(check, report.lang))}</skipped>`,
          );
          out.push('    </testcase>');
        }
      }
      out.push('  </testsuite>');
    }
  }
  if (report.problems.length > 0) {
    out.push(
      `  <testsuite name="input" tests="${report.problems.length}" failures="0" errors="${report.problems.length}" skipped="0">`,
    );
    for (const problem of report.problems) {
      out.push(`    <testcase classname="mamori.cloud.input" name="${escapeXml(problem.file)}">`);
      out.push(`      <error message="${escapeXml(problem.message)}"/>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
