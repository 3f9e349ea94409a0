/**
 * `mamori scan`: checks manifests (files, directories, kustomizations, stdin) against the rules.
 */
import { parseArgs } from 'node:util';
import { complianceOf, FRAMEWORKS, isFramework } from '../../core/compliance.js';
import { renderComplianceJson, renderComplianceTable } from '../../reporters/compliance.js';
import { exitStatusOf, isFormat } from '../../reporters/index.js';
import { RULES } from '../../rules/index.js';
import { DEFAULT_READ_OPTIONS } from '../../sources/files.js';
import { failOnOf, loadRuleConfig } from '../config-file.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';
import { languageOf, parseOutputs } from '../options.js';
import { runScan } from '../run-scan.js';
import { DOCS_BASE_URL, TOOL_VERSION } from '../version.js';
import { reportPieces, writeReport } from '../write-report.js';

const HELP = `Usage: mamori scan [options] <path...|->

Scans Kubernetes manifests: files, directories (recursively: .yaml, .yml, .json),
kustomization directories (rendered with kubectl kustomize) and - for standard input.

Options:
  -f, --format <fmt[=file]>  table (default), json, sarif or junit; repeat for several
                             outputs, e.g. --format table --format sarif=out.sarif
      --fail-on <severity>   exit 1 when findings at or above it exist (default: high);
                             none reports without failing
  -c, --config <file>        configuration file (default: mamori.yaml found upward)
      --lang <en|ja>         language of texts (default: from LANG)
      --kustomize <mode>     auto (render directories given as arguments that hold a
                             kustomization), always, or never (default: auto)
      --max-file-size <MiB>  refuse larger files (default: 32)
  -j, --jobs <n>             worker threads besides the main one for large inputs
                             (default: none on 2 cores, else one per spare core up to 3)
      --framework <id>       report compliance per control instead of findings: cis
                             (= cis-1.12), cis-1.6, nsa, pss-baseline, pss-restricted,
                             hardening; with --format table or json
  -q, --quiet                print nothing on success in table format
      --no-color             never colour the table
  -h, --help                 show this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or internal error.
`;

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        lang: { type: 'string' },
        kustomize: { type: 'string' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        'no-color': { type: 'boolean' },
        framework: { type: 'string' },
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
    throw new UsageError('no input: give files, directories, or - for standard input');
  }
  const outputs = parseOutputs(values.format ?? [], isFormat, 'table, json, sarif or junit');
  const framework = values.framework;
  if (framework !== undefined) {
    if (!isFramework(framework)) {
      throw new UsageError(`unknown framework "${framework}"; expected ${FRAMEWORKS.join(', ')}`);
    }
    if (outputs.some((output) => output.format !== 'table' && output.format !== 'json')) {
      throw new UsageError('--framework reports come as table or json');
    }
  }
  const kustomize = values.kustomize ?? 'auto';
  if (kustomize !== 'auto' && kustomize !== 'always' && kustomize !== 'never') {
    throw new UsageError(`--kustomize must be auto, always or never, not "${kustomize}"`);
  }
  let maxFileBytes = DEFAULT_READ_OPTIONS.maxFileBytes;
  if (values['max-file-size'] !== undefined) {
    const mebibytes = Number(values['max-file-size']);
    if (!Number.isFinite(mebibytes) || mebibytes <= 0) {
      throw new UsageError('--max-file-size must be a positive number of MiB');
    }
    maxFileBytes = Math.round(mebibytes * 1024 * 1024);
  }

  let workers: number | undefined;
  if (values.jobs !== undefined) {
    workers = Number(values.jobs);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
      throw new UsageError('--jobs must be a whole number from 0 to 64');
    }
  }

  const config = loadRuleConfig(
    values.config,
    io,
    'mamori scan: the configuration is invalid; nothing was scanned.',
  );
  if (config === undefined) {
    return EXIT.ERROR;
  }
  const failOnValue = failOnOf(values['fail-on'], config);
  const lang = languageOf(values.lang, config.lang, io.env);

  const showProgress = io.stderr.isTTY === true && values.quiet !== true;
  let lastProgress = 0;
  const result = await runScan(
    {
      paths: positionals,
      rules: RULES,
      config,
      lang,
      kustomize,
      read: { ...DEFAULT_READ_OPTIONS, maxFileBytes },
      ...(workers === undefined ? {} : { workers }),
      trackCoverage: framework !== undefined,
      onProgress: showProgress
        ? ({ files, total }) => {
            lastProgress = Date.now();
            io.stderr.write(`\r\u001b[2Kscanning: ${files}/${total} files`);
          }
        : undefined,
    },
    io,
  );
  if (showProgress && lastProgress > 0) {
    io.stderr.write('\r\u001b[2K');
  }

  const exitCode = exitStatusOf(result, failOnValue);
  const color =
    values['no-color'] !== true && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const context = {
    rules: RULES,
    toolVersion: TOOL_VERSION,
    lang,
    failOn: failOnValue,
    docsBaseUrl: DOCS_BASE_URL,
    color,
    cwd: io.cwd,
  };
  const compliance = framework === undefined ? undefined : complianceOf(framework, RULES, result);
  for (const output of outputs) {
    if (output.format === 'table' && values.quiet === true && exitCode === EXIT.OK) {
      continue;
    }
    const pieces =
      compliance === undefined
        ? reportPieces(output.format, result, {
            ...context,
            color: output.file === undefined && color,
          })
        : [
            output.format === 'json'
              ? renderComplianceJson(compliance)
              : renderComplianceTable(compliance, lang),
          ];
    const failure = writeReport(pieces, output.file, io);
    if (failure !== undefined) {
      io.stderr.write(`mamori scan: ${failure}\n`);
      return EXIT.ERROR;
    }
  }
  return exitCode;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'check manifests (files, directories, kustomizations, stdin) against the rules',
  run,
};
