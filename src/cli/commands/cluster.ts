/**
 * `mamori cluster`: scans the objects of a live cluster with the same rules as `mamori scan`.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config.js';
import { Engine } from '../../core/engine.js';
import { type Language, type Resource, type ScanResult } from '../../core/model.js';
import type { AnyRule } from '../../core/rule.js';
import { exitStatusOf, isFormat } from '../../reporters/index.js';
import { RULES } from '../../rules/index.js';
import { KubeApiError, KubeClient } from '../../sources/cluster/client.js';
import { collect, type PodSecurityDenial } from '../../sources/cluster/collect.js';
import { KubeconfigError, loadConnection } from '../../sources/cluster/kubeconfig.js';
import { failOnOf, loadRuleConfig } from '../config-file.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';
import { languageOf, parseOutputs } from '../options.js';
import { DOCS_BASE_URL, TOOL_VERSION } from '../version.js';
import { reportPieces, writeReport } from '../write-report.js';

const HELP = `Usage: mamori cluster [options]

Scans the objects of a live cluster (read-only) with the rules of mamori scan. Secrets are
never read; of ConfigMaps only kube-system/aws-auth. Lists the identity may not read are
reported as coverage gaps. Pods, ReplicaSets and Jobs owned by a controller are checked
through their controller.

Options:
      --kubeconfig <file>    kubeconfig (default: KUBECONFIG, ~/.kube/config, in-cluster)
      --context <name>       kubeconfig context (default: the current context)
  -n, --namespace <ns>       scan one namespace (default: the context's namespace)
  -A, --all-namespaces       scan every namespace
  -f, --format <fmt[=file]>  table (default), json, sarif or junit; repeatable
      --fail-on <severity>   exit 1 when findings at or above it exist (default: high)
  -c, --config <file>        configuration file (default: mamori.yaml found upward)
      --lang <en|ja>         language of texts (default: from LANG)
      --request-timeout <s>  per request (default: 30)
  -q, --quiet                print nothing on success in table format
      --no-color             never colour the table
  -h, --help                 show this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, connection or internal error.
`;

/**
 * Runs the rules over live objects. They are all in memory, so one engine runs the single-object
 * rules as each is added and the cross-object rules at the end. The findings come in the
 * engine's order: every reporter sorts them (src/reporters/summary.ts).
 */
export function scanResources(
  resources: readonly Resource[],
  rules: readonly AnyRule[],
  settings: { config: Config; lang: Language; today: string },
): Pick<ScanResult, 'findings' | 'problems' | 'skipped'> {
  const engine = new Engine(rules, settings);
  const skipped: ScanResult['skipped'] = [];
  for (const resource of resources) {
    if (engine.excludes(resource)) {
      skipped.push({
        file: resource.file,
        reason: `excluded by configuration (${resource.ref.kind} ${resource.ref.namespace ?? ''}/${resource.ref.name})`,
      });
      continue;
    }
    engine.scan(resource);
  }
  const { findings, problems } = engine.finish();
  return { findings, problems, skipped };
}

