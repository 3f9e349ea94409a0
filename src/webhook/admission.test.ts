import { describe, expect, it } from 'vitest';
import { decide, type ReviewContext } from './admission.js';
import { DEFAULT_WEBHOOK_POLICY, parseWebhookConfig, type WebhookPolicy } from './config.js';
import { parseReview, type AdmissionRequestV1 } from './review.js';
import { podAdmissionReview } from './testing.js';

const PSA = 'pod-security.kubernetes.io';
const PRIVILEGED = 'privileged (container "nginx" must not set securityContext.privileged=true)';

const privilegedSpec = {
  containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: true } }],
};
const restrictedSpec = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'nginx',
      image: 'nginx:1.14.2',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};

/** An AdmissionReview v1 creating a privileged Pod, with `overrides` in its request. */
function review(overrides: Record<string, unknown>): Record<string, unknown> {
  return podAdmissionReview(privilegedSpec, overrides);
}

function requestOf(overrides: Record<string, unknown> = {}): AdmissionRequestV1 {
  const parsed = parseReview(JSON.stringify(review(overrides)));
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  return parsed.request;
}

const LABELS: Record<string, Record<string, string>> = {
  app: {
    [`${PSA}/enforce`]: 'baseline',
    [`${PSA}/warn`]: 'restricted',
    [`${PSA}/audit`]: 'restricted',
  },
  plain: {},
  bad: { [`${PSA}/enforce`]: 'bogus' },
};

function context(policy: WebhookPolicy = DEFAULT_WEBHOOK_POLICY): ReviewContext {
  return {
    policy,
    today: '2026-11-23',
    namespaceLabels: (name) =>
      name in LABELS
        ? Promise.resolve(LABELS[name])
        : Promise.reject(new Error('connection refused')),
  };
}

function policyOf(section: unknown): WebhookPolicy {
  const { policy, issues } = parseWebhookConfig(
    section,
    new Set(['hardening/privileged', 'hardening/resources']),
  );
  expect(issues).toEqual([]);
  return policy;
}

