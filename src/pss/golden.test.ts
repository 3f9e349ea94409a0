/**
 * Golden cases for every policy version v1.0 to v1.37, built from the behaviour timeline of the
 * spec (the upstream fixtures of the older versions are not in the repository). Each case starts
 * from the minimal valid pod of its level and version, as the upstream fixture generator does, and
 * changes one thing.
 */

import { describe, expect, it } from 'vitest';

import type { Container, PodSpec } from '../core/k8s.js';
import { enforceDenialMessage, evaluatePod } from './evaluate.js';
import type { CheckLevel, PodInput } from './types.js';

const NEWEST = 37;
const MINORS = Array.from({ length: NEWEST + 1 }, (_, minor) => minor);
const LEVELS: readonly CheckLevel[] = ['baseline', 'restricted'];

/** The minimal valid pod of a level and version (linux), or the windows variant (v1.25+). */
function minimalPod(level: CheckLevel, minor: number, windows = false): PodInput {
  const container = (name: string): Container => {
    const c: Container = { name, image: 'registry.k8s.io/pause' };
    if (level === 'restricted' && minor >= 8 && !windows) {
      c.securityContext = { allowPrivilegeEscalation: false };
      if (minor >= 22) {
        c.securityContext.capabilities = { drop: ['ALL'] };
      }
    }
    return c;
  };
  const spec: PodSpec = {
    initContainers: [container('initcontainer1')],
    containers: [container('container1')],
  };
  if (level === 'restricted') {
    spec.securityContext = { runAsNonRoot: true };
    if (minor >= 19 && !windows) {
      spec.securityContext.seccompProfile = { type: 'RuntimeDefault' };
    }
  }
  if (windows) {
    spec.os = { name: 'windows' };
  }
  return { metadata: { name: 'pod' }, spec };
}

/** A deep copy of the minimal pod, changed by `tweak`. */
function tweaked(level: CheckLevel, minor: number, tweak: (pod: PodInput) => void): PodInput {
  const pod = JSON.parse(JSON.stringify(minimalPod(level, minor))) as PodInput;
  tweak(pod);
  return pod;
}

function first(pod: PodInput): Container {
  const container = pod.spec.containers?.[0];
  if (container === undefined) {
    throw new Error('no container');
  }
  return container;
}

function securityContext(pod: PodInput) {
  const container = first(pod);
  container.securityContext ??= {};
  return container.securityContext;
}

interface Case {
  name: string;
  levels?: readonly CheckLevel[];
  /** Versions (minor numbers) where the tweak must fail; it must pass at the others. */
  failsAt: (minor: number, level: CheckLevel) => boolean;
  substring: string;
  tweak: (pod: PodInput) => void;
}

const always = () => true;

