/**
 * Where the files of a node are: resolved from the running components' own flags first (the
 * kubelet's `--config` and `--kubeconfig`, etcd's `--data-dir`, ...), falling back to the usual
 * kubeadm locations only when a process does not say. The collector uses the same resolution to
 * decide what to read, so that an offline assessment sees exactly the files a live one would.
 */
import { componentOf, isRecord, type Component, type NodeFacts } from './facts.js';
import { parseFlags } from './flags.js';
import { effectiveKubelet } from './kubelet.js';
import type { FileSetId } from './types.js';
import { textOf } from './values.js';

/** A path as a process sees it; `pid` lets the collector look inside that process's root. */
export interface PathRef {
  path: string;
  pid?: number;
  /** How the path was found, for evidence. */
  via: string;
}

export const DEFAULT_STATIC_POD_DIR = '/etc/kubernetes/manifests';
export const DEFAULT_PKI_DIR = '/etc/kubernetes/pki';
export const DEFAULT_CNI_DIRS = ['/etc/cni/net.d', '/var/lib/cni/networks'];
export const KUBELET_UNIT_FILES = [
  '/etc/systemd/system/kubelet.service',
  '/usr/lib/systemd/system/kubelet.service',
  '/lib/systemd/system/kubelet.service',
];
export const KUBELET_UNIT_DIRS = [
  '/etc/systemd/system/kubelet.service.d',
  '/usr/lib/systemd/system/kubelet.service.d',
  '/lib/systemd/system/kubelet.service.d',
];
/** Paths whose presence hints at the platform; only their existence is recorded. */
export const PLATFORM_MARKERS = [
  '/etc/eks/bootstrap.sh',
  '/etc/eks/release',
  '/etc/eks/image-credential-provider',
  '/etc/kubernetes/kubelet/kubelet-config.json',
  '/etc/kubernetes/kubelet/config.json',
  '/etc/kubernetes/azure.json',
  '/etc/default/kubeletconfig.json',
  '/home/kubernetes/kubelet-config.yaml',
  '/home/kubernetes/bin',
  '/etc/kubernetes/manifests/kube-apiserver.yaml',
  '/var/lib/kubelet/kubeadm-flags.env',
  '/etc/rancher/rke2',
  '/var/lib/rancher/k3s',
];

const MANIFEST_NAMES: Record<Component, string> = {
  'kube-apiserver': 'kube-apiserver.yaml',
  'kube-controller-manager': 'kube-controller-manager.yaml',
  'kube-scheduler': 'kube-scheduler.yaml',
  etcd: 'etcd.yaml',
  kubelet: 'kubelet.yaml',
  'kube-proxy': 'kube-proxy.yaml',
};

/** A component's flag value, with the process it came from. */
export function flagOf(
  facts: NodeFacts,
  component: Component,
  flag: string,
): { value: string; pid?: number; location: string } | undefined {
  const process = componentOf(facts, component);
  if (process === undefined) {
    return undefined;
  }
  const occurrence = parseFlags(component, process.argv.slice(1)).last.get(flag);
  if (occurrence !== undefined) {
    return {
      value: occurrence.value,
      ...(process.pid === undefined ? {} : { pid: process.pid }),
      location: process.location,
    };
  }
  const envName = `ETCD_${flag.toUpperCase().replace(/-/g, '_')}`;
  const env = component === 'etcd' ? process.env?.[envName] : undefined;
  if (env !== undefined) {
    return {
      value: env,
      ...(process.pid === undefined ? {} : { pid: process.pid }),
      location: `${process.location} (env ${envName})`,
    };
  }
  return undefined;
}

/** The kubelet's static pod directory. */
export function staticPodDir(facts: NodeFacts): string {
  const setting = effectiveKubelet(facts)?.setting('staticPodPath');
  const value = setting?.explicit === true ? textOf(setting.value) : '';
  return value === '' ? DEFAULT_STATIC_POD_DIR : value.replace(/\/+$/, '');
}

function fromFlag(
  facts: NodeFacts,
  component: Component,
  flag: string,
  fallback: string,
): PathRef[] {
  const found = flagOf(facts, component, flag);
  if (found !== undefined) {
    return [
      {
        path: found.value,
        ...(found.pid === undefined ? {} : { pid: found.pid }),
        via: `${component} --${flag} (${found.location})`,
      },
    ];
  }
  return [{ path: fallback, via: `default location (${component} has no --${flag})` }];
}

function manifestOf(facts: NodeFacts, component: Component): PathRef[] {
  const declared = facts.processes.find(
    (process) => process.component === component && process.source === 'static-pod',
  );
  if (declared !== undefined) {
    return [{ path: declared.location, via: `static pod manifest of ${component}` }];
  }
  return [
    {
      path: `${staticPodDir(facts)}/${MANIFEST_NAMES[component]}`,
      via: 'kubelet static pod directory',
    },
  ];
}

