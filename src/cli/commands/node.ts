/**
 * `mamori node`: assesses a node against the CIS Kubernetes Benchmark, live or offline, and
 * `mamori node collect` gathers a node's facts for a later offline assessment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assessWith, type Assessment } from '../../cis/assess.js';
import { BENCHMARKS } from '../../cis/benchmarks/index.js';
import { chooseBenchmark } from '../../cis/detect.js';
import { validateFacts, type NodeFacts } from '../../cis/facts.js';
import { renderJson } from '../../cis/report/json.js';
import { renderJunit } from '../../cis/report/junit.js';
import { renderSarif } from '../../cis/report/sarif.js';
import { renderTable } from '../../cis/report/table.js';
import { collectNodeFacts } from '../../sources/node/collect.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';
import { TOOL_VERSION } from '../version.js';

const HELP = `Usage: mamori node [options]
       mamori node collect [--root DIR] [--proc DIR] [-o facts.json]

Assesses a node against the CIS Kubernetes Benchmark: the machine it runs on, a
node's file tree mounted under --root, or facts collected earlier (--facts).

Options:
      --root <dir>          read the node's files under <dir>, processes from <dir>/proc
      --proc <dir>          read processes from <dir> (e.g. /proc with --root /host)
      --facts <file>        assess facts from \`mamori node collect\` (- for stdin)
  -b, --benchmark <id>      ${BENCHMARKS.map((b) => b.id).join(', ')}
                            (default: chosen from the platform; the report says why)
      --k8s-version <v>     the Kubernetes version, e.g. v1.30.5-eks-1a2b3c (helps choose)
      --node-label <k=v>    a node label, repeatable (helps choose)
  -f, --format <fmt>        table (default), json, junit or sarif
  -o, --output <file>       write the report (or the facts) to <file>
  -q, --quiet               table: show only results that are not PASS
      --list-benchmarks     list the benchmarks and exit
  -h, --help                show this help

Exit codes: 0 no recommendation failed, 1 some failed, 2 usage or input error.
`;

const FORMATS = ['table', 'json', 'junit', 'sarif'] as const;
type NodeFormat = (typeof FORMATS)[number];

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        proc: { type: 'string' },
        facts: { type: 'string' },
        benchmark: { type: 'string', short: 'b' },
        'k8s-version': { type: 'string' },
        'node-label': { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        'list-benchmarks': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function labelsOf(values: readonly string[] | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const value of values ?? []) {
    const equals = value.indexOf('=');
    if (equals <= 0) {
      throw new UsageError(`--node-label needs key=value, not "${value}"`);
    }
    labels[value.slice(0, equals)] = value.slice(equals + 1);
  }
  return labels;
}

async function readFacts(file: string, io: CliIO): Promise<NodeFacts> {
  let text: string;
  try {
    text =
      file === '-'
        ? (await io.readStdin()).toString('utf8')
        : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
  const problems = validateFacts(value);
  if (problems.length > 0) {
    throw new UsageError(`${file} is not a facts file: ${problems.join('; ')}`);
  }
  return value as NodeFacts;
}

function write(text: string, output: string | undefined, io: CliIO): void {
  if (output === undefined) {
    io.stdout.write(text);
  } else {
    writeFileSync(resolve(io.cwd, output), text);
  }
}

function render(assessment: Assessment, format: NodeFormat, quiet: boolean): string {
  switch (format) {
    case 'table':
      return renderTable(assessment, { quiet });
    case 'json':
      return renderJson(assessment);
    case 'junit':
      return renderJunit(assessment);
    case 'sarif':
      return renderSarif(assessment, TOOL_VERSION);
  }
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parse(args);
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.OK;
  }
  if (values['list-benchmarks'] === true) {
    for (const benchmark of BENCHMARKS) {
      io.stdout.write(`${benchmark.id.padEnd(10)} ${benchmark.title}\n`);
    }
    return EXIT.OK;
  }
  const sub = positionals[0];
  if (positionals.length > 1 || (sub !== undefined && sub !== 'collect')) {
    throw new UsageError(`unexpected argument "${positionals.join(' ')}"; did you mean "collect"?`);
  }
  if (values.facts !== undefined && (values.root !== undefined || values.proc !== undefined)) {
    throw new UsageError('--facts cannot be combined with --root or --proc');
  }
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"; expected ${FORMATS.join(', ')}`);
  }
  const nodeLabels = labelsOf(values['node-label']);
  const collect = (): NodeFacts =>
    collectNodeFacts({
      ...(values.root === undefined ? {} : { root: resolve(io.cwd, values.root) }),
      ...(values.proc === undefined ? {} : { procRoot: resolve(io.cwd, values.proc) }),
      ...(values['k8s-version'] === undefined ? {} : { kubernetesVersion: values['k8s-version'] }),
      nodeLabels,
      now: () => io.now(),
    });

  if (sub === 'collect') {
    if (values.facts !== undefined) {
      throw new UsageError('collect gathers facts; it takes no --facts');
    }
    write(`${JSON.stringify(collect(), null, 2)}\n`, values.output, io);
    return EXIT.OK;
  }

  const facts = values.facts === undefined ? collect() : await readFacts(values.facts, io);
  if (values.facts !== undefined) {
    Object.assign(facts.platform.nodeLabels, nodeLabels);
    if (values['k8s-version'] !== undefined) {
      facts.platform.kubernetesVersion = {
        value: values['k8s-version'],
        source: 'given by the caller',
      };
    }
  }
  const choice = chooseBenchmark(facts, values.benchmark);
  if (typeof choice === 'string') {
    throw new UsageError(choice);
  }
  const assessment = assessWith(facts, choice);
  write(render(assessment, format as NodeFormat, values.quiet === true), values.output, io);
  return assessment.summary.overall.fail > 0 ? EXIT.FINDINGS : EXIT.OK;
}

export const nodeCommand: Command = {
  name: 'node',
  summary: 'assess a node against the CIS Kubernetes Benchmark (or collect its facts)',
  run,
};
