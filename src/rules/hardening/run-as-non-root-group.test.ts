import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './run-as-non-root-group.js';

const SPEC = '/spec/template/spec';

const NOT_SET =
  'Container "app" does not set runAsGroup, so the image decides its group, often root.';

function summary(
  yaml: string,
): { message: string; container?: string; pointer: string; severity: string }[] {
  return findingsOf(rule, yaml).map((finding) => ({
    message: finding.message,
    ...(finding.container === undefined ? {} : { container: finding.container }),
    pointer: finding.pointer,
    severity: finding.severity,
  }));
}

describe('hardening/run-as-non-root-group', () => {
  it('passes a non-zero group inherited from the pod or set per container', () => {
    const yaml = deployment(`
securityContext:
  runAsGroup: 10001
  fsGroup: 10001
  supplementalGroups: [10002, 10003]
containers:
  - name: inherits
    image: nginx:1.27
  - name: own
    image: nginx:1.27
    securityContext:
      runAsGroup: 2000
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports an unset runAsGroup at low severity', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsUser: 1000
`);
    expect(summary(yaml)).toEqual([
      {
        message: NOT_SET,
        container: 'app',
        pointer: `${SPEC}/containers/0/securityContext`,
        severity: 'low',
      },
    ]);
  });

  it('reports runAsGroup: 0 at the field that decided, pod or container', () => {
    const yaml = deployment(`
securityContext:
  runAsGroup: 0
containers:
  - name: inherits
    image: nginx:1.27
  - name: overrides
    image: nginx:1.27
    securityContext:
      runAsGroup: 3000
  - name: own-root
    image: nginx:1.27
    securityContext:
      runAsGroup: 0
`);
    expect(summary(yaml)).toEqual([
      {
        message: 'Container "inherits" runs with the root group (runAsGroup: 0).',
        container: 'inherits',
        pointer: `${SPEC}/securityContext/runAsGroup`,
        severity: 'medium',
      },
      {
        message: 'Container "own-root" runs with the root group (runAsGroup: 0).',
        container: 'own-root',
        pointer: `${SPEC}/containers/2/securityContext/runAsGroup`,
        severity: 'medium',
      },
    ]);
  });

  it('lets a container with a root group override a safe pod-level group (and reports it)', () => {
    const yaml = deployment(`
securityContext:
  runAsGroup: 1000
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsGroup: 0
`);
    expect(summary(yaml).map((item) => item.pointer)).toEqual([
      `${SPEC}/containers/0/securityContext/runAsGroup`,
    ]);
  });

  it('reports fsGroup: 0 and a 0 in supplementalGroups once for the pod', () => {
    const yaml = deployment(`
securityContext:
  runAsGroup: 1000
  fsGroup: 0
  supplementalGroups: [1000, 0]
containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
`);
    expect(summary(yaml)).toEqual([
      {
        message:
          'The pod sets fsGroup: 0, which gives every container the root group and makes volumes group-owned by root.',
        pointer: `${SPEC}/securityContext/fsGroup`,
        severity: 'medium',
      },
      {
        message: 'The pod adds the root group (GID 0) to supplementalGroups.',
        pointer: `${SPEC}/securityContext/supplementalGroups/1`,
        severity: 'medium',
      },
    ]);
  });

  it('skips Windows pods', () => {
    const yaml = deployment(`
os: {name: windows}
containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('lets the configuration raise every message to one severity', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);
    const findings = findingsOf(rule, yaml, {
      config: { rules: { 'hardening/run-as-non-root-group': { severity: 'high' } } },
    });
    expect(findings.map((finding) => finding.severity)).toEqual(['high']);
  });
});
