/**
 * Loading a kubeconfig the way kubectl does: `--kubeconfig`, else `KUBECONFIG` (a path list,
 * merged: the first file to define a name wins), else `~/.kube/config`, else the in-cluster
 * configuration of a Pod's ServiceAccount. Relative file references resolve against the file
 * that names them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';

/** An exec credential plugin (`users[].user.exec`). */
export interface ExecConfig {
  apiVersion: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  /** Directory the command is resolved against when it is a relative path with a slash. */
  baseDir: string;
}

/** Everything needed to talk to one API server as one identity. */
export interface Connection {
  /** `https://host:port` (no trailing slash). */
  server: string;
  /** The context's name (`in-cluster` for the in-cluster configuration). */
  context: string;
  /** The context's namespace, `default` when it names none. */
  namespace: string;
  ca?: Buffer;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  clientCert?: Buffer;
  clientKey?: Buffer;
  token?: string;
  tokenFile?: string;
  exec?: ExecConfig;
}

export interface LoadOptions {
  kubeconfig?: string;
  context?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Root of the in-cluster ServiceAccount files (tests); default the real path. */
  serviceAccountDir?: string;
}

/** The kubeconfig cannot be used: missing, malformed, or the context is unknown. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

type Dict = Record<string, unknown>;

interface Named {
  entry: Dict;
  baseDir: string;
}

interface Merged {
  currentContext?: string;
  clusters: Map<string, Named>;
  users: Map<string, Named>;
  contexts: Map<string, Named>;
}

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function mergeFile(merged: Merged, file: string): void {
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KubeconfigError(
      `cannot read kubeconfig ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (document === null || document === undefined) {
    return;
  }
  if (!isDict(document)) {
    throw new KubeconfigError(`kubeconfig ${file} is not a map`);
  }
  const baseDir = dirname(resolve(file));
  merged.currentContext ??= str(document['current-context']);
  const lists: [string, string, Map<string, Named>][] = [
    ['clusters', 'cluster', merged.clusters],
    ['users', 'user', merged.users],
    ['contexts', 'context', merged.contexts],
  ];
  for (const [listKey, itemKey, target] of lists) {
    const list = document[listKey];
    if (!Array.isArray(list)) {
      continue;
    }
    for (const item of list) {
      const name = isDict(item) ? str(item.name) : undefined;
      const entry = isDict(item) ? item[itemKey] : undefined;
      if (name !== undefined && isDict(entry) && !target.has(name)) {
        target.set(name, { entry, baseDir });
      }
    }
  }
}

function fileOrData(named: Named, fileKey: string, dataKey: string): Buffer | undefined {
  const data = str(named.entry[dataKey]);
  if (data !== undefined) {
    return Buffer.from(data, 'base64');
  }
  const file = str(named.entry[fileKey]);
  if (file === undefined) {
    return undefined;
  }
  const path = isAbsolute(file) ? file : join(named.baseDir, file);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new KubeconfigError(
      `cannot read ${fileKey} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function execOf(named: Named): ExecConfig | undefined {
  const exec = named.entry.exec;
  if (!isDict(exec)) {
    return undefined;
  }
  const command = str(exec.command);
  if (command === undefined) {
    throw new KubeconfigError('exec credential plugin without a command');
  }
  const args = Array.isArray(exec.args)
    ? exec.args.filter((arg): arg is string => typeof arg === 'string')
    : [];
  const env = Array.isArray(exec.env)
    ? exec.env.flatMap((item) =>
        isDict(item) && typeof item.name === 'string' && typeof item.value === 'string'
          ? [{ name: item.name, value: item.value }]
          : [],
      )
    : [];
  return {
    apiVersion: str(exec.apiVersion) ?? 'client.authentication.k8s.io/v1',
    command,
    args,
    env,
    baseDir: named.baseDir,
  };
}

function inClusterConnection(options: LoadOptions): Connection | undefined {
  const host = options.env.KUBERNETES_SERVICE_HOST;
  const port = options.env.KUBERNETES_SERVICE_PORT;
  const dir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const tokenFile = join(dir, 'token');
  if (host === undefined || port === undefined || !existsSync(tokenFile)) {
    return undefined;
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const namespaceFile = join(dir, 'namespace');
  const caFile = join(dir, 'ca.crt');
  const connection: Connection = {
    server: `https://${hostPart}:${port}`,
    context: 'in-cluster',
    namespace: existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : 'default',
    insecureSkipTlsVerify: false,
    tokenFile,
  };
  if (existsSync(caFile)) {
    connection.ca = readFileSync(caFile);
  }
  return connection;
}

/** The kubeconfig files kubectl would read, in precedence order. */
export function kubeconfigPaths(options: LoadOptions): string[] {
  if (options.kubeconfig !== undefined) {
    return [options.kubeconfig];
  }
  const list = options.env.KUBECONFIG;
  if (list !== undefined && list !== '') {
    return list.split(delimiter).filter((path) => path !== '' && existsSync(path));
  }
  const home = options.env.HOME ?? options.env.USERPROFILE;
  const fallback = home === undefined ? undefined : join(home, '.kube', 'config');
  return fallback !== undefined && existsSync(fallback) ? [fallback] : [];
}

