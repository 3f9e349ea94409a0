import { describe, expect, it } from 'vitest';

import type { PodSpec } from '../core/k8s.js';
import { buildPssReport, renderPssTable, suggestLabels } from './report.js';
import type { PssNamespace, PssWorkload } from './report.js';
import { PssVersionError } from './version.js';

const restrictedSpec: PodSpec = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'app',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};
const baselineSpec: PodSpec = { containers: [{ name: 'app' }] };
const privilegedSpec: PodSpec = {
  containers: [{ name: 'app', securityContext: { privileged: true } }],
};

const workload = (
  over: Partial<PssWorkload> & Pick<PssWorkload, 'kind' | 'name' | 'podSpec'>,
): PssWorkload => ({
  apiVersion: over.kind === 'Pod' ? 'v1' : 'apps/v1',
  file: 'manifests/app.yaml',
  line: 1,
  ...over,
});

const workloads: PssWorkload[] = [
  workload({ kind: 'Pod', name: 'web', namespace: 'prod', podSpec: baselineSpec, line: 1 }),
  workload({
    kind: 'Deployment',
    name: 'api',
    namespace: 'prod',
    podSpec: privilegedSpec,
    line: 20,
  }),
  workload({ kind: 'Pod', name: 'tool', podSpec: restrictedSpec, line: 40 }),
  workload({ kind: 'Rollout', name: 'canary', namespace: 'team', podSpec: baselineSpec, line: 60 }),
];
const namespaces: PssNamespace[] = [
  { name: 'prod', labels: { 'pod-security.kubernetes.io/enforce': 'baseline', team: 'a' } },
  { name: 'team', labels: {} },
];

const privilegedDetail =
  'privileged (container "app" must not set securityContext.privileged=true)';

describe('buildPssReport', () => {
  const rows = buildPssReport(workloads, namespaces);
  const [web, api, tool, canary] = rows;

  it('evaluates at the namespace enforce level when the namespace sets one', () => {
    expect(web).toMatchObject({
      namespace: 'prod',
      level: 'baseline',
      version: 'latest',
      levelSource: 'namespace',
      allowed: true,
      violations: [],
      highestLevel: 'baseline',
      psaResource: 'pod',
    });
    expect(web?.message).toBeUndefined();
    expect(web?.admission).toMatchObject({
      allowed: true,
      warnings: [],
      policy: { enforce: 'baseline:latest', audit: 'privileged:latest', warn: 'baseline:latest' },
      labelErrors: [],
    });
  });

  it('gives controllers the warning form and warn/audit outcomes only', () => {
    expect(api).toMatchObject({
      allowed: false,
      highestLevel: 'privileged',
      psaResource: 'controller',
    });
    expect(api?.message).toBe(`would violate PodSecurity "baseline:latest": ${privilegedDetail}`);
    expect(api?.admission?.allowed).toBe(true);
    expect(api?.admission?.warnings).toEqual([api?.message]);
    expect(api?.admission?.modes.map((m) => m.mode)).toEqual(['audit', 'warn']);
  });

  it('defaults to restricted:latest and the default namespace', () => {
    expect(tool).toMatchObject({
      namespace: 'default',
      level: 'restricted',
      levelSource: 'default',
      allowed: true,
      highestLevel: 'restricted',
    });
    expect(tool?.admission).toBeUndefined();
  });

  it('evaluates kinds PSA ignores without an admission outcome', () => {
    expect(canary).toMatchObject({ level: 'restricted', allowed: false, highestLevel: 'baseline' });
    expect(canary?.psaResource).toBeUndefined();
    expect(canary?.admission).toBeUndefined();
    expect(canary?.message).toMatch(
      /^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation/,
    );
  });

  it('uses an explicit level and version for the row, not for admission', () => {
    const [row] = buildPssReport([workloads[0]!], namespaces, {
      level: 'restricted',
      version: 'v1.24',
    });
    expect(row).toMatchObject({
      level: 'restricted',
      version: 'v1.24',
      levelSource: 'option',
      allowed: false,
    });
    expect(row?.message).toMatch(
      /^pods "web" is forbidden: violates PodSecurity "restricted:v1\.24": /,
    );
    expect(row?.admission?.allowed).toBe(true);
    expect(row?.admission?.policy.enforce).toBe('baseline:latest');
  });

  it('denies pods the way the API server does', () => {
    const [row] = buildPssReport(
      [workload({ kind: 'Pod', name: 'bad', namespace: 'prod', podSpec: privilegedSpec })],
      namespaces,
    );
    expect(row?.message).toBe(
      `pods "bad" is forbidden: violates PodSecurity "baseline:latest": ${privilegedDetail}`,
    );
    expect(row?.admission?.allowed).toBe(false);
    expect(row?.admission?.error).toBe(row?.message);
  });

  it('rejects an invalid version option', () => {
    expect(() => buildPssReport(workloads, [], { version: 'v1.2.3' })).toThrow(PssVersionError);
  });
});

