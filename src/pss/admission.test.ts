import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../core/k8s.js';
import { admit, AUDIT_ANNOTATIONS, psaResourceOf } from './admission.js';
import { resolveNamespacePolicy } from './namespace.js';

const privilegedSpec: PodSpec = {
  containers: [{ name: 'c', securityContext: { privileged: true } }],
};
const baselineSpec: PodSpec = { containers: [{ name: 'c' }] };
const ns = (labels: Record<string, string>) =>
  resolveNamespacePolicy(
    Object.fromEntries(
      Object.entries(labels).map(([k, v]) => [`pod-security.kubernetes.io/${k}`, v]),
    ),
  );

const restrictedDetail =
  'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('psaResourceOf', () => {
  it('classifies the kinds PSA evaluates', () => {
    expect(psaResourceOf('Pod')).toBe('pod');
    for (const kind of ['Deployment', 'CronJob', 'PodTemplate', 'ReplicationController', 'Job']) {
      expect(psaResourceOf(kind)).toBe('controller');
    }
    expect(psaResourceOf('Rollout')).toBeUndefined();
  });
});

describe('admit', () => {
  it('short-circuits fully privileged namespaces for pods', () => {
    const outcome = admit({ resource: 'pod', name: 'p', pod: { spec: privilegedSpec } }, ns({}));
    expect(outcome).toEqual({
      allowed: true,
      warnings: [],
      auditAnnotations: { 'pod-security.kubernetes.io/enforce-policy': 'privileged:latest' },
      modes: [],
    });
  });

  it('denies a pod at enforce without adding warnings', () => {
    const outcome = admit(
      { resource: 'pod', name: 'p', pod: { spec: privilegedSpec } },
      ns({ enforce: 'baseline', audit: 'restricted', warn: 'restricted' }),
    );
    expect(outcome.allowed).toBe(false);
    expect(outcome.error).toBe(
      'pods "p" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)',
    );
    expect(outcome.warnings).toEqual([]);
    expect(outcome.auditAnnotations[AUDIT_ANNOTATIONS.enforcePolicy]).toBe('baseline:latest');
    expect(outcome.auditAnnotations[AUDIT_ANNOTATIONS.auditViolations]).toBe(
      `would violate PodSecurity "restricted:latest": privileged (container "c" must not set securityContext.privileged=true), ${restrictedDetail}`,
    );
    expect(outcome.modes.map((m) => m.mode)).toEqual(['enforce', 'audit']);
  });

  it('warns and audits an allowed pod', () => {
    const outcome = admit(
      { resource: 'pod', name: 'p', pod: { spec: baselineSpec } },
      ns({
        enforce: 'baseline',
        'enforce-version': 'v1.30',
        warn: 'restricted',
        audit: 'restricted',
      }),
    );
    expect(outcome.allowed).toBe(true);
    expect(outcome.warnings).toEqual([
      `would violate PodSecurity "restricted:latest": ${restrictedDetail}`,
    ]);
    expect(outcome.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/enforce-policy': 'baseline:v1.30',
      'pod-security.kubernetes.io/audit-violations': `would violate PodSecurity "restricted:latest": ${restrictedDetail}`,
    });
  });

  it('never enforces on pod controllers', () => {
    const outcome = admit(
      { resource: 'controller', name: 'd', pod: { spec: privilegedSpec } },
      ns({ enforce: 'restricted' }),
    );
    expect(outcome.allowed).toBe(true);
    expect(outcome.error).toBeUndefined();
    expect(outcome.warnings).toEqual([
      expect.stringMatching(
        /^would violate PodSecurity "restricted:latest": privileged \(/,
      ) as string,
    ]);
    expect(outcome.auditAnnotations).toEqual({});
    const audited = admit(
      { resource: 'controller', pod: { spec: privilegedSpec } },
      ns({ enforce: 'restricted', warn: 'privileged' }),
    );
    expect(audited.warnings).toEqual([]);
    expect(audited.modes).toEqual([]);
  });

  it('records invalid labels and fails closed', () => {
    const outcome = admit(
      { resource: 'pod', name: 'p', pod: { spec: baselineSpec } },
      ns({ enforce: 'bogus' }),
    );
    expect(outcome.allowed).toBe(false);
    expect(outcome.error).toMatch(
      /^pods "p" is forbidden: violates PodSecurity "restricted:latest": /,
    );
    expect(outcome.auditAnnotations[AUDIT_ANNOTATIONS.error]).toBe(
      'Failed to parse policy: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "bogus": must be one of privileged, baseline, restricted',
    );
    const controller = admit(
      { resource: 'controller', pod: { spec: baselineSpec } },
      ns({ warn: 'nope' }),
    );
    expect(controller.modes.map((m) => m.mode)).toEqual(['audit', 'warn']);
    expect(controller.auditAnnotations[AUDIT_ANNOTATIONS.error]).toMatch(
      /^Failed to parse policy: /,
    );
  });

  it('exempts runtime classes', () => {
    const outcome = admit(
      { resource: 'pod', pod: { spec: { ...privilegedSpec, runtimeClassName: 'kata' } } },
      ns({ enforce: 'restricted' }),
      { exemptRuntimeClasses: ['kata'] },
    );
    expect(outcome).toMatchObject({
      allowed: true,
      auditAnnotations: { [AUDIT_ANNOTATIONS.exempt]: 'runtimeClass' },
    });
  });

  it('reuses one evaluation for modes at the same level and version', () => {
    const outcome = admit(
      { resource: 'pod', name: 'p', pod: { spec: baselineSpec } },
      ns({ enforce: 'baseline', audit: 'baseline', warn: 'baseline' }),
    );
    const [enforce, audit, warn] = outcome.modes;
    expect(enforce?.evaluation).toBe(audit?.evaluation);
    expect(audit?.evaluation).toBe(warn?.evaluation);
  });
});
