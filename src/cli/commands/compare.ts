/**
 * `mamori compare`: several clusters' CIS results side by side per section, as a table or Markdown.
 * Inputs are JSON reports of `mamori node --format json`, or facts files, which are assessed on the
 * spot (with --benchmark, all against the same benchmark, as comparison studies do).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ASSESSMENT_SCHEMA, assessWith, type Assessment } from '../../cis/assess.js';
import { chooseBenchmark } from '../../cis/detect.js';
import { FACTS_SCHEMA, isRecord, validateFacts, type NodeFacts } from '../../cis/facts.js';
import {
  renderCompareMarkdown,
  renderCompareTable,
  type NamedAssessment,
} from '../../cis/report/compare.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';

const HELP = `Usage: mamori compare [options] <result.json...>

Puts several clusters' CIS results side by side per section: recommendations met
out of those assessable, and the items that could not be assessed.

Inputs are reports of \`mamori node --format json\`, or facts files from
\`mamori node collect\` (assessed here; --benchmark applies to those).

Options:
  -f, --format <fmt>     table (default) or markdown
  -b, --benchmark <id>   benchmark for facts inputs (default: chosen per input)
  -n, --name <name>      column names, in input order (repeatable; default: file names)
  -o, --output <file>    write to <file> instead of standard output
  -h, --help             show this help

Exit codes: 0 done, 2 usage or input error.
`;

function isAssessment(value: unknown): value is Assessment {
  return (
    isRecord(value) &&
    value.schema === ASSESSMENT_SCHEMA &&
    Array.isArray(value.results) &&
    isRecord(value.summary) &&
    isRecord(value.benchmark)
  );
}

function load(file: string, io: CliIO, benchmark: string | undefined): Assessment {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (isAssessment(value)) {
    if (benchmark !== undefined && value.benchmark.id !== benchmark) {
      io.stderr.write(
        `mamori compare: ${file} was assessed against ${value.benchmark.id}, not ${benchmark}\n`,
      );
    }
    return value;
  }
  if (isRecord(value) && value.schema === FACTS_SCHEMA) {
    const problems = validateFacts(value);
    if (problems.length > 0) {
      throw new UsageError(`${file}: ${problems.join('; ')}`);
    }
    const choice = chooseBenchmark(value as unknown as NodeFacts, benchmark);
    if (typeof choice === 'string') {
      throw new UsageError(choice);
    }
    return assessWith(value as unknown as NodeFacts, choice);
  }
  throw new UsageError(`${file} is neither a mamori node JSON report nor a facts file`);
}

function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        benchmark: { type: 'string', short: 'b' },
        name: { type: 'string', short: 'n', multiple: true },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return Promise.resolve(EXIT.OK);
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'markdown') {
    throw new UsageError(`unknown format "${format}"; expected table or markdown`);
  }
  if (positionals.length === 0) {
    throw new UsageError('give at least one result file');
  }
  const names = values.name ?? [];
  if (names.length > positionals.length) {
    throw new UsageError('more --name values than input files');
  }
  const inputs: NamedAssessment[] = positionals.map((file, index) => ({
    name: names[index] ?? basename(file).replace(/\.json$/i, ''),
    assessment: load(file, io, values.benchmark),
  }));
  const text = format === 'markdown' ? renderCompareMarkdown(inputs) : renderCompareTable(inputs);
  if (values.output === undefined) {
    io.stdout.write(text);
  } else {
    writeFileSync(resolve(io.cwd, values.output), text);
  }
  return Promise.resolve(EXIT.OK);
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'put several clusters’ CIS results side by side per section',
  run,
};
