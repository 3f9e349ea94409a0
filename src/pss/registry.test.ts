import { describe, expect, it } from 'vitest';

import {
  ALL_CHECKS,
  buildRegistry,
  implementationAt,
  PssRegistryError,
  registry,
} from './registry.js';
import type { CheckDefinition } from './types.js';

const ids = (level: 'baseline' | 'restricted', minor: number) =>
  registry.activeChecks(level, minor).map((c) => c.id);

describe('registry', () => {
  it('holds 12 baseline and 7 restricted checks, newest revision v1.37', () => {
    expect(ALL_CHECKS.filter((c) => c.level === 'baseline')).toHaveLength(12);
    expect(ALL_CHECKS.filter((c) => c.level === 'restricted')).toHaveLength(7);
    expect(registry.maxMinor).toBe(37);
  });

  it('orders baseline then restricted ids in Go byte order', () => {
    expect(registry.checks.map((c) => c.id)).toEqual([
      'appArmorProfile',
      'capabilities_baseline',
      'hostNamespaces',
      'hostPathVolumes',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'procMount',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
  });

  it('selects the checks of a level and version', () => {
    expect(ids('restricted', 37)).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'seLinuxOptions',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
    expect(ids('restricted', 0)).toEqual([
      'appArmorProfile',
      'capabilities_baseline',
      'hostNamespaces',
      'hostPorts',
      'privileged',
      'procMount',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
      'windowsHostProcess',
      'restrictedVolumes',
      'runAsNonRoot',
    ]);
    expect(ids('baseline', 33)).not.toContain('hostProbesAndHostLifecycle');
    expect(ids('baseline', 34)).toContain('hostProbesAndHostLifecycle');
    expect(ids('restricted', 34)).toContain('procMount');
    expect(ids('restricted', 35)).not.toContain('procMount');
    expect(registry.activeChecks('privileged', 37)).toEqual([]);
  });

  it('finds the implementation for a version', () => {
    const [first, second] = ALL_CHECKS.find((c) => c.id === 'sysctls')?.versions ?? [];
    const sysctls = ALL_CHECKS.find((c) => c.id === 'sysctls');
    expect(sysctls && implementationAt(sysctls, 'v1.26')).toBe(first?.check);
    expect(sysctls && implementationAt(sysctls, 'v1.27')).toBe(second?.check);
  });

  describe('validation', () => {
    const check = (over: Partial<CheckDefinition>): CheckDefinition => ({
      id: 'a',
      level: 'baseline',
      title: 'A',
      versions: [{ minVersion: 'v1.0', check: () => ({ allowed: true }) }],
      ...over,
    });

    it('rejects duplicate ids', () => {
      expect(() => buildRegistry([check({}), check({})])).toThrow(PssRegistryError);
    });

    it('rejects empty, invalid or non-increasing versions', () => {
      const fn = () => ({ allowed: true }) as const;
      expect(() => buildRegistry([check({ versions: [] })])).toThrow(/no versions/);
      expect(() =>
        buildRegistry([check({ versions: [{ minVersion: 'latest', check: fn }] })]),
      ).toThrow(/minVersion/);
      expect(() =>
        buildRegistry([
          check({
            versions: [
              { minVersion: 'v1.5', check: fn },
              { minVersion: 'v1.5', check: fn },
            ],
          }),
        ]),
      ).toThrow(/increase/);
    });

    it('rejects overrides other than restricted over baseline', () => {
      expect(() => buildRegistry([check({ overrides: ['b'] })])).toThrow(/override/);
      expect(() =>
        buildRegistry([check({}), check({ id: 'r', level: 'restricted', overrides: ['missing'] })]),
      ).toThrow(/override/);
      expect(() =>
        buildRegistry([check({}), check({ id: 'r', level: 'restricted', overrides: ['a'] })]),
      ).not.toThrow();
    });
  });
});
