/**
 * `mamori webhook serve`: the ValidatingAdmissionWebhook (Pod Security per namespace and mamori
 * rules). `mamori webhook manifests`: the objects that run it in a cluster.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { KubeObject } from '../../core/k8s.js';
import { RULES } from '../../rules/index.js';
import { KubeClient } from '../../sources/cluster/client.js';
import { KubeconfigError, loadConnection } from '../../sources/cluster/kubeconfig.js';
import { parseWebhookConfig, type WebhookPolicy } from '../../webhook/config.js';
import { renderManifests } from '../../webhook/manifests.js';
import { NamespaceInformer, staticNamespaces } from '../../webhook/namespaces.js';
import { startWebhookServer, type WebhookServer } from '../../webhook/server.js';
import { findConfigFile } from '../config-file.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';
import { TOOL_VERSION } from '../version.js';

const HELP = `Usage: mamori webhook serve [options]
       mamori webhook manifests [options]

serve: a ValidatingAdmissionWebhook (AdmissionReview v1 over TLS) that applies Pod
Security per namespace (standard labels, defaults and exemptions from the webhook:
section of the configuration) and the mamori rules configured there.
  --tls-cert-file <file>         serving certificate (PEM); reloaded when it changes
  --tls-private-key-file <file>  its private key (PEM); reloaded when it changes
  --bind-address <ip>            default 127.0.0.1; use 0.0.0.0 in a cluster
  --port <n>                     default 8443
  -c, --config <file>            configuration (default: mamori.yaml found upward)
  --kubeconfig <file>            cluster access: namespaces are listed and watched, pods
                                 listed when an enforce label is raised (default: as
                                 kubectl, then in-cluster)
  --context <name>               kubeconfig context
  --namespaces-file <file>       offline: JSON map of namespace to labels instead of a
                                 cluster (tests and benchmarks)

manifests: prints Namespace, RBAC, ConfigMap, Deployment, Service, NetworkPolicy,
PodDisruptionBudget and ValidatingWebhookConfiguration as YAML.
  --namespace <ns>               default mamori-system (exempt from the webhook)
  --image <ref>                  default ghcr.io/mamori-dev/mamori:${TOOL_VERSION}
  --replicas <n>                 default 2 (at least 2)
  --ca-file <file>               CA bundle (PEM) of the serving certificate
  --cert-manager                 use cert-manager for the certificate and caBundle
  --failure-policy <Fail|Ignore> default Fail

Exit codes: 0 stopped cleanly, 2 usage, configuration or start-up error.
`;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(message: string): never {
  throw new UsageError(message);
}

function loadPolicy(file: string | undefined): { policy?: WebhookPolicy; errors: string[] } {
  let value: unknown;
  if (file !== undefined) {
    try {
      value = parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
    } catch (error) {
      return { errors: [`${file}: ${error instanceof Error ? error.message : String(error)}`] };
    }
  }
  const section =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).webhook
      : undefined;
  const { policy, issues } = parseWebhookConfig(section, new Set(RULES.map((r) => r.meta.id)));
  if (issues.length > 0) {
    return {
      errors: issues.map((issue) => `${file ?? 'configuration'}: ${issue.path}: ${issue.message}`),
    };
  }
  return { policy, errors: [] };
}

async function serve(args: string[], io: CliIO): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      'tls-cert-file': { type: 'string' },
      'tls-private-key-file': { type: 'string' },
      'bind-address': { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string', short: 'c' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      'namespaces-file': { type: 'string' },
    },
  });
  const certFile = values['tls-cert-file'] ?? fail('--tls-cert-file is required');
  const keyFile = values['tls-private-key-file'] ?? fail('--tls-private-key-file is required');
  const port = Number(values.port ?? '8443');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail('--port must be a port number');
  }
  const { policy, errors } = loadPolicy(values.config ?? findConfigFile(io.cwd));
  if (policy === undefined) {
    for (const error of errors) {
      io.stderr.write(`${error}\n`);
    }
    io.stderr.write('mamori webhook: the configuration is invalid; not started.\n');
    return EXIT.ERROR;
  }
  const log = (line: string): void => {
    io.stderr.write(`${io.now().toISOString()} ${line}\n`);
  };
  let namespaceLabels;
  let listPods: ((namespace: string, timeoutMs: number) => Promise<KubeObject[]>) | undefined;
  let informer: NamespaceInformer | undefined;
  let ready: (() => boolean) | undefined;
  let client: KubeClient | undefined;
  const namespacesFile = values['namespaces-file'];
  if (namespacesFile !== undefined) {
    let map: unknown;
    try {
      map = JSON.parse(readFileSync(namespacesFile, 'utf8'));
    } catch (error) {
      io.stderr.write(`mamori webhook: ${namespacesFile}: ${errorText(error)}\n`);
      return EXIT.ERROR;
    }
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      io.stderr.write(`mamori webhook: ${namespacesFile}: expected a map of namespace to labels\n`);
      return EXIT.ERROR;
    }
    namespaceLabels = staticNamespaces(map as Record<string, Record<string, string>>);
  } else {
    try {
      const connection = loadConnection({
        env: io.env,
        ...(values.kubeconfig === undefined ? {} : { kubeconfig: values.kubeconfig }),
        ...(values.context === undefined ? {} : { context: values.context }),
      });
      client = new KubeClient(connection, { timeoutMs: 5000, env: io.env });
    } catch (error) {
      if (error instanceof KubeconfigError) {
        io.stderr.write(`mamori webhook: ${error.message}\n`);
        return EXIT.ERROR;
      }
      throw error;
    }
    const podClient = client;
    informer = new NamespaceInformer(client, {
      log: (line) => log(line),
      onList: (cause) => server?.metrics.namespaceLists.inc({ cause }),
    });
    const namespaces = informer;
    ready = () => namespaces.synced;
    namespaceLabels = (name: string) => namespaces.labels(name);
    listPods = (namespace: string, timeoutMs: number) =>
      podClient.list(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { timeoutMs });
  }
  let server: WebhookServer | undefined;
  try {
    server = await startWebhookServer({
      certFile,
      keyFile,
      bindAddress: values['bind-address'] ?? '127.0.0.1',
      port,
      policy,
      namespaceLabels,
      ...(listPods === undefined ? {} : { listPods }),
      ...(ready === undefined ? {} : { ready }),
      log,
    });
  } catch (error) {
    io.stderr.write(`mamori webhook: cannot start: ${errorText(error)}\n`);
    client?.close();
    return EXIT.ERROR;
  }
  // Listed and watched in the background: /readyz reports ready once the first list is in.
  informer?.start();
  log(
    `mamori webhook listening on https://${values['bind-address'] ?? '127.0.0.1'}:${server.port}`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  log('shutting down');
  await informer?.stop();
  await server.close();
  client?.close();
  return EXIT.OK;
}

function manifests(args: string[], io: CliIO): ExitCode {
  const { values } = parseArgs({
    args,
    options: {
      namespace: { type: 'string' },
      image: { type: 'string' },
      replicas: { type: 'string' },
      'ca-file': { type: 'string' },
      'cert-manager': { type: 'boolean' },
      'failure-policy': { type: 'string' },
    },
  });
  const replicas = Number(values.replicas ?? '2');
  if (!Number.isInteger(replicas) || replicas < 2) {
    fail('--replicas must be a whole number of at least 2');
  }
  const failurePolicy = values['failure-policy'] ?? 'Fail';
  if (failurePolicy !== 'Fail' && failurePolicy !== 'Ignore') {
    fail('--failure-policy must be Fail or Ignore');
  }
  const certManager = values['cert-manager'] === true;
  const caFile = values['ca-file'];
  if (certManager === (caFile !== undefined)) {
    fail('give exactly one of --ca-file and --cert-manager');
  }
  io.stdout.write(
    renderManifests({
      namespace: values.namespace ?? 'mamori-system',
      image: values.image ?? `ghcr.io/mamori-dev/mamori:${TOOL_VERSION}`,
      replicas,
      failurePolicy,
      certManager,
      ...(caFile === undefined ? {} : { caBundlePem: readFileSync(caFile, 'utf8') }),
    }),
  );
  return EXIT.OK;
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout.write(HELP);
    return sub === undefined ? EXIT.ERROR : EXIT.OK;
  }
  try {
    if (sub === 'serve') {
      return await serve(rest, io);
    }
    if (sub === 'manifests') {
      return manifests(rest, io);
    }
  } catch (error) {
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  throw new UsageError(`unknown subcommand "${sub}"; expected serve or manifests`);
}

export const webhookCommand: Command = {
  name: 'webhook',
  summary: 'run the admission webhook (Pod Security + rules), or print its manifests',
  run,
};