/** `Deployment created but no pods`: one line per workload refused for Pod Security. */
export function denialLines(denials: readonly PodSecurityDenial[]): string[] {
  return denials.map((denial) => {
    const via = denial.owner === undefined ? '' : ` (${denial.owner})`;
    return `pods of ${denial.kind} ${denial.namespace}/${denial.name}${via} are refused by Pod Security Admission: ${denial.message}`;
  });
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        namespace: { type: 'string', short: 'n' },
        'all-namespaces': { type: 'boolean', short: 'A' },
        format: { type: 'string', short: 'f', multiple: true },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        lang: { type: 'string' },
        'request-timeout': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.OK;
  }
  if (values.namespace !== undefined && values['all-namespaces'] === true) {
    throw new UsageError('give either --namespace or --all-namespaces, not both');
  }
  const outputs = parseOutputs(values.format ?? [], isFormat, 'table, json, sarif or junit');
  const timeout = Number(values['request-timeout'] ?? '30');
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new UsageError('--request-timeout must be a positive number of seconds');
  }
  const config = loadRuleConfig(
    values.config,
    io,
    'mamori cluster: the configuration is invalid; nothing was scanned.',
  );
  if (config === undefined) {
    return EXIT.ERROR;
  }
  const failOn = failOnOf(values['fail-on'], config);
  const lang = languageOf(values.lang, config.lang, io.env);

  let client: KubeClient;
  try {
    const connection = loadConnection({
      env: io.env,
      ...(values.kubeconfig === undefined ? {} : { kubeconfig: values.kubeconfig }),
      ...(values.context === undefined ? {} : { context: values.context }),
    });
    client = new KubeClient(connection, { timeoutMs: timeout * 1000, env: io.env });
  } catch (error) {
    if (error instanceof KubeconfigError) {
      io.stderr.write(`mamori cluster: ${error.message}\n`);
      return EXIT.ERROR;
    }
    throw error;
  }
  const namespace =
    values['all-namespaces'] === true
      ? undefined
      : (values.namespace ?? client.connection.namespace);
  const showProgress = io.stderr.isTTY === true && values.quiet !== true;
  let collected;
  try {
    collected = await collect(client, {
      ...(namespace === undefined ? {} : { namespace }),
      onProgress: showProgress
        ? (done, total) => io.stderr.write(`\r\u001b[2Kreading the cluster: ${done}/${total}`)
        : undefined,
    });
  } catch (error) {
    if (showProgress) {
      io.stderr.write('\r\u001b[2K');
    }
    if (error instanceof KubeApiError) {
      const hint = error.unauthorized ? ' (the credentials were not accepted)' : '';
      io.stderr.write(`mamori cluster: ${error.message}${hint}\n`);
      return EXIT.ERROR;
    }
    throw error;
  } finally {
    client.close();
  }
  if (showProgress) {
    io.stderr.write('\r\u001b[2K');
  }

  const today = io.now().toISOString().slice(0, 10);
  const scanned = scanResources(collected.resources, RULES, { config, lang, today });
  // With one namespace, cluster-scoped objects are read for context (a RoleBinding's ClusterRole)
  // but only findings on that namespace's objects are reported.
  const findings =
    namespace === undefined
      ? scanned.findings
      : scanned.findings.filter(
          ({ resource }) =>
            resource.namespace === namespace ||
            (resource.kind === 'Namespace' && resource.name === namespace),
        );
  const result: ScanResult = {
    findings,
    problems: scanned.problems,
    skipped: [...collected.skipped, ...scanned.skipped].sort((a, b) =>
      a.file.localeCompare(b.file),
    ),
    stats: {
      files: collected.listed,
      documents: collected.resources.length,
      resources: collected.resources.length,
      bytes: 0,
    },
  };
  for (const line of denialLines(collected.denials)) {
    io.stderr.write(`mamori cluster: ${line}\n`);
  }
  const exitCode = exitStatusOf(result, failOn);
  const color =
    values['no-color'] !== true && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const context = {
    rules: RULES,
    toolVersion: TOOL_VERSION,
    lang,
    failOn,
    docsBaseUrl: DOCS_BASE_URL,
    color,
    cwd: io.cwd,
  };
  for (const output of outputs) {
    if (output.format === 'table' && values.quiet === true && exitCode === EXIT.OK) {
      continue;
    }
    const reportContext = { ...context, color: output.file === undefined && color };
    const failure = writeReport(
      reportPieces(output.format, result, reportContext),
      output.file,
      io,
    );
    if (failure !== undefined) {
      io.stderr.write(`mamori cluster: ${failure}\n`);
      return EXIT.ERROR;
    }
  }
  return exitCode;
}

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'scan a live cluster (read-only) with the same rules',
  run,
};
