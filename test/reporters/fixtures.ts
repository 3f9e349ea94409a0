/**
 * Hand-built scan results and a small fake rule catalogue for the reporter tests.
 */
import type { Finding, Problem, ResourceRef, ScanResult, Skipped } from '../../src/core/model.js';
import { defineResourceRule, defineWorkloadRule, type AnyRule } from '../../src/core/rule.js';
import type { ReportContext } from '../../src/reporters/types.js';

export const privilegedRule: AnyRule = defineWorkloadRule<'privileged'>({
  meta: {
    id: 'hardening/privileged',
    title: { en: 'Privileged container', ja: '特権コンテナ' },
    description: {
      en: 'Privileged containers own the node.',
      ja: '特権コンテナはノードを支配します。',
    },
    remediation: { en: 'Set privileged to false.', ja: 'privileged を false にしてください。' },
    severity: 'critical',
    category: 'hardening',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    standards: [
      { framework: 'pss', control: 'baseline' },
      { framework: 'cis', control: '5.2.2' },
    ],
    messages: { privileged: { en: 'Container runs privileged.', ja: '特権で動作します。' } },
    defaultOptions: {},
  },
  check: () => undefined,
});

export const runAsNonRootRule: AnyRule = defineWorkloadRule<'root'>({
  meta: {
    id: 'hardening/run-as-non-root',
    title: { en: 'Container may run as root', ja: 'root で動作する可能性' },
    description: {
      en: 'Root in a container is root on a breakout.',
      ja: 'コンテナの root は危険です。',
    },
    remediation: { en: 'Set runAsNonRoot: true.', ja: 'runAsNonRoot: true を設定してください。' },
    severity: 'medium',
    category: 'hardening',
    references: [],
    messages: {
      root: { en: 'Container may run as root.', ja: 'root で動作する可能性があります。' },
    },
    defaultOptions: {},
  },
  check: () => undefined,
});

export const nodePortRule: AnyRule = defineResourceRule<'nodePort'>({
  meta: {
    id: 'network/service-node-port',
    title: { en: 'NodePort service', ja: 'NodePort サービス' },
    description: { en: 'NodePort opens a port on every node.', ja: '全ノードでポートを開きます。' },
    remediation: { en: 'Use ClusterIP or a load balancer.', ja: 'ClusterIP を使ってください。' },
    severity: 'low',
    category: 'network',
    references: [],
    disabledByDefault: true,
    messages: { nodePort: { en: 'Service is a NodePort.', ja: 'NodePort です。' } },
    defaultOptions: {},
  },
  kinds: ['Service'],
  check: () => undefined,
});

/** The rule list the reporters see (deliberately not sorted by id). */
export const fakeRules: readonly AnyRule[] = [runAsNonRootRule, privilegedRule, nodePortRule];

export const webDeployment: ResourceRef = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
};

export const clusterRole: ResourceRef = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  name: 'admin-ish',
};

export const nodePortService: ResourceRef = { apiVersion: 'v1', kind: 'Service', name: 'front' };

/** A finding with plausible defaults. */
export function findingOf(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'hardening/privileged',
    severity: 'critical',
    title: 'Privileged container',
    message: 'Container "app" runs privileged.',
    resource: webDeployment,
    file: 'deploy/web.yaml',
    line: 20,
    column: 11,
    pointer: '/spec/template/spec/containers/0/securityContext/privileged',
    container: 'app',
    fingerprint: 'f0000000000000000000000000000001',
    ...overrides,
  };
}

export function contextOf(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    rules: fakeRules,
    toolVersion: '1.2.3',
    lang: 'en',
    failOn: 'high',
    docsBaseUrl: 'https://docs.example.test/rules/',
    color: false,
    cwd: '/work/project',
    ...overrides,
  };
}

export const emptyResult: ScanResult = {
  findings: [],
  problems: [],
  skipped: [],
  stats: { files: 0, documents: 0, resources: 0, bytes: 0 },
};