describe('suggestLabels', () => {
  it('suggests the strictest level every workload of a namespace meets', () => {
    const suggestions = suggestLabels(workloads, namespaces);
    expect(suggestions.namespaces).toEqual([
      {
        namespace: 'default',
        level: 'restricted',
        version: 'latest',
        workloads: 1,
        limitedBy: [],
        command:
          'kubectl label --overwrite ns default pod-security.kubernetes.io/enforce=restricted',
      },
      {
        namespace: 'prod',
        level: 'privileged',
        version: 'latest',
        workloads: 2,
        limitedBy: ['Pod/web', 'Deployment/api'],
        currentEnforce: 'baseline',
        command: 'kubectl label --overwrite ns prod pod-security.kubernetes.io/enforce=privileged',
      },
      {
        namespace: 'team',
        level: 'baseline',
        version: 'latest',
        workloads: 1,
        limitedBy: ['Rollout/canary'],
        command: 'kubectl label --overwrite ns team pod-security.kubernetes.io/enforce=baseline',
      },
    ]);
    expect(suggestions.commands).toHaveLength(3);
    expect(suggestions.yaml).toBe(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: default',
        '  labels:',
        '    pod-security.kubernetes.io/enforce: restricted',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: prod',
        '  labels:',
        '    pod-security.kubernetes.io/enforce: privileged',
        '    team: a',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: team',
        '  labels:',
        '    pod-security.kubernetes.io/enforce: baseline',
        '',
      ].join('\n'),
    );
  });

  it('pins enforce-version for an explicit version and quotes odd values', () => {
    const pod = workload({ kind: 'Pod', name: 'p', namespace: 'ns', podSpec: restrictedSpec });
    const { commands, yaml } = suggestLabels([pod], [{ name: 'ns', labels: { enabled: 'true' } }], {
      version: 'v1.30',
    });
    expect(commands).toEqual([
      'kubectl label --overwrite ns ns pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=v1.30',
    ]);
    expect(yaml).toContain('    enabled: "true"\n');
    expect(yaml).toContain('    pod-security.kubernetes.io/enforce-version: v1.30\n');
  });
});

describe('renderPssTable', () => {
  it('renders aligned plain text', () => {
    const rows = buildPssReport(workloads, namespaces);
    expect(renderPssTable(rows)).toBe(
      [
        'LOCATION               KIND        NAMESPACE/NAME  POLICY             RESULT  HIGHEST     NAMESPACE PSA      REASONS',
        'manifests/app.yaml:1   Pod         prod/web        baseline:latest    pass    baseline    allowed            -',
        'manifests/app.yaml:20  Deployment  prod/api        baseline:latest    FAIL    privileged  allowed (warning)  privileged',
        'manifests/app.yaml:40  Pod         default/tool    restricted:latest  pass    restricted  -                  -',
        'manifests/app.yaml:60  Rollout     team/canary     restricted:latest  FAIL    baseline    -                  allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
        '',
      ].join('\n'),
    );
  });
});
