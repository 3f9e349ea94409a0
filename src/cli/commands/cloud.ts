/**
 * `mamori cloud`: audits managed-cluster configuration (EKS, AKS, GKE) from exported CLI JSON and
 * live Kubernetes objects, offline. `mamori cloud collect` runs the providers' CLIs to export them.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport } from '../../cloud/evaluate.js';
import {
  isCloudFormat,
  renderJson,
  renderJunit,
  renderSarif,
  renderTable,
  type CloudFormat,
} from '../../cloud/report/index.js';
import type { CloudReport } from '../../cloud/types.js';
import { isSeverity, severityRank, type Severity } from '../../core/model.js';
import { collect, processCollectEnv } from '../../sources/cloud/collect.js';
import { findCloudConfigFile, loadCloudConfig } from '../../sources/cloud/config.js';
import { loadInputs } from '../../sources/cloud/load.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';
import { languageOf, parseOutputs } from '../options.js';
import { DOCS_BASE_URL, TOOL_VERSION } from '../version.js';

const HELP = `Usage: mamori cloud [options] <file|dir...|->
       mamori cloud collect <eks|aks|gke> --name <cluster> [options]

Audits managed Kubernetes configuration offline: aws eks/ec2/iam/ecr, az aks and
gcloud container JSON output, and live Kubernetes objects (kubectl get -o json),
grouped as Connectivity, Cluster and Auth. Each input's kind is detected; a
directory is read recursively as a bundle.

Options:
  -f, --format <fmt[=file]>  table (default), json, sarif or junit; repeatable,
                             e.g. --format table --format sarif=cloud.sarif
      --fail-on <severity>   exit 1 when a check fails at or above it: critical,
                             high (default), medium, low, info, or none
      --lang <en|ja>         language of titles and remediations (default: LANG)
  -c, --config <file>        YAML file whose cloud: section tunes the checks
                             (default: mamori.yaml found upward)
      --now <date>           evaluate as of this date (YYYY-MM-DD; default today)
  -q, --quiet                print nothing in table format when nothing fails
      --no-color             never colour the table
  -h, --help                 show this help

Collect options (mamori cloud collect eks|aks|gke):
      --name <cluster>       cluster name (required)
      --region <region>      AWS region (eks)
  -g, --resource-group <rg>  resource group (aks, required)
      --location <location>  zone or region (gke)
      --project <project>    project (gke)
  -o, --out <dir>            bundle directory (default: mamori-<provider>-<name>)
      --context <name>       kubectl context for the Kubernetes objects
      --no-kubernetes        do not export Kubernetes objects with kubectl

Exit codes: 0 nothing fails at or above --fail-on, 1 failures at or above it,
2 usage, configuration or input error (or a CLI missing for collect).
`;

function dateOf(flag: string | undefined, io: CliIO): Date {
  if (flag === undefined) {
    return io.now();
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(flag) ? `${flag}T12:00:00Z` : flag);
  if (!Number.isFinite(date.getTime())) {
    throw new UsageError(`--now must be a date (YYYY-MM-DD), not "${flag}"`);
  }
  return date;
}

/** Exit code of a finished audit: input problems are errors; then failures at or above `failOn`. */
export function cloudExitCode(report: CloudReport, failOn: Severity | 'none'): ExitCode {
  if (report.problems.length > 0) {
    return EXIT.ERROR;
  }
  if (failOn === 'none') {
    return EXIT.OK;
  }
  const threshold = severityRank(failOn);
  return report.checks.some(
    (check) => check.verdict === 'fail' && severityRank(check.severity) >= threshold,
  )
    ? EXIT.FINDINGS
    : EXIT.OK;
}

function render(report: CloudReport, format: CloudFormat, color: boolean, io: CliIO): string {
  switch (format) {
    case 'json':
      return renderJson(report, TOOL_VERSION);
    case 'sarif':
      return renderSarif(report, {
        toolVersion: TOOL_VERSION,
        cwd: io.cwd,
        informationUri: DOCS_BASE_URL.replace(/\/rules$/, '/cloud.md'),
      });
    case 'junit':
      return renderJunit(report);
    case 'table':
      return renderTable(report, { color });
  }
}