describe('decide: Pod Security', () => {
  it('denies a privileged pod with the upstream message, echoing the uid', async () => {
    const { response, decision } = await decide(requestOf(), context());
    expect(decision).toBe('deny');
    expect(response).toEqual({
      uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
      allowed: false,
      status: {
        status: 'Failure',
        code: 403,
        reason: 'Forbidden',
        message: `pods "web" is forbidden: violates PodSecurity "baseline:latest": ${PRIVILEGED}`,
        details: { name: 'web', kind: 'pods' },
      },
      auditAnnotations: {
        'enforce-policy': 'baseline:latest',
        'audit-violations': expect.stringMatching(
          /^would violate PodSecurity "restricted:latest": privileged/,
        ) as unknown,
      },
    });
  });

  it('admits a Deployment with the restricted warning (enforce is for pods only)', async () => {
    const request = requestOf({
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { template: { metadata: {}, spec: privilegedSpec } },
      },
    });
    const { response, decision, log } = await decide(request, context());
    expect(decision).toBe('allow');
    expect(response.allowed).toBe(true);
    expect(response.warnings).toHaveLength(1);
    expect(response.warnings?.[0]).toMatch(
      /^would violate PodSecurity "restricted:latest": privileged \(/,
    );
    expect(response.auditAnnotations?.['enforce-policy']).toBeUndefined();
    expect(log[0]).toMatch(/^audit Deployment app\/web: would violate/);
  });

  it('admits a restricted pod without warnings', async () => {
    const request = requestOf({ object: { metadata: { name: 'web' }, spec: restrictedSpec } });
    const { response } = await decide(request, context());
    expect(response).toEqual({
      uid: request.uid,
      allowed: true,
      auditAnnotations: { 'enforce-policy': 'baseline:latest' },
    });
  });

  it('applies the configured defaults to an unlabelled namespace', async () => {
    const policy = policyOf({ defaults: { enforce: 'baseline' } });
    const { response } = await decide(requestOf({ namespace: 'plain' }), context(policy));
    expect(response.allowed).toBe(false);
    expect(response.status?.message).toBe(
      `pods "web" is forbidden: violates PodSecurity "baseline:latest": ${PRIVILEGED}`,
    );
  });

  it('exempts namespaces, users and runtime classes', async () => {
    const policy = policyOf({
      defaults: { enforce: 'restricted' },
      exemptions: { namespaces: ['plain'], usernames: ['bob'], runtimeClasses: ['kata'] },
    });
    const exemptNs = await decide(requestOf({ namespace: 'plain' }), context(policy));
    expect(exemptNs.response.auditAnnotations).toEqual({ exempt: 'namespace' });
    const exemptUser = await decide(requestOf({ userInfo: { username: 'bob' } }), context(policy));
    expect(exemptUser.response.auditAnnotations).toEqual({ exempt: 'user' });
    const runtime = await decide(
      requestOf({
        object: {
          metadata: { name: 'web' },
          spec: { ...privilegedSpec, runtimeClassName: 'kata' },
        },
      }),
      context(policy),
    );
    expect(runtime.response).toMatchObject({
      allowed: true,
      auditAnnotations: { exempt: 'runtimeClass' },
    });
  });

  it('denies a pod, but admits a controller, when the namespace cannot be read', async () => {
    const pod = await decide(requestOf({ namespace: 'gone' }), context());
    expect(pod.response.allowed).toBe(false);
    expect(pod.response.status?.code).toBe(500);
    expect(pod.response.status?.message).toBe(
      'Internal error occurred: failed to lookup namespace "gone": connection refused',
    );
    const job = await decide(
      requestOf({
        namespace: 'gone',
        kind: { group: 'batch', version: 'v1', kind: 'Job' },
        resource: { group: 'batch', version: 'v1', resource: 'jobs' },
      }),
      context(),
    );
    expect(job.response.allowed).toBe(true);
    expect(job.response.auditAnnotations?.error).toContain('failed to lookup namespace "gone"');
  });

  it('records invalid labels and fails closed on the enforce level', async () => {
    const { response } = await decide(requestOf({ namespace: 'bad' }), context());
    expect(response.allowed).toBe(false);
    expect(response.status?.message).toMatch(/violates PodSecurity "restricted:latest"/);
    expect(response.auditAnnotations?.error).toMatch(/^Failed to parse policy: metadata\.labels/);
  });

  it('skips ignored subresources, deletes and insignificant updates', async () => {
    for (const overrides of [
      { subResource: 'status' },
      { operation: 'DELETE' },
      { operation: 'UPDATE', oldObject: { spec: privilegedSpec } },
    ]) {
      const { response, decision } = await decide(requestOf(overrides), context());
      expect([decision, response.allowed]).toEqual(['skip', true]);
    }
    const changed = await decide(
      requestOf({
        operation: 'UPDATE',
        oldObject: { spec: { containers: [{ name: 'nginx', image: 'old' }] } },
      }),
      context(),
    );
    expect(changed.decision).toBe('deny');
  });

  it('rejects invalid Namespace labels with the 422 text of the API server', async () => {
    const request = requestOf({
      kind: { group: '', version: 'v1', kind: 'Namespace' },
      resource: { group: '', version: 'v1', resource: 'namespaces' },
      name: 'ns',
      namespace: '',
      object: { metadata: { name: 'ns', labels: { [`${PSA}/enforce`]: 'bogus' } } },
    });
    const { response } = await decide(request, context());
    expect(response.status).toMatchObject({
      code: 422,
      message:
        'Namespace "ns" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "bogus": must be one of privileged, baseline, restricted',
    });
  });
});

describe('decide: exempt namespaces', () => {
  it('warns when an exempt namespace is labelled with a policy', async () => {
    const policy = policyOf({ exemptions: { namespaces: ['kube-system'] } });
    const request = requestOf({
      kind: { group: '', version: 'v1', kind: 'Namespace' },
      resource: { group: '', version: 'v1', resource: 'namespaces' },
      name: 'kube-system',
      namespace: '',
      object: {
        metadata: {
          name: 'kube-system',
          labels: {
            [`${PSA}/enforce`]: 'baseline',
            [`${PSA}/audit`]: 'restricted',
            [`${PSA}/warn`]: 'restricted',
          },
        },
      },
    });
    const { response } = await decide(request, context(policy));
    expect(response.allowed).toBe(true);
    expect(response.warnings).toEqual([
      'namespace "kube-system" is exempt from Pod Security, and the policy (enforce=baseline:latest, audit=restricted:latest, warn=restricted:latest) will be ignored',
    ]);
  });
});

