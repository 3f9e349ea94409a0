import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './capabilities.js';

const C0 = '/spec/template/spec/containers/0';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ container, pointer, severity, message }) => ({ container, pointer, severity, message }),
  );
}

describe('hardening/capabilities', () => {
  it('passes drop ALL (any case) with NET_BIND_SERVICE added', () => {
    const yaml = deployment(`
containers:
  - name: web
    image: nginx:1.27
    securityContext:
      capabilities:
        drop: ["ALL"]
        add: ["NET_BIND_SERVICE"]
  - name: lower
    image: nginx:1.27
    securityContext:
      capabilities:
        drop: ["all"]
        add: ["cap_net_bind_service"]
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a missing drop of ALL where the closest field is', () => {
    const yaml = deployment(`
initContainers:
  - name: no-context
    image: busybox:1.36
containers:
  - name: no-capabilities
    image: nginx:1.27
    securityContext:
      runAsNonRoot: true
  - name: no-drop
    image: nginx:1.27
    securityContext:
      capabilities:
        add: ["NET_BIND_SERVICE"]
  - name: partial-drop
    image: nginx:1.27
    securityContext:
      capabilities:
        drop: ["NET_RAW", "SYS_ADMIN"]
`);
    expect(
      brief(yaml).map(({ container, pointer, severity }) => ({ container, pointer, severity })),
    ).toEqual([
      {
        container: 'no-context',
        pointer: '/spec/template/spec/initContainers/0',
        severity: 'medium',
      },
      { container: 'no-capabilities', pointer: `${C0}/securityContext`, severity: 'medium' },
      {
        container: 'no-drop',
        pointer: '/spec/template/spec/containers/1/securityContext/capabilities',
        severity: 'medium',
      },
      {
        container: 'partial-drop',
        pointer: '/spec/template/spec/containers/2/securityContext/capabilities/drop',
        severity: 'medium',
      },
    ]);
    expect(brief(yaml)[0]?.message).toBe(
      'Container "no-context" does not drop all capabilities (capabilities.drop lacks ALL).',
    );
  });

  it('reports each dangerous capability at high severity, with or without the CAP_ prefix', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities:
        drop: ["ALL"]
        add: ["SYS_ADMIN", "CAP_NET_RAW", "net_admin", "ALL", "BPF", "SYS_PTRACE"]
`);
    const findings = brief(yaml);
    expect(findings.map((finding) => finding.pointer)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `${C0}/securityContext/capabilities/add/${i}`),
    );
    expect(findings.every((finding) => finding.severity === 'high')).toBe(true);
    expect(findings[1]?.message).toBe('Container "app" adds the dangerous capability CAP_NET_RAW.');
  });

  it('reports other added capabilities at low severity unless allowed', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities:
        drop: ["ALL"]
        add: ["CHOWN", "NET_BIND_SERVICE"]
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'app',
        pointer: `${C0}/securityContext/capabilities/add/0`,
        severity: 'low',
        message: 'Container "app" adds the capability CHOWN, which is not in the allowed list.',
      },
    ]);
    expect(brief(yaml, { allowedAdd: ['CAP_CHOWN', 'NET_BIND_SERVICE'] })).toEqual([]);
  });

  it('never reports a capability listed in allowedAdd, even a dangerous one', () => {
    const yaml = deployment(`
containers:
  - name: vpn
    image: wireguard:1.0
    securityContext:
      capabilities:
        drop: ["ALL"]
        add: ["NET_ADMIN"]
`);
    expect(brief(yaml, { allowedAdd: ['NET_ADMIN'] })).toEqual([]);
    // The option replaces the default list.
    expect(brief(yaml, { allowedAdd: [] })).toHaveLength(1);
  });

  it('rejects an allowedAdd that is not a list of strings', () => {
    expect(rule.meta.validateOptions?.({ allowedAdd: 'NET_ADMIN' })).toEqual([
      'allowedAdd must be a list of strings',
    ]);
    expect(rule.meta.validateOptions?.({ allowedAdd: ['NET_ADMIN'] })).toEqual([]);
  });

  it('checks ephemeral containers', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {capabilities: {drop: [ALL]}}
  ephemeralContainers:
    - name: shell
      image: busybox:1.36
      securityContext: {capabilities: {drop: [ALL], add: [SYS_PTRACE]}}
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.pointer)).toEqual([
      '/spec/ephemeralContainers/0/securityContext/capabilities/add/0',
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
});
