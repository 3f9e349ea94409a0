import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../core/k8s.js';
import {
  enforceDenialMessage,
  evaluatePod,
  forbiddenDetail,
  forbiddenReason,
  highestLevel,
  kubectlDenialMessage,
  kubectlWarning,
  warningMessage,
} from './evaluate.js';
import { PssLevelError } from './level.js';
import type { PodInput, PssLevel } from './types.js';
import { PssVersionError } from './version.js';

const bare: PodInput = {
  metadata: { name: 'x' },
  spec: { containers: [{ name: 'x', image: 'nginx' }] },
};

const kitchenSink: PodInput = {
  metadata: {
    name: 'sink',
    annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
  },
  spec: {
    hostNetwork: true,
    hostPID: true,
    securityContext: {
      sysctls: [{ name: 'kernel.msgmax', value: '1' }],
      seLinuxOptions: { type: 'spc_t' },
    },
    containers: [
      {
        name: 'app',
        ports: [{ containerPort: 8080 }],
        securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
      },
    ],
    volumes: [{ name: 'host', hostPath: { path: '/' } }],
  },
};

const baselineSink =
  'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="unconfined""), ' +
  'non-default capabilities (container "app" must not include "NET_ADMIN" in securityContext.capabilities.add), ' +
  'host namespaces (hostNetwork=true, hostPID=true), ' +
  'hostPath volumes (volume "host"), ' +
  'hostPort (container "app" uses hostPort 8080), ' +
  'privileged (container "app" must not set securityContext.privileged=true), ' +
  'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"), ' +
  'forbidden sysctls (kernel.msgmax)';

describe('evaluatePod', () => {
  it('allows everything at privileged', () => {
    expect(evaluatePod(kitchenSink, 'privileged')).toEqual({
      level: 'privileged',
      version: 'latest',
      allowed: true,
      violations: [],
    });
  });

  it('gives the upstream message for a bare container at restricted:latest', () => {
    const result = evaluatePod(bare, 'restricted', 'latest');
    expect(result.violations.map((v) => v.check)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    expect(enforceDenialMessage(result, { name: 'x' })).toBe(
      'pods "x" is forbidden: violates PodSecurity "restricted:latest": ' +
        'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "x" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "x" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('orders baseline checks in Go byte order (seLinuxOptions before seccompProfile)', () => {
    const result = evaluatePod(kitchenSink, 'baseline', 'latest');
    expect(forbiddenDetail(result.violations)).toBe(baselineSink);
    expect(forbiddenReason(result.violations)).toBe(
      'forbidden AppArmor profile, non-default capabilities, host namespaces, hostPath volumes, hostPort, privileged, seLinuxOptions, forbidden sysctls',
    );
    const seccomp = evaluatePod(
      {
        spec: {
          securityContext: {
            seLinuxOptions: { user: 'u' },
            seccompProfile: { type: 'Unconfined' },
          },
        },
      },
      'baseline',
    );
    expect(seccomp.violations.map((v) => v.check)).toEqual([
      'seLinuxOptions',
      'seccompProfile_baseline',
    ]);
  });

  it('replaces overridden baseline checks at restricted', () => {
    const result = evaluatePod(kitchenSink, 'restricted', 'v1.37');
    expect(result.violations.map((v) => v.check)).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'privileged',
      'seLinuxOptions',
      'sysctls',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    const caps = result.violations.find((v) => v.check === 'capabilities_restricted');
    expect(caps?.detail).toBe(
      'container "app" must set securityContext.capabilities.drop=["ALL"]; container "app" must not include "NET_ADMIN" in securityContext.capabilities.add',
    );
  });

  it('applies an override only where the overriding check exists', () => {
    const checks = (version: string) =>
      evaluatePod(kitchenSink, 'restricted', version).violations.map((v) => v.check);
    expect(checks('v1.21')).toContain('capabilities_baseline');
    expect(checks('v1.21')).not.toContain('capabilities_restricted');
    expect(checks('v1.22')).not.toContain('capabilities_baseline');
    const annotated: PodInput = {
      metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } },
      spec: { securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] },
    };
    expect(evaluatePod(annotated, 'restricted', 'v1.7').violations.map((v) => v.check)).toEqual([
      'seccompProfile_baseline',
    ]);
    expect(evaluatePod(annotated, 'restricted', 'v1.18').violations.map((v) => v.check)).toEqual([
      'seccompProfile_baseline',
      'allowPrivilegeEscalation',
    ]);
    expect(evaluatePod(annotated, 'restricted', 'v1.19').violations.map((v) => v.check)).toEqual([
      'allowPrivilegeEscalation',
      'seccompProfile_restricted',
    ]);
  });

  it('evaluates versions above the newest as the newest, keeping the text', () => {
    const result = evaluatePod(bare, 'restricted', 'v1.99');
    expect(result.version).toBe('v1.99');
    expect(result.violations).toEqual(evaluatePod(bare, 'restricted', 'latest').violations);
    expect(warningMessage(result)).toMatch(/^would violate PodSecurity "restricted:v1\.99": /);
  });

  it('honours the emulation version', () => {
    const probe: PodInput = {
      spec: { containers: [{ name: 'a', livenessProbe: { httpGet: { host: 'example.com' } } }] },
    };
    expect(evaluatePod(probe, 'baseline', 'latest').allowed).toBe(false);
    expect(evaluatePod(probe, 'baseline', 'latest', { emulationVersion: 'v1.33' }).allowed).toBe(
      true,
    );
    expect(evaluatePod(probe, 'baseline', 'v1.34', { emulationVersion: 'v1.33' }).allowed).toBe(
      true,
    );
    expect(() => evaluatePod(probe, 'baseline', 'latest', { emulationVersion: '1.33' })).toThrow(
      PssVersionError,
    );
  });

  it('rejects invalid levels and versions with typed errors', () => {
    expect(() => evaluatePod(bare, 'strict' as PssLevel)).toThrow(PssLevelError);
    expect(() => evaluatePod(bare, 'baseline', 'v1.01')).toThrow(
      'invalid Pod Security policy version "v1.01": must be "latest" or "v1.x"',
    );
  });

  it('applies API-server defaulting unless told not to', () => {
    const spec: PodSpec = {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'a',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
      volumes: [{ name: 'scratch' }],
    };
    expect(evaluatePod({ spec }, 'restricted').allowed).toBe(true);
    expect(
      evaluatePod({ spec }, 'restricted', 'latest', { defaulting: 'none' }).violations,
    ).toEqual([
      {
        check: 'restrictedVolumes',
        reason: 'restricted volume types',
        detail: 'volume "scratch" uses restricted volume type "unknown"',
      },
    ]);
    const hostNetwork: PodSpec = {
      hostNetwork: true,
      containers: [{ name: 'a', ports: [{ containerPort: 80 }] }],
    };
    const checks = (defaulting: 'pod' | 'template') =>
      evaluatePod({ spec: hostNetwork }, 'baseline', 'latest', { defaulting }).violations.map(
        (v) => v.detail,
      );
    expect(checks('pod')).toEqual(['hostNetwork=true', 'container "a" uses hostPort 80']);
    expect(checks('template')).toEqual(['hostNetwork=true']);
  });

  it('does not mutate its input', () => {
    const input = JSON.parse(JSON.stringify(kitchenSink)) as PodInput;
    evaluatePod(input, 'restricted');
    expect(input).toEqual(kitchenSink);
  });
});