const mixedFindings: Finding[] = [
  findingOf({
    ruleId: 'hardening/run-as-non-root',
    severity: 'medium',
    title: 'Container may run as root',
    message: 'Container "sidecar" may run as root.',
    line: 30,
    column: 9,
    pointer: '/spec/template/spec/containers/1',
    container: 'sidecar',
    fingerprint: 'f0000000000000000000000000000003',
  }),
  findingOf(),
  findingOf({
    ruleId: 'network/service-node-port',
    severity: 'low',
    title: 'NodePort service',
    message: 'Service is a NodePort.',
    resource: nodePortService,
    file: 'deploy/svc.yaml',
    line: 7,
    column: 3,
    pointer: '/spec/type',
    container: undefined,
    fingerprint: 'f0000000000000000000000000000004',
  }),
  findingOf({
    ruleId: 'hardening/privileged',
    message: 'Container "debug" runs privileged.',
    line: 44,
    column: 11,
    container: 'debug',
    fingerprint: 'f0000000000000000000000000000005',
    suppression: { kind: 'annotation', justification: 'Debug pod, removed before release.' },
  }),
  findingOf({
    ruleId: 'hardening/run-as-non-root',
    severity: 'high',
    title: 'Container may run as root',
    message: 'Container "app" may run as root.',
    resource: clusterRole,
    file: 'rbac/role.yaml',
    line: 2,
    column: 1,
    pointer: '',
    container: undefined,
    fingerprint: 'f0000000000000000000000000000006',
    suppression: { kind: 'config', justification: 'Ticket SEC-12.', expires: '2031-01-31' },
  }),
  findingOf({
    ruleId: 'custom/unknown',
    severity: 'info',
    title: 'A rule the context does not know',
    message: 'Something informative.',
    line: 20,
    column: 11,
    fingerprint: 'f0000000000000000000000000000007',
  }),
];

const mixedProblems: Problem[] = [
  {
    code: 'RULE_CRASHED',
    message: 'Rule hardening/privileged crashed: TypeError: x is undefined.',
    file: 'deploy/web.yaml',
    line: 1,
    column: 1,
    ruleId: 'hardening/privileged',
    resource: webDeployment,
  },
  {
    code: 'YAML_SYNTAX',
    message: 'bad indentation of a mapping entry',
    file: 'broken.yaml',
    line: 3,
    column: 5,
  },
  { code: 'NOT_FOUND', message: 'No such file or directory.', file: 'missing.yaml' },
];

const mixedSkipped: Skipped[] = [
  {
    file: 'deploy/web.yaml',
    line: 60,
    documentIndex: 2,
    reason: 'Not a Kubernetes object (no kind).',
  },
  { file: 'charts/values.yaml', reason: 'Helm values file.' },
];

/** Findings (two suppressed, one of an unknown rule), errors and skipped items, unsorted. */
export const mixedResult: ScanResult = {
  findings: mixedFindings,
  problems: mixedProblems,
  skipped: mixedSkipped,
  stats: { files: 5, documents: 7, resources: 6, bytes: 4096 },
};

/** Text an attacker could put in a resource name or annotation. */
export const HOSTILE =
  '<script>alert("x")</script> & \'q\' \u0000\u0007\u001b[31mred\u001b[0m \r\n\t\u202eevil\ud800 \ufffe end]]>';

const hostileRef: ResourceRef = {
  apiVersion: 'v1',
  kind: 'Pod',
  namespace: `ns-${HOSTILE}`,
  name: `pod-${HOSTILE}`,
};

/** Hostile names and texts everywhere a manifest can put them. */
export const hostileResult: ScanResult = {
  findings: [
    findingOf({
      resource: hostileRef,
      file: `dir/${HOSTILE}.yaml`,
      message: `Container "${HOSTILE}" runs privileged.`,
      container: HOSTILE,
      pointer: `/spec/containers/0/${HOSTILE}`,
    }),
    findingOf({
      resource: hostileRef,
      file: `dir/${HOSTILE}.yaml`,
      line: 30,
      fingerprint: 'f0000000000000000000000000000009',
      suppression: { kind: 'annotation', justification: HOSTILE },
    }),
  ],
  problems: [
    {
      code: 'INVALID_OBJECT',
      message: `Bad object ${HOSTILE}`,
      file: `dir/${HOSTILE}.yaml`,
      line: 9,
      resource: hostileRef,
    },
  ],
  skipped: [{ file: `dir/${HOSTILE}.yaml`, line: 40, reason: `Skipped ${HOSTILE}` }],
  stats: { files: 1, documents: 3, resources: 1, bytes: 512 },
};

/** Freezes a value and everything in it, to prove reporters do not mutate their input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

/** The same result with its lists reversed: reporters must not depend on input order. */
export function reversed(result: ScanResult): ScanResult {
  return {
    findings: [...result.findings].reverse(),
    problems: [...result.problems].reverse(),
    skipped: [...result.skipped].reverse(),
    stats: result.stats,
  };
}

/** A scan of rendered Helm output on stdin, whose object names the template it came from. */
export const helmResult: ScanResult = {
  findings: [
    findingOf({
      file: '<stdin>',
      line: 14,
      column: 13,
      template: 'shop/templates/deployment.yaml',
    }),
  ],
  problems: [
    {
      code: 'YAML_SYNTAX',
      message: 'bad indentation of a mapping entry',
      file: '<stdin>',
      line: 40,
      column: 3,
      template: 'shop/templates/config.yaml',
    },
  ],
  skipped: [],
  stats: { files: 1, documents: 3, resources: 3, bytes: 2048 },
};