async function audit(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        'fail-on': { type: 'string' },
        lang: { type: 'string' },
        config: { type: 'string', short: 'c' },
        now: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.OK;
  }
  if (positionals.length === 0) {
    throw new UsageError('no input: give files, directories (bundles), or - for standard input');
  }
  const outputs = parseOutputs(values.format ?? [], isCloudFormat, 'table, json, sarif or junit');
  const failOn = values['fail-on'] ?? 'high';
  if (!isSeverity(failOn) && failOn !== 'none') {
    throw new UsageError(
      `--fail-on must be one of critical, high, medium, low, info, none, not "${failOn}"`,
    );
  }
  const lang = languageOf(values.lang, undefined, io.env);
  const now = dateOf(values.now, io);
  const configFile = values.config ?? findCloudConfigFile(io.cwd);
  const config = loadCloudConfig(configFile);
  if (config.issues.length > 0) {
    for (const issue of config.issues) {
      io.stderr.write(
        `${configFile ?? 'configuration'}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}\n`,
      );
    }
    io.stderr.write('mamori cloud: the cloud: configuration is invalid; nothing was evaluated.\n');
    return EXIT.ERROR;
  }
  const stdin = positionals.includes('-') ? (await io.readStdin()).toString('utf8') : undefined;
  const loaded = loadInputs(positionals, stdin);
  const report = buildReport({
    bundles: loaded.bundles,
    context: { now, options: config.options, versions: config.versions },
    lang,
    skipped: loaded.skipped,
    problems:
      loaded.bundles.length === 0 && loaded.problems.length === 0
        ? [
            {
              file: positionals.join(' '),
              message: 'no cluster configuration or Kubernetes object was found',
            },
          ]
        : loaded.problems,
  });
  const exitCode = cloudExitCode(report, failOn);
  const color =
    values['no-color'] !== true && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  for (const output of outputs) {
    if (output.format === 'table' && values.quiet === true && exitCode === EXIT.OK) {
      continue;
    }
    const text = render(report, output.format, output.file === undefined && color, io);
    if (output.file === undefined) {
      io.stdout.write(text);
      continue;
    }
    try {
      writeFileSync(output.file, text);
    } catch (error) {
      io.stderr.write(
        `mamori cloud: cannot write ${output.file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return EXIT.ERROR;
    }
  }
  if (
    report.problems.length > 0 &&
    !outputs.some((output) => output.format === 'table' && output.file === undefined)
  ) {
    for (const problem of report.problems) {
      io.stderr.write(
        `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}\n`,
      );
    }
  }
  return exitCode;
}

async function collectCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        region: { type: 'string' },
        'resource-group': { type: 'string', short: 'g' },
        location: { type: 'string' },
        project: { type: 'string' },
        out: { type: 'string', short: 'o' },
        context: { type: 'string' },
        'no-kubernetes': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.OK;
  }
  const [provider, ...extra] = positionals;
  if (provider !== 'eks' && provider !== 'aks' && provider !== 'gke') {
    throw new UsageError(
      'collect needs a provider: mamori cloud collect eks|aks|gke --name <cluster>',
    );
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
  }
  if (values.name === undefined || values.name === '') {
    throw new UsageError('collect needs --name <cluster>');
  }
  if (provider === 'aks' && values['resource-group'] === undefined) {
    throw new UsageError('collect aks needs --resource-group <rg>');
  }
  const out = values.out ?? `mamori-${provider}-${values.name.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
  const env = processCollectEnv(io.env.PATH, (line) => io.stderr.write(`${line}\n`));
  const result = await collect(
    {
      provider,
      name: values.name,
      out,
      region: values.region,
      resourceGroup: values['resource-group'],
      location: values.location,
      project: values.project,
      kubeContext: values.context,
      kubernetes: values['no-kubernetes'] !== true,
    },
    env,
  );
  if (!result.ok) {
    io.stderr.write(`mamori cloud collect: ${result.message ?? 'failed'}\n`);
    return EXIT.ERROR;
  }
  io.stdout.write(`${result.message ?? ''}\nNext: mamori cloud ${out}\n`);
  return EXIT.OK;
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  if (args[0] === 'collect') {
    return collectCommand(args.slice(1), io);
  }
  return audit(args, io);
}

export const cloudCommand: Command = {
  name: 'cloud',
  summary: 'audit EKS/AKS/GKE cluster configuration (Connectivity, Cluster, Auth) from CLI JSON',
  run,
};
