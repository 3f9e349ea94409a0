/**
 * JUnit XML for CI test views: one `<testsuite>` per input file, one `<testcase>` per object and
 * rule. Findings are failures, suppressed findings and skipped input are skipped cases, input
 * and rule errors are error cases. Only what mamori reports appears: passing checks are not
 * listed, so a clean scan has no test cases.
 */
import type { Finding, Problem, ScanResult, Skipped } from '../core/model.js';
import { stringsFor } from './i18n.js';
import { docsUrlOf, objectPath, templatedLocation } from './labels.js';
import {
  compareText,
  isActive,
  sortFindings,
  sortProblems,
  sortSkipped,
  worstSeverity,
} from './summary.js';
import type { Reporter, ReportContext } from './types.js';
import { escapeXmlText, xmlAttributes } from './xml.js';

type Outcome = 'failure' | 'error' | 'skipped';

interface TestCase {
  outcome: Outcome;
  xml: string;
}

interface Suite {
  file: string;
  cases: TestCase[];
}

const INDENT = '    ';

function element(
  name: string,
  attributes: Readonly<Record<string, string | number | undefined>>,
  text?: string,
): string {
  const open = `<${name}${xmlAttributes(attributes)}`;
  return text === undefined ? `${open}/>` : `${open}>${escapeXmlText(text)}</${name}>`;
}

function testCase(
  attributes: Readonly<Record<string, string | number | undefined>>,
  outcome: Outcome,
  child: string | undefined,
): TestCase {
  const open = `${INDENT}<testcase${xmlAttributes(attributes)}`;
  return {
    outcome,
    xml: child === undefined ? `${open}/>` : `${open}>\n${INDENT}  ${child}\n${INDENT}</testcase>`,
  };
}

/** Groups sorted findings of one file by object and rule, keeping the order of first findings. */
function groupByObjectAndRule(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const ref = finding.resource;
    const key = [ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name, finding.ruleId].join(
      '\u0000',
    );
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [finding]);
    } else {
      group.push(finding);
    }
  }
  return [...groups.values()];
}

function findingCase(group: readonly Finding[], context: ReportContext): TestCase | undefined {
  const first = group[0];
  if (first === undefined) {
    return undefined;
  }
  const words = stringsFor(context.lang);
  const attributes = {
    classname: objectPath(first.resource),
    name: first.ruleId,
    file: first.file,
    line: first.line,
  };
  const active = group.filter(isActive);
  const lead = active[0];
  if (lead === undefined) {
    const suppression = first.suppression;
    const message =
      suppression === undefined
        ? ''
        : words.suppressedBy(suppression.kind, suppression.justification);
    return testCase(attributes, 'skipped', element('skipped', { message }));
  }
  const more = active.length > 1 ? ` ${words.moreFindings(active.length - 1)}` : '';
  const details = active.map(
    (finding) =>
      `${templatedLocation(finding)}  ${words.severityLabel[finding.severity]}  ${finding.message}`,
  );
  const text = [
    ...details,
    '',
    `${first.ruleId}: ${first.title}`,
    docsUrlOf(context.docsBaseUrl, first.ruleId),
  ].join('\n');
  const failure = element(
    'failure',
    {
      message: `${lead.message}${more}`,
      type: worstSeverity(active.map((finding) => finding.severity)) ?? lead.severity,
    },
    text,
  );
  return testCase(attributes, 'failure', failure);
}

function problemCase(problem: Problem): TestCase {
  const where = templatedLocation(problem);
  const attributes = {
    classname: problem.resource === undefined ? problem.file : objectPath(problem.resource),
    name: problem.ruleId ?? problem.code,
    file: problem.file,
    line: problem.line,
  };
  const text = `${where}  ${problem.code}  ${problem.message}`;
  return testCase(
    attributes,
    'error',
    element('error', { message: problem.message, type: problem.code }, text),
  );
}

function skippedCase(item: Skipped): TestCase {
  const attributes = {
    classname: item.file,
    name: item.line === undefined ? 'skipped' : `skipped (line ${item.line})`,
    file: item.file,
    line: item.line,
  };
  return testCase(attributes, 'skipped', element('skipped', { message: item.reason }));
}

function suitesOf(result: ScanResult, context: ReportContext): Suite[] {
  const suites = new Map<string, Suite>();
  const suiteOf = (file: string): Suite => {
    let suite = suites.get(file);
    if (suite === undefined) {
      suite = { file, cases: [] };
      suites.set(file, suite);
    }
    return suite;
  };
  const byFile = new Map<string, Finding[]>();
  for (const finding of sortFindings(result.findings)) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    for (const group of groupByObjectAndRule(findings)) {
      const found = findingCase(group, context);
      if (found !== undefined) {
        suiteOf(file).cases.push(found);
      }
    }
  }
  for (const problem of sortProblems(result.problems)) {
    suiteOf(problem.file).cases.push(problemCase(problem));
  }
  for (const item of sortSkipped(result.skipped)) {
    suiteOf(item.file).cases.push(skippedCase(item));
  }
  return [...suites.values()].sort((a, b) => compareText(a.file, b.file));
}

function countsOf(
  cases: readonly TestCase[],
): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const count = (outcome: Outcome): number =>
    cases.filter((item) => item.outcome === outcome).length;
  return {
    tests: cases.length,
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
  };
}

/** Renders a scan as JUnit XML. All text is escaped and stripped of characters XML forbids. */
export const junitReporter: Reporter = (result, context) => {
  const suites = suitesOf(result, context);
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: 'mamori', ...countsOf(all) })}>`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite${xmlAttributes({ name: suite.file, ...countsOf(suite.cases) })}>`);
    lines.push(...suite.cases.map((item) => item.xml));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};
