/**
 * JUnit XML: one test suite per benchmark section, one test case per control. FAIL is a failure;
 * WARN and NOT ASSESSABLE are skipped with their reason.
 */
import type { Assessment } from '../assess.js';
import type { Result } from '../types.js';
import { escapeXml } from './xml.js';

function evidenceText(result: Result): string {
  const lines = result.evidence.map(
    (item) =>
      `${item.source}: ${item.location}${item.key === undefined ? '' : ` ${item.key}`}${item.value === undefined ? '' : ` = ${item.value}`}`,
  );
  return [result.reason, ...lines].join('\n');
}

/** Renders an assessment as JUnit XML. */
export function renderJunit(assessment: Assessment): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const overall = assessment.summary.overall;
  out.push(
    `<testsuites name="${escapeXml(`mamori node ${assessment.benchmark.id}`)}" tests="${overall.total}" failures="${overall.fail}" skipped="${overall.warn + overall.notAssessable}">`,
  );
  for (const section of assessment.summary.sections) {
    const results = assessment.results.filter((result) => result.section === section.id);
    const { tally } = section;
    out.push(
      `  <testsuite name="${escapeXml(`${section.id} ${section.title}`)}" tests="${tally.total}" failures="${tally.fail}" errors="0" skipped="${tally.warn + tally.notAssessable}">`,
    );
    for (const result of results) {
      const group = assessment.summary.sections
        .find((s) => s.id === section.id)
        ?.groups.find((g) => g.id === result.group);
      out.push(
        `    <testcase name="${escapeXml(`${result.control} ${result.title}`)}" classname="${escapeXml(`${assessment.benchmark.id}.${group?.title ?? result.group}`)}">`,
      );
      if (result.verdict === 'FAIL') {
        out.push(
          `      <failure message="${escapeXml(result.reason)}" type="${escapeXml(result.id)}">${escapeXml(`${evidenceText(result)}\nfix: ${result.remediation}`)}</failure>`,
        );
      } else if (result.verdict !== 'PASS') {
        out.push(`      <skipped message="${escapeXml(`${result.verdict}: ${result.reason}`)}"/>`);
      }
      out.push(`      <system-out>${escapeXml(evidenceText(result))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