function listed(facts: NodeFacts, dir: string, filter: (path: string) => boolean): PathRef[] {
  return (facts.listings[dir] ?? [])
    .filter(filter)
    .map((path) => ({ path, via: `listing of ${dir}` }));
}

function existing(facts: NodeFacts, refs: PathRef[]): PathRef[] {
  return refs.filter((ref) => {
    const type = facts.files[ref.path]?.type;
    return type !== undefined && type !== 'missing';
  });
}

/** The proxy's kubeconfig: `--kubeconfig`, else its `--config` file's `clientConnection`. */
function proxyKubeconfig(facts: NodeFacts): PathRef[] {
  const flag = flagOf(facts, 'kube-proxy', 'kubeconfig');
  if (flag !== undefined) {
    return [
      {
        path: flag.value,
        ...(flag.pid === undefined ? {} : { pid: flag.pid }),
        via: `kube-proxy --kubeconfig (${flag.location})`,
      },
    ];
  }
  const config = flagOf(facts, 'kube-proxy', 'config');
  const document = config === undefined ? undefined : facts.documents[config.value]?.content;
  const connection = isRecord(document) ? document.clientConnection : undefined;
  const path = isRecord(connection) ? textOf(connection.kubeconfig) : '';
  if (config !== undefined && path !== '') {
    return [
      {
        path,
        ...(config.pid === undefined ? {} : { pid: config.pid }),
        via: `clientConnection.kubeconfig of kube-proxy --config ${config.value}`,
      },
    ];
  }
  return [];
}

/**
 * The paths of a file set. Sets of optional files (unit drop-ins, PKI entries, the second admin
 * kubeconfig) list only files that exist; an empty result means nothing was found.
 */
export function resolveFileSet(facts: NodeFacts, id: FileSetId): PathRef[] {
  switch (id) {
    case 'apiserver-manifest':
      return manifestOf(facts, 'kube-apiserver');
    case 'controller-manager-manifest':
      return manifestOf(facts, 'kube-controller-manager');
    case 'scheduler-manifest':
      return manifestOf(facts, 'kube-scheduler');
    case 'etcd-manifest':
      return manifestOf(facts, 'etcd');
    case 'cni-files': {
      const confDir = flagOf(facts, 'kubelet', 'cni-conf-dir')?.value ?? DEFAULT_CNI_DIRS[0] ?? '';
      return [confDir, ...DEFAULT_CNI_DIRS.slice(1)].flatMap((dir) =>
        listed(facts, dir, () => true),
      );
    }
    case 'etcd-data-dir':
      return fromFlag(facts, 'etcd', 'data-dir', '/var/lib/etcd');
    case 'admin-kubeconfig':
      return [{ path: '/etc/kubernetes/admin.conf', via: 'kubeadm administrator kubeconfig' }];
    case 'admin-kubeconfigs':
      return existing(facts, [
        { path: '/etc/kubernetes/admin.conf', via: 'kubeadm administrator kubeconfig' },
        { path: '/etc/kubernetes/super-admin.conf', via: 'kubeadm break-glass kubeconfig' },
      ]);
    case 'scheduler-kubeconfig':
      return fromFlag(facts, 'kube-scheduler', 'kubeconfig', '/etc/kubernetes/scheduler.conf');
    case 'controller-manager-kubeconfig':
      return fromFlag(
        facts,
        'kube-controller-manager',
        'kubeconfig',
        '/etc/kubernetes/controller-manager.conf',
      );
    case 'pki-all':
      return existing(facts, [{ path: DEFAULT_PKI_DIR, via: 'kubeadm PKI directory' }]).concat(
        listed(facts, DEFAULT_PKI_DIR, () => true),
      );
    case 'pki-certs':
      return listed(facts, DEFAULT_PKI_DIR, (path) => path.endsWith('.crt'));
    case 'pki-keys':
      return listed(facts, DEFAULT_PKI_DIR, (path) => path.endsWith('.key'));
    case 'kubelet-service':
      return existing(
        facts,
        KUBELET_UNIT_FILES.map((path) => ({ path, via: 'systemd unit of the kubelet' })),
      ).concat(
        KUBELET_UNIT_DIRS.flatMap((dir) => listed(facts, dir, (path) => path.endsWith('.conf'))),
      );
    case 'proxy-kubeconfig':
      return proxyKubeconfig(facts);
    case 'kubelet-kubeconfig':
      return fromFlag(facts, 'kubelet', 'kubeconfig', '/etc/kubernetes/kubelet.conf');
    case 'kubelet-client-ca': {
      const setting = effectiveKubelet(facts)?.setting('authentication.x509.clientCAFile');
      const path = setting === undefined ? '' : textOf(setting.value);
      return path === ''
        ? []
        : [{ path, via: `kubelet client CA (${setting?.evidence.location ?? 'kubelet'})` }];
    }
    case 'kubelet-config': {
      const kubelet = effectiveKubelet(facts);
      if (kubelet?.configPath === undefined) {
        return [];
      }
      const pid = kubelet.process.pid;
      return [kubelet.configPath, ...kubelet.dropIns].map((path) => ({
        path,
        ...(pid === undefined ? {} : { pid }),
        via: path === kubelet.configPath ? 'kubelet --config' : 'kubelet --config-dir drop-in',
      }));
    }
    case 'azure-json':
      return [{ path: '/etc/kubernetes/azure.json', via: 'AKS cloud provider configuration' }];
  }
}