const cases: Case[] = [
  {
    name: 'privileged container',
    failsAt: always,
    substring: 'privileged',
    tweak: (pod) => {
      securityContext(pod).privileged = true;
    },
  },
  {
    name: 'hostPID',
    failsAt: always,
    substring: 'host namespaces',
    tweak: (pod) => {
      pod.spec.hostPID = true;
    },
  },
  {
    name: 'hostPath volume',
    failsAt: always,
    substring: 'hostPath',
    tweak: (pod) => {
      pod.spec.volumes = [{ name: 'v', hostPath: { path: '/a' } }];
    },
  },
  {
    name: 'hostPort',
    failsAt: always,
    substring: 'hostPort',
    tweak: (pod) => {
      first(pod).ports = [{ containerPort: 12345, hostPort: 12345 }];
    },
  },
  {
    name: 'probe host (v1.34+)',
    failsAt: (minor) => minor >= 34,
    substring: 'probe or lifecycle host',
    tweak: (pod) => {
      first(pod).readinessProbe = { httpGet: { host: 'localhost', port: 8080 } };
    },
  },
  {
    name: 'lifecycle host (v1.34+)',
    failsAt: (minor) => minor >= 34,
    substring: 'probe or lifecycle host',
    tweak: (pod) => {
      first(pod).lifecycle = { preStop: { tcpSocket: { host: '127.0.0.1', port: 8080 } } };
    },
  },
  {
    name: 'added capability',
    failsAt: always,
    substring: 'capabilities',
    tweak: (pod) => {
      const sc = securityContext(pod);
      sc.capabilities = { ...sc.capabilities, add: ['SYS_ADMIN'] };
    },
  },
  {
    name: 'Unmasked procMount in a user namespace',
    failsAt: (minor, level) => minor < 35 || level === 'restricted',
    substring: 'procMount',
    tweak: (pod) => {
      securityContext(pod).procMount = 'Unmasked';
      pod.spec.hostUsers = false;
    },
  },
  {
    name: 'Unmasked procMount with host users',
    failsAt: always,
    substring: 'procMount',
    tweak: (pod) => {
      securityContext(pod).procMount = 'Unmasked';
      pod.spec.hostUsers = true;
    },
  },
  {
    name: 'custom SELinux type',
    failsAt: always,
    substring: 'seLinuxOptions',
    tweak: (pod) => {
      securityContext(pod).seLinuxOptions = { type: 'spc_t' };
    },
  },
  {
    name: 'container_engine_t (allowed from v1.31)',
    failsAt: (minor) => minor < 31,
    substring: 'seLinuxOptions',
    tweak: (pod) => {
      securityContext(pod).seLinuxOptions = { type: 'container_engine_t' };
    },
  },
  {
    name: 'SELinux user',
    failsAt: always,
    substring: 'seLinuxOptions',
    tweak: (pod) => {
      pod.spec.securityContext = { ...pod.spec.securityContext, seLinuxOptions: { user: 'root' } };
    },
  },
  {
    name: 'unconfined seccomp annotation (read until v1.18)',
    failsAt: (minor) => minor < 19,
    substring: 'seccompProfile',
    tweak: (pod) => {
      pod.metadata = {
        ...pod.metadata,
        annotations: { 'container.seccomp.security.alpha.kubernetes.io/container1': 'unconfined' },
      };
    },
  },
  {
    name: 'unconfined seccomp field (read from v1.19)',
    failsAt: (minor) => minor >= 19,
    substring: 'seccompProfile',
    tweak: (pod) => {
      securityContext(pod).seccompProfile = { type: 'Unconfined' };
    },
  },
  ...(
    [
      ['net.ipv4.ip_local_reserved_ports', 27],
      ['net.ipv4.tcp_keepalive_time', 29],
      ['net.ipv4.tcp_fin_timeout', 29],
      ['net.ipv4.tcp_keepalive_intvl', 29],
      ['net.ipv4.tcp_keepalive_probes', 29],
      ['net.ipv4.tcp_rmem', 32],
      ['net.ipv4.tcp_wmem', 32],
      ['net.ipv4.tcp_slow_start_after_idle', 37],
      ['net.ipv4.tcp_notsent_lowat', 37],
      ['othersysctl', Infinity],
    ] as const
  ).map(([name, since]): Case => ({
    name: `sysctl ${name}`,
    failsAt: (minor) => minor < since,
    substring: 'forbidden sysctl',
    tweak: (pod) => {
      pod.spec.securityContext = { ...pod.spec.securityContext, sysctls: [{ name, value: '1' }] };
    },
  })),
  {
    name: 'pod hostProcess',
    failsAt: always,
    substring: 'hostProcess',
    tweak: (pod) => {
      pod.spec.securityContext = {
        ...pod.spec.securityContext,
        windowsOptions: { hostProcess: true },
      };
    },
  },
  {
    name: 'unconfined AppArmor annotation',
    failsAt: always,
    substring: 'forbidden AppArmor profile',
    tweak: (pod) => {
      pod.metadata = {
        annotations: { 'container.apparmor.security.beta.kubernetes.io/container1': 'unconfined' },
      };
    },
  },
  {
    name: 'unconfined AppArmor field (all versions)',
    failsAt: always,
    substring: 'forbidden AppArmor profile',
    tweak: (pod) => {
      securityContext(pod).appArmorProfile = { type: 'Unconfined' };
    },
  },
  {
    name: 'allowPrivilegeEscalation unset (v1.8+)',
    levels: ['restricted'],
    failsAt: (minor) => minor >= 8,
    substring: 'allowPrivilegeEscalation',
    tweak: (pod) => {
      delete securityContext(pod).allowPrivilegeEscalation;
    },
  },
  {
    name: 'drop ALL missing (v1.22+)',
    levels: ['restricted'],
    failsAt: (minor) => minor >= 22,
    substring: 'unrestricted capabilities',
    tweak: (pod) => {
      securityContext(pod).capabilities = { drop: ['all'] };
    },
  },
  {
    name: 'runAsNonRoot false',
    levels: ['restricted'],
    failsAt: always,
    substring: 'runAsNonRoot',
    tweak: (pod) => {
      securityContext(pod).runAsNonRoot = false;
    },
  },
  {
    name: 'runAsNonRoot unset in a user namespace (relaxed from v1.35)',
    levels: ['restricted'],
    failsAt: (minor) => minor < 35,
    substring: 'runAsNonRoot',
    tweak: (pod) => {
      pod.spec.hostUsers = false;
      delete pod.spec.securityContext?.runAsNonRoot;
    },
  },
  {
    name: 'runAsUser 0 (v1.23+, relaxed in a user namespace from v1.35)',
    levels: ['restricted'],
    failsAt: (minor) => minor >= 23,
    substring: 'runAsUser',
    tweak: (pod) => {
      pod.spec.securityContext = { ...pod.spec.securityContext, runAsUser: 0 };
    },
  },
  {
    name: 'runAsUser 0 in a user namespace',
    levels: ['restricted'],
    failsAt: (minor) => minor >= 23 && minor < 35,
    substring: 'runAsUser',
    tweak: (pod) => {
      pod.spec.hostUsers = false;
      securityContext(pod).runAsUser = 0;
    },
  },
  {
    name: 'seccomp profile missing (v1.19+)',
    levels: ['restricted'],
    failsAt: (minor) => minor >= 19,
    substring: 'seccompProfile',
    tweak: (pod) => {
      delete pod.spec.securityContext?.seccompProfile;
    },
  },
  {
    name: 'nfs volume',
    levels: ['restricted'],
    failsAt: always,
    substring: 'restricted volume types',
    tweak: (pod) => {
      pod.spec.volumes = [{ name: 'v', nfs: { server: 's', path: '/' } }];
    },
  },
  {
    name: 'image and sourceless volumes',
    failsAt: () => false,
    substring: '',
    tweak: (pod) => {
      pod.spec.volumes = [{ name: 'v0' }, { name: 'v1', image: { reference: 'x' } }];
    },
  },
];