describe('decide: mamori rules', () => {
  const policy = policyOf({
    rules: [
      { id: 'hardening/privileged', mode: 'enforce', namespaces: ['plain'] },
      { id: 'hardening/resources', mode: 'warn' },
    ],
  });

  it('enforces, warns and audits per namespace', async () => {
    const denied = await decide(requestOf({ namespace: 'plain' }), context(policy));
    expect(denied.response.allowed).toBe(false);
    expect(denied.response.status?.message).toMatch(
      /^pods "web" is forbidden: mamori hardening\/privileged: /,
    );
    const warned = await decide(
      requestOf({
        namespace: 'plain',
        object: { metadata: { name: 'web' }, spec: restrictedSpec },
      }),
      context(policy),
    );
    expect(warned.response.allowed).toBe(true);
    expect(
      warned.response.warnings?.some((w) => w.startsWith('mamori hardening/resources: ')),
    ).toBe(true);
  });

  it('audits into auditAnnotations and the log', async () => {
    const audit = policyOf({ rules: [{ id: 'hardening/privileged', mode: 'audit' }] });
    const { response, log } = await decide(requestOf({ namespace: 'plain' }), context(audit));
    expect(response.allowed).toBe(true);
    expect(response.auditAnnotations?.['mamori-audit']).toMatch(/^mamori hardening\/privileged: /);
    expect(log.some((line) => line.includes('mamori hardening/privileged'))).toBe(true);
  });
});

describe('parseWebhookConfig', () => {
  it('reports bad keys by path', () => {
    const { issues } = parseWebhookConfig(
      {
        defaults: { enforce: 'strict', 'warn-version': '1.25' },
        exemptions: { namespaces: ['Bad_NS', 'a', 'a'] },
        rules: [{ id: 'nope', mode: 'enforce' }],
        extra: 1,
      },
      new Set(),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'webhook.extra',
      'webhook.defaults.enforce',
      'webhook.defaults.warn-version',
      'webhook.exemptions.namespaces[0]',
      'webhook.exemptions.namespaces[2]',
      'webhook.rules[0].id',
    ]);
  });
});

