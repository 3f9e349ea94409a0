/**
 * `mamori psa what-if`: the warnings the API server would return if a namespace's
 * `pod-security.kubernetes.io/enforce` label were set, predicted from its live pods.
 */
import { parseArgs } from 'node:util';
import type { KubeObject } from '../../core/k8s.js';
import { isPssLevel, parsePolicyVersion } from '../../pss/index.js';
import { KubeApiError, KubeClient } from '../../sources/cluster/client.js';
import { KubeconfigError, loadConnection } from '../../sources/cluster/kubeconfig.js';
import { whatIfWarnings } from '../../sources/cluster/what-if.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';

const HELP = `Usage: mamori psa what-if --level <baseline|restricted> [options]

Predicts, for each namespace, the warnings of
  kubectl label --dry-run=server --overwrite ns NS pod-security.kubernetes.io/enforce=LEVEL
from the namespace's live pods, as the API server words them.

Options:
      --level <level>        baseline or restricted (required)
      --version <v>          latest (default) or v1.N
  -n, --namespace <ns>       one namespace (default: the context's namespace)
  -A, --all-namespaces       every namespace
      --kubeconfig <file>    kubeconfig (default: KUBECONFIG, ~/.kube/config, in-cluster)
      --context <name>       kubeconfig context
  -f, --format <fmt>         text (default: kubectl's "Warning: " lines) or json
  -h, --help                 show this help

Exit codes: 0 no existing pod would violate the level, 1 some would, 2 usage or connection error.
`;

export interface NamespaceWhatIf {
  namespace: string;
  warnings: string[];
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function predict(
  client: KubeClient,
  namespace: string | undefined,
  level: 'baseline' | 'restricted',
  version: string,
): Promise<NamespaceWhatIf[]> {
  let namespaces: KubeObject[];
  if (namespace === undefined) {
    namespaces = await client.list('/api/v1/namespaces');
  } else {
    const object = await client.request(
      'GET',
      `/api/v1/namespaces/${encodeURIComponent(namespace)}`,
    );
    namespaces = isDict(object) ? [{ ...object, apiVersion: 'v1', kind: 'Namespace' }] : [];
  }
  const pods = await client.list(
    namespace === undefined
      ? '/api/v1/pods'
      : `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
  );
  const byNamespace = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    const ns = pod.metadata?.namespace ?? '';
    const list = byNamespace.get(ns);
    if (list === undefined) {
      byNamespace.set(ns, [pod]);
    } else {
      list.push(pod);
    }
  }
  return namespaces
    .map((object) => {
      const name = object.metadata?.name ?? '';
      const labels = object.metadata?.labels;
      return {
        namespace: name,
        warnings: whatIfWarnings({
          namespace: name,
          ...(labels === undefined ? {} : { labels }),
          pods: byNamespace.get(name) ?? [],
          level,
          version,
        }),
      };
    })
    .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

async function whatIf(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        level: { type: 'string' },
        version: { type: 'string' },
        namespace: { type: 'string', short: 'n' },
        'all-namespaces': { type: 'boolean', short: 'A' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        format: { type: 'string', short: 'f' },
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
  const level = values.level;
  if (level === undefined || !isPssLevel(level) || level === 'privileged') {
    throw new UsageError('--level must be baseline or restricted');
  }
  const version = values.version ?? 'latest';
  if (!parsePolicyVersion(version).ok) {
    throw new UsageError(`--version must be "latest" or "v1.x", not "${version}"`);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${format}"`);
  }
  if (values.namespace !== undefined && values['all-namespaces'] === true) {
    throw new UsageError('give either --namespace or --all-namespaces, not both');
  }
  let results: NamespaceWhatIf[];
  try {
    const connection = loadConnection({
      env: io.env,
      ...(values.kubeconfig === undefined ? {} : { kubeconfig: values.kubeconfig }),
      ...(values.context === undefined ? {} : { context: values.context }),
    });
    const client = new KubeClient(connection, { env: io.env });
    const namespace =
      values['all-namespaces'] === true ? undefined : (values.namespace ?? connection.namespace);
    try {
      results = await predict(client, namespace, level, version);
    } finally {
      client.close();
    }
  } catch (error) {
    if (error instanceof KubeconfigError || error instanceof KubeApiError) {
      io.stderr.write(`mamori psa what-if: ${error.message}\n`);
      return EXIT.ERROR;
    }
    throw error;
  }
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ level, version, namespaces: results }, null, 2)}\n`);
  } else {
    for (const result of results) {
      for (const warning of result.warnings) {
        io.stdout.write(`Warning: ${warning}\n`);
      }
    }
  }
  return results.some((result) => result.warnings.length > 0) ? EXIT.FINDINGS : EXIT.OK;
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === 'what-if') {
    return whatIf(rest, io);
  }
  if (sub === undefined || sub === '-h' || sub === '--help') {
    io.stdout.write(HELP);
    return sub === undefined ? EXIT.ERROR : EXIT.OK;
  }
  throw new UsageError(`unknown psa subcommand "${sub}"; expected what-if`);
}

export const psaCommand: Command = {
  name: 'psa',
  summary: 'predict Pod Security Admission warnings on a live cluster (psa what-if)',
  run,
};