describe('minimal valid pods', () => {
  it.each(LEVELS.flatMap((level) => MINORS.map((minor) => [level, minor] as const)))(
    '%s v1.%i passes',
    (level, minor) => {
      expect(evaluatePod(minimalPod(level, minor), level, `v1.${minor}`).violations).toEqual([]);
    },
  );

  it.each(MINORS.map((minor) => [minor]))('restricted v1.%i windows variant', (minor) => {
    const result = evaluatePod(minimalPod('restricted', minor, true), 'restricted', `v1.${minor}`);
    expect(result.allowed).toBe(minor < 8 || minor >= 25);
  });
});

describe.each(cases)('$name', (golden) => {
  const levels = golden.levels ?? LEVELS;
  it.each(levels.flatMap((level) => [...MINORS, 99].map((minor) => [level, minor] as const)))(
    '%s v1.%i',
    (level, minor) => {
      const pod = tweaked(level, Math.min(minor, NEWEST), golden.tweak);
      const result = evaluatePod(pod, level, `v1.${minor}`);
      if (golden.failsAt(Math.min(minor, NEWEST), level)) {
        expect(result.allowed).toBe(false);
        expect(enforceDenialMessage(result, { name: 'pod' })).toContain(golden.substring);
      } else {
        expect(result.violations).toEqual([]);
      }
    },
  );
});