describe('decide: Namespace updates evaluate existing pods', () => {
  const plainPod = (name: string, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra },
  });
  const privilegedPod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: privilegedSpec,
  });
  const PODS = [
    privilegedPod('web-b'),
    privilegedPod('web-a'),
    plainPod('job'),
    plainPod('kata', { runtimeClassName: 'kata' }),
  ];

  function namespaceUpdate(
    oldLabels: Record<string, string>,
    labels: Record<string, string>,
    operation = 'UPDATE',
    name = 'shop',
  ): AdmissionRequestV1 {
    return requestOf({
      kind: { group: '', version: 'v1', kind: 'Namespace' },
      resource: { group: '', version: 'v1', resource: 'namespaces' },
      name,
      namespace: name,
      operation,
      object: { metadata: { name, labels } },
      oldObject: operation === 'UPDATE' ? { metadata: { name, labels: oldLabels } } : null,
    });
  }

  function withPods(
    policy: WebhookPolicy = DEFAULT_WEBHOOK_POLICY,
    pods: readonly Record<string, unknown>[] = PODS,
  ) {
    const calls: [string, number][] = [];
    const ctx: ReviewContext = {
      ...context(policy),
      listPods: (namespace, timeoutMs) => {
        calls.push([namespace, timeoutMs]);
        return Promise.resolve(pods as never);
      },
    };
    return { ctx, calls };
  }

  it('warns about the existing pods, as the API server words it, and allows the update', async () => {
    const { ctx, calls } = withPods();
    const outcome = await decide(namespaceUpdate({}, { [`${PSA}/enforce`]: 'baseline' }), ctx);
    expect(outcome.response.allowed).toBe(true);
    expect(outcome.decision).toBe('allow');
    expect(outcome.response.warnings).toEqual([
      'existing pods in namespace "shop" violate the new PodSecurity enforce level "baseline:latest"',
      'web-a (and 1 other pod): privileged',
    ]);
    // Without a request deadline the budget is upstream's 1 s.
    expect(calls).toEqual([['shop', 1000]]);
    const restricted = await decide(
      namespaceUpdate(
        {},
        { [`${PSA}/enforce`]: 'restricted', [`${PSA}/enforce-version`]: 'v1.30' },
      ),
      ctx,
    );
    expect(restricted.response.warnings).toEqual([
      'existing pods in namespace "shop" violate the new PodSecurity enforce level "restricted:v1.30"',
      'job (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'web-a (and 1 other pod): privileged, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]);
  });

  it('evaluates only when the enforce level or version is raised, as upstream', async () => {
    const { ctx, calls } = withPods();
    const cases: [Record<string, string>, Record<string, string>, string?][] = [
      // Only warn changes.
      [
        { [`${PSA}/enforce`]: 'baseline' },
        { [`${PSA}/enforce`]: 'baseline', [`${PSA}/warn`]: 'restricted' },
      ],
      // To privileged.
      [{ [`${PSA}/enforce`]: 'baseline' }, { [`${PSA}/enforce`]: 'privileged' }],
      // A relaxation at the same version.
      [{ [`${PSA}/enforce`]: 'restricted' }, { [`${PSA}/enforce`]: 'baseline' }],
      // CREATE never looks at pods (a new namespace has none).
      [{}, { [`${PSA}/enforce`]: 'restricted' }, 'CREATE'],
    ];
    for (const [before, after, operation] of cases) {
      const request = namespaceUpdate(before, after, operation);
      const outcome = await decide(request, ctx);
      expect(outcome.response).toEqual({ uid: request.uid, allowed: true });
    }
    expect(calls).toEqual([]);
    // A relaxation to another version is evaluated.
    const versioned = await decide(
      namespaceUpdate(
        { [`${PSA}/enforce`]: 'restricted', [`${PSA}/enforce-version`]: 'v1.30' },
        { [`${PSA}/enforce`]: 'baseline' },
      ),
      ctx,
    );
    expect(versioned.response.warnings?.[0]).toBe(
      'existing pods in namespace "shop" violate the new PodSecurity enforce level "baseline:latest"',
    );
    // The configured defaults count as the old policy of an unlabelled namespace.
    const defaults = withPods(policyOf({ defaults: { enforce: 'baseline' } }));
    const same = await decide(
      namespaceUpdate({}, { [`${PSA}/enforce`]: 'baseline' }),
      defaults.ctx,
    );
    expect(same.response.warnings).toBeUndefined();
    expect(defaults.calls).toEqual([]);
  });

  it('drops pods of exempt runtime classes, and gives exempt namespaces the exemption warning', async () => {
    const policy = policyOf({ exemptions: { runtimeClasses: ['kata'], namespaces: ['tools'] } });
    const { ctx, calls } = withPods(policy);
    const outcome = await decide(namespaceUpdate({}, { [`${PSA}/enforce`]: 'restricted' }), ctx);
    // Without the exemption, "kata" would make this "job (and 1 other pod): …".
    expect(outcome.response.warnings?.[1]).toBe(
      'job: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    );
    expect(outcome.response.warnings).toHaveLength(3);
    const exempt = await decide(
      namespaceUpdate({}, { [`${PSA}/enforce`]: 'restricted' }, 'UPDATE', 'tools'),
      ctx,
    );
    expect(exempt.response.warnings).toEqual([
      'namespace "tools" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored',
    ]);
    expect(calls.map(([namespace]) => namespace)).toEqual(['shop']);
  });

  it('answers with upstream’s single warning when the pods cannot be listed', async () => {
    const ctx: ReviewContext = {
      ...context(),
      listPods: () => Promise.reject(new Error('pods is forbidden: User "x" cannot list')),
    };
    const outcome = await decide(namespaceUpdate({}, { [`${PSA}/enforce`]: 'baseline' }), ctx);
    expect(outcome.response.allowed).toBe(true);
    expect(outcome.response.warnings).toEqual([
      'failed to list pods while checking new PodSecurity enforce level',
    ]);
    expect(outcome.log).toEqual([
      'failed to list pods in namespace "shop": pods is forbidden: User "x" cannot list',
    ]);
  });

  it('keeps to the time budget: half of what is left of the request, at most 1 s', async () => {
    const pods = Array.from({ length: 10 }, (_, i) => privilegedPod(`p-${i}`));
    // Each reading of the clock is 100 ms later: the first one starts the budget.
    let now = 0;
    const { ctx, calls } = withPods(DEFAULT_WEBHOOK_POLICY, pods);
    // 600 ms left of the request: 300 ms for listing and checking.
    const outcome = await decide(namespaceUpdate({}, { [`${PSA}/enforce`]: 'baseline' }), {
      ...ctx,
      deadline: 700,
      clock: () => (now += 100),
    });
    expect(calls).toEqual([['shop', 300]]);
    expect(outcome.response.warnings).toEqual([
      'new PodSecurity enforce level only checked against the first 3 of 10 existing pods',
      'existing pods in namespace "shop" violate the new PodSecurity enforce level "baseline:latest"',
      'p-0 (and 2 other pods): privileged',
    ]);
  });

  it('allows keeping identical invalid labels, and still evaluates a raised enforce level', async () => {
    const { ctx } = withPods();
    const outcome = await decide(
      namespaceUpdate(
        { [`${PSA}/audit`]: 'bogus' },
        { [`${PSA}/audit`]: 'bogus', [`${PSA}/enforce`]: 'baseline' },
      ),
      ctx,
    );
    expect(outcome.response.allowed).toBe(true);
    expect(outcome.response.warnings?.[1]).toBe('web-a (and 1 other pod): privileged');
    const changed = await decide(
      namespaceUpdate({ [`${PSA}/audit`]: 'bogus' }, { [`${PSA}/audit`]: 'worse' }),
      ctx,
    );
    expect(changed.response.status?.code).toBe(422);
  });
});
