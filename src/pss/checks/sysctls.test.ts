import { describe, expect, it } from 'vitest';

import { implementationAt } from '../registry.js';
import { sysctls } from './sysctls.js';

const run = (version: string, ...names: string[]) =>
  implementationAt(sysctls, version)?.(
    {},
    { securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } },
  );

describe('sysctls', () => {
  it('allows the v1.0 safe set and no sysctls', () => {
    expect(
      run(
        'v1.0',
        'kernel.shm_rmid_forced',
        'net.ipv4.ip_local_port_range',
        'net.ipv4.tcp_syncookies',
        'net.ipv4.ping_group_range',
        'net.ipv4.ip_unprivileged_port_start',
      ),
    ).toEqual({ allowed: true });
    expect(implementationAt(sysctls, 'v1.0')?.({}, {})).toEqual({ allowed: true });
  });

  it.each([
    ['net.ipv4.ip_local_reserved_ports', 'v1.26', 'v1.27'],
    ['net.ipv4.tcp_keepalive_time', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_fin_timeout', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_keepalive_intvl', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_keepalive_probes', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_rmem', 'v1.31', 'v1.32'],
    ['net.ipv4.tcp_wmem', 'v1.31', 'v1.32'],
    ['net.ipv4.tcp_slow_start_after_idle', 'v1.36', 'v1.37'],
    ['net.ipv4.tcp_notsent_lowat', 'v1.36', 'v1.37'],
  ])('allows %s from %s+1', (name, before, from) => {
    expect(run(before, name)).toEqual({
      allowed: false,
      reason: 'forbidden sysctls',
      detail: name,
    });
    expect(run(from, name)).toEqual({ allowed: true });
    expect(run('latest', name)).toEqual({ allowed: true });
  });

  it('lists bad names in spec order without de-duplication', () => {
    expect(run('latest', 'othersysctl', 'kernel.shm_rmid_forced', 'a.b', 'othersysctl')).toEqual({
      allowed: false,
      reason: 'forbidden sysctls',
      detail: 'othersysctl, a.b, othersysctl',
    });
  });
});
