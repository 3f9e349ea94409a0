/**
 * The check registry: the explicit list of the 19 upstream checks, their evaluation order, and
 * the overrides of baseline checks by restricted ones.
 *
 * For a level and a policy version V, each check runs the implementation with the largest
 * `minVersion` not above V; a check whose first `minVersion` is above V does not run. At the
 * restricted level, a restricted check that runs at V removes the baseline checks it overrides.
 * Results come in upstream order: baseline ids in Go byte order, then restricted ids likewise.
 */

import { allowPrivilegeEscalation } from './checks/allow-privilege-escalation.js';
import { appArmorProfile } from './checks/app-armor-profile.js';
import { capabilitiesBaseline } from './checks/capabilities-baseline.js';
import { capabilitiesRestricted } from './checks/capabilities-restricted.js';
import { hostNamespaces } from './checks/host-namespaces.js';
import { hostPathVolumes } from './checks/host-path-volumes.js';
import { hostPorts } from './checks/host-ports.js';
import { hostProbesAndHostLifecycle } from './checks/host-probes-and-host-lifecycle.js';
import { privileged } from './checks/privileged.js';
import { procMountRestricted } from './checks/proc-mount-restricted.js';
import { procMount } from './checks/proc-mount.js';
import { restrictedVolumes } from './checks/restricted-volumes.js';
import { runAsNonRoot } from './checks/run-as-non-root.js';
import { runAsUser } from './checks/run-as-user.js';
import { seLinuxOptions } from './checks/se-linux-options.js';
import { seccompProfileBaseline } from './checks/seccomp-profile-baseline.js';
import { seccompProfileRestricted } from './checks/seccomp-profile-restricted.js';
import { sysctls } from './checks/sysctls.js';
import { windowsHostProcess } from './checks/windows-host-process.js';
import { compareGo } from './format.js';
import type { CheckDefinition, CheckFn, PssLevel, VersionedCheck } from './types.js';
import { parsePolicyVersion, toPolicyVersion } from './version.js';

/** Every check, in no particular order: {@link buildRegistry} sorts them. */
export const ALL_CHECKS: readonly CheckDefinition[] = [
  appArmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  seLinuxOptions,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
];

/** A check implementation selected for one level and version. */
export interface ActiveCheck {
  id: string;
  check: CheckFn;
}

export interface Registry {
  /** The checks in evaluation order. */
  readonly checks: readonly CheckDefinition[];
  /** The largest `minVersion` minor over all checks: what `latest` means. */
  readonly maxMinor: number;
  /** The checks to run, in order, for a level at an already-resolved minor version. */
  activeChecks(level: PssLevel, minor: number): readonly ActiveCheck[];
}

/** Thrown when a check catalogue is inconsistent. */
export class PssRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PssRegistryError';
  }
}

interface ParsedCheck {
  definition: CheckDefinition;
  versions: { minor: number; check: CheckFn }[];
}

function parseCheck(definition: CheckDefinition, seen: Set<string>): ParsedCheck {
  const { id } = definition;
  if (id === '' || seen.has(id)) {
    throw new PssRegistryError(`check id ${JSON.stringify(id)} is empty or not unique`);
  }
  seen.add(id);
  if (definition.level !== 'baseline' && definition.level !== 'restricted') {
    throw new PssRegistryError(`check ${id}: invalid level ${JSON.stringify(definition.level)}`);
  }
  if (definition.versions.length === 0) {
    throw new PssRegistryError(`check ${id}: no versions`);
  }
  const versions: ParsedCheck['versions'] = [];
  for (const { minVersion, check } of definition.versions) {
    const parsed = parsePolicyVersion(minVersion);
    if (!parsed.ok || parsed.version.latest) {
      throw new PssRegistryError(`check ${id}: minVersion must be v1.N, got ${minVersion}`);
    }
    const previous = versions.at(-1);
    if (previous !== undefined && parsed.version.minor <= previous.minor) {
      throw new PssRegistryError(`check ${id}: versions must increase (${minVersion})`);
    }
    versions.push({ minor: parsed.version.minor, check });
  }
  return { definition, versions };
}

/**
 * The implementation of a check used at a policy version (`v1.N`, or `latest` for the newest),
 * or undefined when the check does not exist yet at that version.
 */
export function implementationAt(
  definition: CheckDefinition,
  version: string,
): CheckFn | undefined {
  const target = toPolicyVersion(version);
  const minorOf = (v: VersionedCheck): number => {
    const parsed = toPolicyVersion(v.minVersion);
    return parsed.latest ? Infinity : parsed.minor;
  };
  if (target.latest) {
    return definition.versions.at(-1)?.check;
  }
  return definition.versions.findLast((v) => minorOf(v) <= target.minor)?.check;
}

/** Validates a catalogue and builds its registry. Throws {@link PssRegistryError}. */
export function buildRegistry(definitions: readonly CheckDefinition[]): Registry {
  const seen = new Set<string>();
  const parsed = definitions.map((definition) => parseCheck(definition, seen));
  for (const { definition } of parsed) {
    for (const target of definition.overrides ?? []) {
      const overridden = parsed.find((p) => p.definition.id === target);
      if (definition.level !== 'restricted' || overridden?.definition.level !== 'baseline') {
        throw new PssRegistryError(
          `check ${definition.id}: only a restricted check may override a baseline check (${target})`,
        );
      }
    }
  }
  const rank = (level: string): number => (level === 'baseline' ? 0 : 1);
  parsed.sort(
    (a, b) =>
      rank(a.definition.level) - rank(b.definition.level) ||
      compareGo(a.definition.id, b.definition.id),
  );
  const maxMinor = Math.max(...parsed.flatMap((p) => p.versions.map((v) => v.minor)));

  const select = (check: ParsedCheck, minor: number): CheckFn | undefined =>
    check.versions.findLast((v) => v.minor <= minor)?.check;

  const cache = new Map<string, readonly ActiveCheck[]>();
  const activeChecks = (level: PssLevel, minor: number): readonly ActiveCheck[] => {
    if (level === 'privileged') {
      return [];
    }
    const key = `${level}:${minor}`;
    const cached = cache.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const candidates = parsed.filter((p) => level === 'restricted' || p.definition.level === level);
    const overridden = new Set<string>();
    for (const candidate of candidates) {
      if (select(candidate, minor) !== undefined) {
        for (const target of candidate.definition.overrides ?? []) {
          overridden.add(target);
        }
      }
    }
    const active: ActiveCheck[] = [];
    for (const candidate of candidates) {
      const check = select(candidate, minor);
      if (check !== undefined && !overridden.has(candidate.definition.id)) {
        active.push({ id: candidate.definition.id, check });
      }
    }
    cache.set(key, active);
    return active;
  };

  return { checks: parsed.map((p) => p.definition), maxMinor, activeChecks };
}

/** The registry of the upstream checks. */
export const registry: Registry = buildRegistry(ALL_CHECKS);