export const FILE_SETS: readonly FileSetId[] = [
  'apiserver-manifest',
  'controller-manager-manifest',
  'scheduler-manifest',
  'etcd-manifest',
  'cni-files',
  'etcd-data-dir',
  'admin-kubeconfig',
  'admin-kubeconfigs',
  'scheduler-kubeconfig',
  'controller-manager-kubeconfig',
  'pki-all',
  'pki-certs',
  'pki-keys',
  'kubelet-service',
  'proxy-kubeconfig',
  'kubelet-kubeconfig',
  'kubelet-client-ca',
  'kubelet-config',
  'azure-json',
];

/** What the collector should read next, given what it has so far. */
export interface CollectionPlan {
  /** Configuration files to parse (no secrets in them). */
  documents: PathRef[];
  /** Directories to list recursively. */
  listings: PathRef[];
  /** Paths to stat. */
  stats: PathRef[];
  /** The API server's encryption configuration, if it names one. */
  encryption?: PathRef;
}

/** The plan for the current facts; the collector repeats it until nothing new appears. */
export function collectionPlan(facts: NodeFacts): CollectionPlan {
  const documents: PathRef[] = [];
  const listings: PathRef[] = [];
  const kubelet = componentOf(facts, 'kubelet');
  const pid = kubelet?.pid;
  const withPid = (path: string, via: string): PathRef =>
    pid === undefined ? { path, via } : { path, pid, via };
  if (kubelet !== undefined) {
    const flags = parseFlags('kubelet', kubelet.argv.slice(1));
    const config = flags.last.get('config')?.value;
    if (config !== undefined) {
      documents.push(withPid(config, 'kubelet --config'));
    }
    const configDir = flags.last.get('config-dir')?.value;
    if (configDir !== undefined) {
      listings.push(withPid(configDir, 'kubelet --config-dir'));
      for (const path of (facts.listings[configDir] ?? []).filter((p) => p.endsWith('.conf'))) {
        documents.push(withPid(path, 'kubelet drop-in'));
      }
    }
  }
  const proxyConfig = flagOf(facts, 'kube-proxy', 'config');
  if (proxyConfig !== undefined) {
    documents.push({
      path: proxyConfig.value,
      ...(proxyConfig.pid === undefined ? {} : { pid: proxyConfig.pid }),
      via: 'kube-proxy --config',
    });
  }
  listings.push({ path: staticPodDir(facts), via: 'kubelet static pod directory' });
  listings.push({ path: DEFAULT_PKI_DIR, via: 'PKI directory' });
  const cniDir = flagOf(facts, 'kubelet', 'cni-conf-dir')?.value;
  for (const dir of cniDir === undefined
    ? DEFAULT_CNI_DIRS
    : [cniDir, ...DEFAULT_CNI_DIRS.slice(1)]) {
    listings.push({ path: dir, via: 'CNI configuration' });
  }
  for (const dir of KUBELET_UNIT_DIRS) {
    listings.push({ path: dir, via: 'kubelet systemd drop-ins' });
  }
  const stats = FILE_SETS.flatMap((id) => resolveFileSet(facts, id));
  for (const path of [...KUBELET_UNIT_FILES, '/etc/kubernetes/super-admin.conf', DEFAULT_PKI_DIR]) {
    stats.push({ path, via: 'candidate location' });
  }
  const encryption = flagOf(facts, 'kube-apiserver', 'encryption-provider-config');
  return {
    documents,
    listings,
    stats,
    ...(encryption === undefined
      ? {}
      : {
          encryption: {
            path: encryption.value,
            ...(encryption.pid === undefined ? {} : { pid: encryption.pid }),
            via: 'kube-apiserver --encryption-provider-config',
          },
        }),
  };
}
