/**
 * The explicit registry of every rule, sorted by id. A rule that is not listed here does not run;
 * the catalogue test fails when a rule module is missing from this list.
 */
import type { AnyRule } from '../core/rule.js';
import allowPrivilegeEscalation from './hardening/allow-privilege-escalation.js';
import apparmor from './hardening/apparmor.js';
import capabilities from './hardening/capabilities.js';
import imageReference from './hardening/image-reference.js';
import privileged from './hardening/privileged.js';
import readOnlyRootFilesystem from './hardening/read-only-root-filesystem.js';
import resources from './hardening/resources.js';
import runAsNonRoot from './hardening/run-as-non-root.js';
import runAsNonRootGroup from './hardening/run-as-non-root-group.js';
import seccomp from './hardening/seccomp.js';
import selinux from './hardening/selinux.js';
import pssAllowPrivilegeEscalation from './pss/allow-privilege-escalation.js';
import pssAppArmorProfile from './pss/app-armor-profile.js';
import pssCapabilitiesBaseline from './pss/capabilities-baseline.js';
import pssCapabilitiesRestricted from './pss/capabilities-restricted.js';
import pssHostNamespaces from './pss/host-namespaces.js';
import pssHostPathVolumes from './pss/host-path-volumes.js';
import pssHostPorts from './pss/host-ports.js';
import pssHostProbesAndHostLifecycle from './pss/host-probes-and-host-lifecycle.js';
import pssPrivileged from './pss/privileged.js';
import pssProcMount from './pss/proc-mount.js';
import pssProcMountRestricted from './pss/proc-mount-restricted.js';
import pssRestrictedVolumes from './pss/restricted-volumes.js';
import pssRunAsNonRoot from './pss/run-as-non-root.js';
import pssRunAsUser from './pss/run-as-user.js';
import pssSeLinuxOptions from './pss/se-linux-options.js';
import pssSeccompProfileBaseline from './pss/seccomp-profile-baseline.js';
import pssSeccompProfileRestricted from './pss/seccomp-profile-restricted.js';
import pssSysctls from './pss/sysctls.js';
import pssWindowsHostProcess from './pss/windows-host-process.js';

export const RULES: readonly AnyRule[] = [
  allowPrivilegeEscalation,
  apparmor,
  capabilities,
  imageReference,
  privileged,
  readOnlyRootFilesystem,
  resources,
  runAsNonRoot,
  runAsNonRootGroup,
  seccomp,
  selinux,
  pssAllowPrivilegeEscalation,
  pssAppArmorProfile,
  pssCapabilitiesBaseline,
  pssCapabilitiesRestricted,
  pssHostNamespaces,
  pssHostPathVolumes,
  pssHostPorts,
  pssHostProbesAndHostLifecycle,
  pssPrivileged,
  pssProcMount,
  pssProcMountRestricted,
  pssRestrictedVolumes,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeLinuxOptions,
  pssSeccompProfileBaseline,
  pssSeccompProfileRestricted,
  pssSysctls,
  pssWindowsHostProcess,
];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(
  RULES.map((rule) => [rule.meta.id, rule]),
);
