/**
 * Running Kubernetes components, from `/proc/<pid>/cmdline` (NUL-separated, so arguments with
 * spaces survive), and components declared by static pod manifests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isRecord, type Component, type ProcessFact } from '../../cis/facts.js';

/** Executable names (argv[0] base names) of each component. */
const NAMES: Record<string, Component> = {
  'kube-apiserver': 'kube-apiserver',
  apiserver: 'kube-apiserver',
  etcd: 'etcd',
  'kube-controller-manager': 'kube-controller-manager',
  'controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler',
  scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
  'kube-proxy': 'kube-proxy',
  proxy: 'kube-proxy',
};

/** etcd settings that may come from the environment; nothing else of an environment is kept. */
export const ETCD_ENV = [
  'ETCD_CERT_FILE',
  'ETCD_KEY_FILE',
  'ETCD_CLIENT_CERT_AUTH',
  'ETCD_AUTO_TLS',
  'ETCD_PEER_CERT_FILE',
  'ETCD_PEER_KEY_FILE',
  'ETCD_PEER_CLIENT_CERT_AUTH',
  'ETCD_PEER_AUTO_TLS',
  'ETCD_TRUSTED_CA_FILE',
  'ETCD_DATA_DIR',
];

/** The component an argument vector runs, if any (`hyperkube kubelet` counts as kubelet). */
export function componentOfArgv(argv: readonly string[]): Component | undefined {
  const first = basename(argv[0] ?? '');
  if (first === 'hyperkube') {
    return NAMES[argv[1] ?? ''];
  }
  return NAMES[first];
}

function allowedEnv(pairs: Iterable<[string, string]>): Record<string, string> | undefined {
  const env: Record<string, string> = {};
  for (const [key, value] of pairs) {
    if (ETCD_ENV.includes(key)) {
      env[key] = value;
    }
  }
  return Object.keys(env).length === 0 ? undefined : env;
}

/** Lists components among the processes under `procRoot`. */
export function readProcesses(
  procRoot: string,
  notes: string[],
  pidFilter: (pid: number) => boolean = () => true,
): ProcessFact[] {
  let pids: number[];
  try {
    pids = readdirSync(procRoot)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter(pidFilter)
      .sort((a, b) => a - b);
  } catch (error) {
    notes.push(`cannot list processes in ${procRoot}: ${String(error)}`);
    return [];
  }
  const found: ProcessFact[] = [];
  for (const pid of pids) {
    let raw: string;
    try {
      raw = readFileSync(join(procRoot, String(pid), 'cmdline'), 'utf8');
    } catch {
      continue;
    }
    const argv = raw.split('\0');
    if (argv.at(-1) === '') {
      argv.pop();
    }
    let component = componentOfArgv(argv);
    if (component === undefined && argv.length === 1 && (argv[0] ?? '').includes(' ')) {
      // A process that rewrote its title: fall back to splitting on spaces.
      const split = (argv[0] ?? '').split(/\s+/);
      component = componentOfArgv(split);
      if (component !== undefined) {
        argv.splice(0, 1, ...split);
      }
    }
    if (component === undefined) {
      continue;
    }
    const fact: ProcessFact = {
      component,
      pid,
      argv,
      source: 'process',
      location: `/proc/${pid}/cmdline`,
    };
    if (component === 'etcd') {
      try {
        const environ = readFileSync(join(procRoot, String(pid), 'environ'), 'utf8');
        const env = allowedEnv(
          environ.split('\0').map((line): [string, string] => {
            const equals = line.indexOf('=');
            return equals < 0 ? [line, ''] : [line.slice(0, equals), line.slice(equals + 1)];
          }),
        );
        if (env !== undefined) {
          fact.env = env;
        }
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') {
          notes.push(`etcd (pid ${pid}): environment not readable; ETCD_* settings unknown`);
        }
      }
    }
    found.push(fact);
  }
  return found;
}

/** Components declared by a static pod manifest's text (YAML or JSON). */
export function staticPodsOf(path: string, text: string, notes: string[]): ProcessFact[] {
  const found: ProcessFact[] = [];
  let documents;
  try {
    documents = parseAllDocuments(text);
  } catch (error) {
    notes.push(`${path}: not YAML: ${String(error)}`);
    return [];
  }
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    const pod: unknown = document.toJS();
    const spec = isRecord(pod) ? pod.spec : undefined;
    const containers = isRecord(spec) && Array.isArray(spec.containers) ? spec.containers : [];
    for (const container of containers as unknown[]) {
      if (!isRecord(container)) {
        continue;
      }
      const strings = (value: unknown): string[] =>
        Array.isArray(value)
          ? value.filter((item): item is string => typeof item === 'string')
          : [];
      const argv = [...strings(container.command), ...strings(container.args)];
      const component = componentOfArgv(argv);
      if (component === undefined) {
        continue;
      }
      const env = allowedEnv(
        (Array.isArray(container.env) ? (container.env as unknown[]) : [])
          .filter(isRecord)
          .filter((item) => typeof item.name === 'string' && typeof item.value === 'string')
          .map((item): [string, string] => [String(item.name), String(item.value)]),
      );
      found.push({
        component,
        argv,
        source: 'static-pod',
        location: path,
        ...(typeof container.image === 'string' ? { image: container.image } : {}),
        ...(env === undefined ? {} : { env }),
      });
    }
  }
  return found;
}