/** Resolves the connection for `--context` (or the current context). */
export function loadConnection(options: LoadOptions): Connection {
  const paths = kubeconfigPaths(options);
  if (paths.length === 0) {
    const inCluster = options.context === undefined ? inClusterConnection(options) : undefined;
    if (inCluster !== undefined) {
      return inCluster;
    }
    throw new KubeconfigError(
      'no kubeconfig: give --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run in a Pod',
    );
  }
  const merged: Merged = { clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const path of paths) {
    if (options.kubeconfig !== undefined && !existsSync(path)) {
      throw new KubeconfigError(`kubeconfig ${path} does not exist`);
    }
    mergeFile(merged, path);
  }
  const contextName = options.context ?? merged.currentContext;
  if (contextName === undefined) {
    throw new KubeconfigError('the kubeconfig has no current-context; give --context');
  }
  const context = merged.contexts.get(contextName);
  if (context === undefined) {
    throw new KubeconfigError(`context "${contextName}" is not in the kubeconfig`);
  }
  const clusterName = str(context.entry.cluster);
  const cluster = clusterName === undefined ? undefined : merged.clusters.get(clusterName);
  if (cluster === undefined) {
    throw new KubeconfigError(`context "${contextName}" names no known cluster`);
  }
  const server = str(cluster.entry.server);
  if (server === undefined) {
    throw new KubeconfigError(`cluster "${clusterName ?? ''}" has no server`);
  }
  const connection: Connection = {
    server: server.replace(/\/+$/, ''),
    context: contextName,
    namespace: str(context.entry.namespace) ?? 'default',
    insecureSkipTlsVerify: cluster.entry['insecure-skip-tls-verify'] === true,
  };
  const ca = fileOrData(cluster, 'certificate-authority', 'certificate-authority-data');
  if (ca !== undefined) {
    connection.ca = ca;
  }
  const serverName = str(cluster.entry['tls-server-name']);
  if (serverName !== undefined) {
    connection.tlsServerName = serverName;
  }
  const userName = str(context.entry.user);
  const user = userName === undefined ? undefined : merged.users.get(userName);
  if (user !== undefined) {
    const cert = fileOrData(user, 'client-certificate', 'client-certificate-data');
    const key = fileOrData(user, 'client-key', 'client-key-data');
    if (cert !== undefined && key !== undefined) {
      connection.clientCert = cert;
      connection.clientKey = key;
    }
    const token = str(user.entry.token);
    const tokenFile = str(user.entry.tokenFile);
    if (token !== undefined) {
      connection.token = token;
    } else if (tokenFile !== undefined) {
      connection.tokenFile = isAbsolute(tokenFile) ? tokenFile : join(user.baseDir, tokenFile);
    }
    const exec = execOf(user);
    if (exec !== undefined) {
      connection.exec = exec;
    }
  }
  return connection;
}
