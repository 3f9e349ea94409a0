/**
 * The human-readable report: findings grouped by file and object, then errors, skipped items and
 * a summary line. Suppressed findings are only counted.
 */
import { SEVERITIES } from '../core/model.js';
import type {
  Finding,
  Problem,
  ResourceRef,
  ScanResult,
  Severity,
  Skipped,
} from '../core/model.js';
import { stringsFor, type ReportStrings } from './i18n.js';
import { locationLabel, objectLabel, templatedLocation } from './labels.js';
import {
  compareText,
  exitStatusOf,
  isActive,
  sortFindings,
  sortProblems,
  sortSkipped,
  summarize,
} from './summary.js';
import {
  displayWidth,
  padCells,
  painter,
  terminalSafe,
  type Painter,
  type Style,
} from './terminal.js';
import type { Reporter, ReportContext } from './types.js';

const SEVERITY_STYLES: Readonly<Record<Severity, Style>> = {
  critical: 'boldMagenta',
  high: 'red',
  medium: 'yellow',
  low: 'blue',
  info: 'gray',
};

interface ObjectGroup {
  ref: ResourceRef;
  line: number;
  findings: Finding[];
}

interface FileGroup {
  file: string;
  objects: ObjectGroup[];
}

function objectKey(ref: ResourceRef): string {
  return [ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name].join('\u0000');
}

/** Groups sorted findings by file, then by object in order of their first finding. */
function groupFindings(findings: readonly Finding[]): FileGroup[] {
  const files = new Map<string, Map<string, ObjectGroup>>();
  for (const finding of findings) {
    let objects = files.get(finding.file);
    if (objects === undefined) {
      objects = new Map();
      files.set(finding.file, objects);
    }
    const key = objectKey(finding.resource);
    const group = objects.get(key);
    if (group === undefined) {
      // The object's own line when the finding knows it, else its first finding's.
      const line = finding.objectLine ?? finding.line;
      objects.set(key, { ref: finding.resource, line, findings: [finding] });
    } else {
      group.line = Math.min(group.line, finding.objectLine ?? finding.line);
      group.findings.push(finding);
    }
  }
  return [...files.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([file, objects]) => ({
      file,
      objects: [...objects.values()].sort(
        (a, b) => a.line - b.line || compareText(objectLabel(a.ref), objectLabel(b.ref)),
      ),
    }));
}

/** Lays out rows of cells in columns; the last cell is not padded. */
function columns(rows: readonly (readonly string[])[]): string[][] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell));
    });
  }
  return rows.map((row) =>
    row.map((cell, index) =>
      index === row.length - 1 ? cell : padCells(cell, widths[index] ?? 0),
    ),
  );
}

function findingLines(group: FileGroup, words: ReportStrings, paint: Painter): string[] {
  const lines = [paint('underline', terminalSafe(group.file))];
  for (const object of group.objects) {
    const template = object.findings[0]?.template;
    const header =
      terminalSafe(objectLabel(object.ref)) +
      words.objectLine(object.line, template === undefined ? undefined : terminalSafe(template));
    lines.push(`  ${paint('bold', header)}`);
    const rows = object.findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      words.severityLabel[finding.severity],
      terminalSafe(finding.ruleId),
      terminalSafe(finding.message),
    ]);
    columns(rows).forEach(([position = '', severity = '', ruleId = '', message = ''], index) => {
      const finding = object.findings[index];
      const style = finding === undefined ? 'dim' : SEVERITY_STYLES[finding.severity];
      lines.push(
        `    ${paint('dim', position)}  ${paint(style, severity)}  ${paint('gray', ruleId)}  ${message}`,
      );
    });
  }
  return lines;
}

function problemLines(
  problems: readonly Problem[],
  words: ReportStrings,
  paint: Painter,
): string[] {
  const rows = problems.map((problem) => [
    terminalSafe(templatedLocation(problem)),
    terminalSafe(
      problem.ruleId === undefined ? problem.code : `${problem.code} (${problem.ruleId})`,
    ),
    terminalSafe(problem.message),
  ]);
  return [
    paint('boldRed', words.errorsHeading(problems.length)),
    ...columns(rows).map(
      ([where = '', code = '', message = '']) => `  ${where}  ${paint('red', code)}  ${message}`,
    ),
  ];
}

function skippedLines(skipped: readonly Skipped[], words: ReportStrings, paint: Painter): string[] {
  const rows = skipped.map((item) => [
    terminalSafe(locationLabel(item.file, item.line)),
    terminalSafe(item.reason),
  ]);
  return [
    paint('yellow', words.skippedHeading(skipped.length)),
    ...columns(rows).map(([where = '', reason = '']) => `  ${paint('dim', where)}  ${reason}`),
  ];
}

function summaryLine(result: ScanResult, context: ReportContext, paint: Painter): string {
  const words = stringsFor(context.lang);
  const summary = summarize(result);
  const failed = exitStatusOf(result, context.failOn) !== 0;
  let findings =
    summary.total === 0
      ? words.noFindings
      : words.findings(summary.total) +
        words.breakdown(
          SEVERITIES.map((severity) =>
            words.severityCount(words.severityName[severity], summary.counts[severity]),
          ),
        );
  if (summary.suppressed > 0) {
    findings += words.comma + words.suppressed(summary.suppressed);
  }
  const inputs = [words.files(result.stats.files), words.resources(result.stats.resources)];
  const outcome = [words.errors(summary.errors), words.skipped(summary.skipped)];
  const text = [findings, inputs.join(words.comma), outcome.join(words.comma)].join(' · ');
  return failed ? paint('boldRed', `✖ ${text}`) : paint('boldGreen', `✔ ${text}`);
}

/**
 * Renders a scan for a terminal. Colours only when `context.color`; untrusted text is stripped
 * of control characters either way.
 */
export const tableReporter: Reporter = (result, context) => {
  const words = stringsFor(context.lang);
  const paint = painter(context.color);
  const blocks: string[][] = groupFindings(sortFindings(result.findings.filter(isActive))).map(
    (group) => findingLines(group, words, paint),
  );
  if (result.problems.length > 0) {
    blocks.push(problemLines(sortProblems(result.problems), words, paint));
  }
  if (result.skipped.length > 0) {
    blocks.push(skippedLines(sortSkipped(result.skipped), words, paint));
  }
  blocks.push([summaryLine(result, context, paint)]);
  return blocks.map((lines) => lines.join('\n')).join('\n\n') + '\n';
};
