/*
 * hostPath mounts of a workload and the node paths they expose. Not a rule module.
 */
import type { VolumeMount } from '../../core/k8s.js';
import type { StandardRef } from '../../core/rule.js';
import type { ContainerRef, Workload } from '../../core/workload.js';

/** A container's mount of a hostPath volume. */
export interface HostPathMount {
  ref: ContainerRef;
  mount: VolumeMount;
  /** Pointer of the volumeMounts entry. */
  pointer: string;
  volume: string;
  /** The node path the container sees: the volume's path joined with the mount's subPath. */
  path: string;
}

/** Whether a path is a Windows path (drive letter or UNC/named pipe). */
function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/**
 * Normalises a Linux path: one slash between components, no `.` components, `..` resolved, no
 * trailing slash. Windows paths are only trimmed and lower-cased (they compare without case).
 */
export function normalisePath(path: string): string {
  const trimmed = path.trim();
  if (isWindowsPath(trimmed)) {
    return trimmed.toLowerCase();
  }
  const parts: string[] = [];
  for (const part of trimmed.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return `/${parts.join('/')}`;
}

/** Whether `path` is `base` or lies under it. */
export function isWithin(path: string, base: string): boolean {
  return path === base || path.startsWith(base === '/' ? '/' : `${base}/`);
}

/** Category, references and standards shared by the hostPath rules. */
export const HOST_PATH_RULE_META: {
  category: string;
  references: readonly string[];
  standards: readonly StandardRef[];
} = {
  category: 'workload',
  references: [
    'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  ],
  standards: [
    { framework: 'pss', control: 'baseline' },
    { framework: 'nsa', control: 'pod-security' },
  ],
};

/** Checks the `allowedPaths` option of the hostPath rules. */
export function validateAllowedPaths(options: Record<string, unknown>): string[] {
  const value = options.allowedPaths;
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')
    ? []
    : ['allowedPaths must be a list of non-empty paths'];
}

/** Every mount of a hostPath volume by any container of the workload. */
export function hostPathMounts(workload: Workload): HostPathMount[] {
  const hostPaths = new Map<string, string>();
  for (const volume of workload.podSpec.volumes ?? []) {
    const path = volume?.hostPath?.path;
    if (volume?.name !== undefined && path !== undefined) {
      hostPaths.set(volume.name, path);
    }
  }
  const out: HostPathMount[] = [];
  for (const ref of workload.containers) {
    (ref.container.volumeMounts ?? []).forEach((mount, index) => {
      const hostPath = mount?.name === undefined ? undefined : hostPaths.get(mount.name);
      if (mount === undefined || mount.name === undefined || hostPath === undefined) {
        return;
      }
      const subPath = mount.subPath?.trim() ?? '';
      const joined = subPath === '' ? hostPath : `${hostPath.replace(/[\\/]+$/, '')}/${subPath}`;
      out.push({
        ref,
        mount,
        pointer: `${ref.pointer}/volumeMounts/${index}`,
        volume: mount.name,
        path: normalisePath(joined),
      });
    });
  }
  return out;
}

/** Sockets of container runtimes on Linux and named pipes on Windows nodes, most common first. */
export const RUNTIME_SOCKETS: readonly string[] = [
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/run/k3s/containerd/containerd.sock',
  '/run/k0s/containerd.sock',
  '/var/snap/microk8s/common/run/containerd.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/var/run/dockershim.sock',
  '/var/run/docker/containerd/containerd.sock',
  '/run/docker/containerd/containerd.sock',
  '/run/podman/podman.sock',
  '/var/run/podman/podman.sock',
  '\\\\.\\pipe\\docker_engine',
  '\\\\.\\pipe\\containerd-containerd',
];

/** Directories that hold runtime sockets: any `*.sock` under them is a runtime socket. */
const RUNTIME_DIRECTORIES: readonly string[] = [
  '/run/containerd',
  '/var/run/containerd',
  '/run/crio',
  '/var/run/crio',
  '/run/docker',
  '/var/run/docker',
  '/run/k3s/containerd',
  '/run/k0s',
  '/run/podman',
  '/var/run/podman',
  '/var/snap/microk8s/common/run',
];

/** What a node path exposes of the container runtime. */
export type RuntimeExposure =
  { kind: 'socket' } | { kind: 'directory'; socket: string } | undefined;

/** Whether a normalised node path is a runtime socket or a directory that contains one. */
export function runtimeExposure(path: string): RuntimeExposure {
  if (
    RUNTIME_SOCKETS.includes(path) ||
    (path.endsWith('.sock') && RUNTIME_DIRECTORIES.some((directory) => isWithin(path, directory)))
  ) {
    return { kind: 'socket' };
  }
  const socket = RUNTIME_SOCKETS.find(
    (candidate) => candidate.startsWith('/') && candidate !== path && isWithin(candidate, path),
  );
  return socket === undefined ? undefined : { kind: 'directory', socket };
}
