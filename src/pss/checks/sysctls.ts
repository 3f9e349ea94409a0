/**
 * sysctls (baseline)
 *
 * Sysctls can disable security mechanisms or affect all containers on a host, and must be
 * disallowed except for an allowed "safe" subset, which grows with the policy version.
 *
 * Restricted fields: spec.securityContext.sysctls[*].name
 * Allowed values: undefined/empty list, or only these names:
 *   v1.0:  kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies,
 *          net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start
 *   v1.27: + net.ipv4.ip_local_reserved_ports
 *   v1.29: + net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl,
 *          net.ipv4.tcp_keepalive_probes
 *   v1.32: + net.ipv4.tcp_rmem, net.ipv4.tcp_wmem
 *   v1.37: + net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { isSet } from '../format.js';
import type { CheckDefinition, CheckFn, CheckResult } from '../types.js';

const allowedV1Dot0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const allowedV1Dot27 = [...allowedV1Dot0, 'net.ipv4.ip_local_reserved_ports'];
const allowedV1Dot29 = [
  ...allowedV1Dot27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const allowedV1Dot32 = [...allowedV1Dot29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const allowedV1Dot37 = [
  ...allowedV1Dot32,
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
];

function sysctlsWith(allowedNames: readonly string[]): CheckFn {
  const allowed = new Set(allowedNames);
  return (_metadata: ObjectMeta, spec: PodSpec): CheckResult => {
    // Names stay in spec order and are not de-duplicated.
    const forbidden = (spec.securityContext?.sysctls ?? [])
      .map((sysctl) => (isSet(sysctl) ? (sysctl.name ?? '') : ''))
      .filter((name) => !allowed.has(name));
    if (forbidden.length === 0) {
      return { allowed: true };
    }
    return { allowed: false, reason: 'forbidden sysctls', detail: forbidden.join(', ') };
  };
}

export const sysctls: CheckDefinition = {
  id: 'sysctls',
  level: 'baseline',
  title: 'Sysctls',
  versions: [
    { minVersion: 'v1.0', check: sysctlsWith(allowedV1Dot0) },
    { minVersion: 'v1.27', check: sysctlsWith(allowedV1Dot27) },
    { minVersion: 'v1.29', check: sysctlsWith(allowedV1Dot29) },
    { minVersion: 'v1.32', check: sysctlsWith(allowedV1Dot32) },
    { minVersion: 'v1.37', check: sysctlsWith(allowedV1Dot37) },
  ],
};

export default sysctls;