describe('message forms', () => {
  const denied = evaluatePod(
    { spec: { containers: [{ name: 'nginx', securityContext: { privileged: true } }] } },
    'baseline',
  );
  const tail =
    'violates PodSecurity "baseline:latest": privileged (container "nginx" must not set securityContext.privileged=true)';

  it('formats the enforce denial with and without a name', () => {
    expect(enforceDenialMessage(denied, { name: 'nginx' })).toBe(
      `pods "nginx" is forbidden: ${tail}`,
    );
    expect(enforceDenialMessage(denied)).toBe(`pods is forbidden: ${tail}`);
    expect(
      enforceDenialMessage(denied, { name: 'd', resource: 'deployments', group: 'apps' }),
    ).toBe(`deployments.apps "d" is forbidden: ${tail}`);
  });

  it('formats kubectl output', () => {
    expect(kubectlDenialMessage(denied, { name: 'nginx', file: 'x.yaml' })).toBe(
      `Error from server (Forbidden): error when creating "x.yaml": pods "nginx" is forbidden: ${tail}`,
    );
    expect(kubectlWarning(denied)).toBe(
      'Warning: would violate PodSecurity "baseline:latest": privileged (container "nginx" must not set securityContext.privileged=true)',
    );
  });

  it('prints the reason alone for an empty detail and a placeholder for an empty reason', () => {
    expect(
      forbiddenDetail([
        { check: 'a', reason: 'r', detail: '' },
        { check: 'b', reason: '', detail: 'd' },
      ]),
    ).toBe('r, unknown forbidden reason (d)');
  });
});

describe('highestLevel', () => {
  it('returns the strictest level met', () => {
    expect(highestLevel(bare)).toBe('baseline');
    expect(highestLevel(kitchenSink)).toBe('privileged');
    const restricted: PodInput = {
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'a',
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
      },
    };
    expect(highestLevel(restricted)).toBe('restricted');
  });

  it('depends on the version', () => {
    const pod: PodInput = {
      spec: { securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] },
    };
    expect(highestLevel(pod, 'v1.7')).toBe('restricted');
    expect(highestLevel(pod, 'v1.8')).toBe('baseline');
  });
});
