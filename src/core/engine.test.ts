import { describe, expect, it } from 'vitest';
import { runRules } from '../../test/rule-tester.js';
import privileged from '../rules/hardening/privileged.js';
import { RULES } from '../rules/index.js';
import { DEFAULT_CONFIG } from './config.js';
import { Engine, locatePointer } from './engine.js';
import { defineResourceRule, type RuleMeta } from './rule.js';
import { decodeText } from '../sources/files.js';
import { DEFAULT_LIMITS } from '../sources/documents.js';

const privilegedPod = (annotations = '', name = 'web') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
${annotations}
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {privileged: true}
    - name: helper
      image: busybox:1.36
      securityContext: {privileged: true}
`;

/** The metadata of a rule made for a test, which never reports. */
function testMeta(id: string, title: string, description: string): RuleMeta<'never'> {
  return {
    id,
    title: { en: title, ja: title },
    description: { en: description, ja: description },
    remediation: { en: 'None.', ja: 'なし。' },
    severity: 'low',
    category: 'test',
    references: [],
    messages: { never: { en: 'Never.', ja: 'なし。' } },
    defaultOptions: {},
  };
}

const crashing = defineResourceRule<'never'>({
  meta: testMeta('test/crashing', 'Crashes', 'Always throws.'),
  kinds: ['Pod'],
  check() {
    throw new Error('boom');
  },
});

describe('Engine', () => {
  it('says which kinds some rule reads beyond the header', () => {
    const engine = new Engine(RULES, {
      config: { ...DEFAULT_CONFIG, workloadKinds: { Rollout: '/spec/template' } },
      lang: 'en',
      today: '2026-01-01',
    });
    for (const kind of ['Deployment', 'CronJob', 'Rollout', 'Service', 'ClusterRole']) {
      expect(engine.needsBody(kind), kind).toBe(true);
    }
    // Lists carry objects that rules read; no rule reads a CRD's schema or a custom resource.
    expect(engine.needsBody('ConfigMapList')).toBe(true);
    expect(engine.needsBody('CustomResourceDefinition')).toBe(false);
    expect(engine.needsBody('ServiceMonitor')).toBe(false);
    // With no rules active, only workloads and lists are still decoded (their types are checked).
    const none = new Engine([], { config: DEFAULT_CONFIG, lang: 'en', today: '2026-01-01' });
    expect(none.needsBody('Service')).toBe(false);
    expect(none.needsBody('Pod')).toBe(true);
  });

  it("gives resource rules the workload it extracted, with the configuration's custom kinds", () => {
    const seen: string[] = [];
    const looking = defineResourceRule<'never'>({
      meta: testMeta('test/looking', 'Looks', 'Records what it is given.'),
      kinds: ['Rollout', 'Service'],
      check(resource, context) {
        seen.push(
          `${resource.object.kind}: ${context.workload?.containers.map((ref) => ref.pointer).join(', ') ?? 'none'}`,
        );
      },
    });
    const engine = new Engine([looking], {
      config: { ...DEFAULT_CONFIG, workloadKinds: { Rollout: '/spec/template' } },
      lang: 'en',
      today: '2026-01-01',
    });
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  template:
    spec:
      initContainers: [{name: init, image: busybox:1.36}]
      containers: [{name: app, image: nginx:1.27}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}]}
`;
    decodeText(text, 'x.yaml', false, DEFAULT_LIMITS, (resource) => engine.scan(resource));
    expect(seen).toEqual([
      'Rollout: /spec/template/spec/initContainers/0, /spec/template/spec/containers/0',
      'Service: none',
    ]);
  });

  it('shows other objects only to the rules that read them, once the input is complete', () => {
    const seen: Record<string, number[]> = { alone: [], across: [] };
    const alone = defineResourceRule<'never'>({
      meta: testMeta('test/alone', 'Alone', 'Reads only its object.'),
      kinds: ['Pod'],
      check(_resource, context) {
        seen.alone?.push(context.index.ofKind('Pod').length);
      },
    });
    const across = defineResourceRule<'never'>({
      meta: { ...testMeta('test/across', 'Across', 'Reads the other pods.'), indexKinds: ['Pod'] },
      kinds: ['Pod'],
      check(_resource, context) {
        seen.across?.push(context.index.ofKind('Pod').length);
      },
    });
    const engine = new Engine([alone, across], {
      config: DEFAULT_CONFIG,
      lang: 'en',
      today: '2026-01-01',
    });
    const text = [privilegedPod('', 'a'), privilegedPod('', 'b'), privilegedPod('', 'c')].join(
      '---\n',
    );
    for (const resource of decodeText(text, 'pods.yaml', false, DEFAULT_LIMITS).resources) {
      engine.scan(resource);
    }
    engine.finish();
    // The index fills as the pods stream in: a rule that does not declare it sees none of it.
    expect(seen).toEqual({ alone: [0, 0, 0], across: [3, 3, 3] });
  });

  it('shows every workload that creates pods to rules that index workloads, custom kinds too', () => {
    const seen: string[][] = [];
    const filtered: string[] = [];
    const workloads = defineResourceRule<'never'>({
      meta: {
        ...testMeta('test/workloads', 'Workloads', 'Reads the workloads.'),
        indexWorkloads: true,
        indexFilter: (resource, workload) => {
          filtered.push(`${resource.ref.kind}:${workload?.templatePointer ?? '-'}`);
          return resource.ref.name !== 'skipped';
        },
      },
      kinds: ['ConfigMap'],
      check(_resource, context) {
        seen.push(
          context.index.workloads.map(
            (workload) => `${workload.resource.ref.kind}/${workload.resource.ref.name}`,
          ),
        );
      },
    });
    const text = `${privilegedPod('', 'a')}---
apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: b}
spec:
  template:
    spec:
      containers: [{name: app, image: nginx:1.27}]
---
apiVersion: v1
kind: PodTemplate
metadata: {name: c}
template:
  spec:
    containers: [{name: app, image: nginx:1.27}]
---
${privilegedPod('', 'skipped')}---
apiVersion: v1
kind: ConfigMap
metadata: {name: d}
`;
    const run = (workloadKinds: Record<string, string>): string[][] => {
      seen.length = 0;
      filtered.length = 0;
      const engine = new Engine([workloads], {
        config: { ...DEFAULT_CONFIG, workloadKinds },
        lang: 'en',
        today: '2026-01-01',
      });
      for (const resource of decodeText(text, 'all.yaml', false, DEFAULT_LIMITS).resources) {
        engine.scan(resource);
      }
      engine.finish();
      return seen;
    };
    // A PodTemplate creates no pods, and the filter leaves out what the rule does not need.
    expect(run({ CloneSet: '/spec/template' })).toEqual([['Pod/a', 'CloneSet/b']]);
    expect(filtered).toEqual(['Pod:', 'CloneSet:/spec/template', 'Pod:']);
    expect(run({})).toEqual([['Pod/a']]);
  });

  it('reports a crashing rule as a problem and still runs the other rules', () => {
    const output = runRules([crashing, privileged], privilegedPod());
    expect(output.findings).toHaveLength(2);
    expect(output.problems).toHaveLength(1);
    expect(output.problems[0]).toMatchObject({
      code: 'RULE_CRASHED',
      ruleId: 'test/crashing',
      line: 1,
    });
    expect(output.problems[0]?.message).toContain('boom');
  });

  it('suppresses by annotation only with a reason, and per container', () => {
    const withReason = runRules(
      [privileged],
      privilegedPod(
        '  annotations:\n    mamori.dev/ignore: hardening/privileged\n    mamori.dev/ignore-reason: CNI agent needs it',
      ),
    );
    expect(withReason.findings.map((finding) => finding.suppression)).toEqual([
      { kind: 'annotation', justification: 'CNI agent needs it' },
      { kind: 'annotation', justification: 'CNI agent needs it' },
    ]);
    const noReason = runRules(
      [privileged],
      privilegedPod('  annotations:\n    mamori.dev/ignore: hardening/*'),
    );
    expect(noReason.findings.every((finding) => finding.suppression === undefined)).toBe(true);
    expect(noReason.findings[0]?.message).toContain('mamori.dev/ignore-reason is missing');
    const perContainer = runRules(
      [privileged],
      privilegedPod(
        '  annotations:\n    mamori.dev/ignore.helper: hardening/privileged\n    mamori.dev/ignore-reason: debug only',
      ),
    );
    expect(
      perContainer.findings.map((finding) => [finding.container, finding.suppression?.kind]),
    ).toEqual([
      ['app', undefined],
      ['helper', 'annotation'],
    ]);
  });

  it('ignores annotations in strict mode', () => {
    const output = runRules(
      [privileged],
      privilegedPod(
        '  annotations:\n    mamori.dev/ignore: "*"\n    mamori.dev/ignore-reason: trust me',
      ),
      { config: { strict: true } },
    );
    expect(output.findings.every((finding) => finding.suppression === undefined)).toBe(true);
  });

  it('applies config exceptions until they expire', () => {
    const exceptions = [
      {
        rules: ['hardening/privileged'],
        names: ['web'],
        reason: 'accepted',
        expires: '2026-06-30',
      },
    ];
    const active = runRules([privileged], privilegedPod(), {
      config: { exceptions },
      today: '2026-06-30',
    });
    expect(active.findings[0]?.suppression).toEqual({
      kind: 'config',
      justification: 'accepted',
      expires: '2026-06-30',
    });
    const expired = runRules([privileged], privilegedPod(), {
      config: { exceptions },
      today: '2026-07-01',
    });
    expect(expired.findings[0]?.suppression).toBeUndefined();
    expect(expired.findings[0]?.message).toContain('exception expired on 2026-06-30');
    const other = runRules([privileged], privilegedPod('', 'api'), {
      config: { exceptions },
      today: '2026-06-30',
    });
    expect(other.findings[0]?.suppression).toBeUndefined();
  });

  it('honours severity overrides and disabled rules', () => {
    const lowered = runRules([privileged], privilegedPod(), {
      config: { rules: { 'hardening/privileged': { severity: 'low' } } },
    });
    expect(lowered.findings[0]?.severity).toBe('low');
    const disabled = runRules([privileged], privilegedPod(), {
      config: { rules: { 'hardening/privileged': { enabled: false } } },
    });
    expect(disabled.findings).toEqual([]);
  });

  it('gives fingerprints that survive reordering containers and moving lines', () => {
    const original = runRules([privileged], privilegedPod()).findings.map(
      (finding) => finding.fingerprint,
    );
    const moved = `# a comment that shifts every line\n\n${privilegedPod()}`.replace(
      /( {4}- name: app[\s\S]*?)( {4}- name: helper[\s\S]*)$/,
      '$2$1',
    );
    const reordered = runRules([privileged], moved).findings;
    expect(reordered.map((finding) => finding.container)).toEqual(['helper', 'app']);
    expect(new Set(reordered.map((finding) => finding.fingerprint))).toEqual(new Set(original));
  });

  it('reports fields of the wrong type with their location and keeps scanning', () => {
    const output = runRules(
      [privileged],
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: "true"\n    - name: b\n      image: nginx:1.27\n      securityContext: {privileged: true}\n',
    );
    expect(output.problems).toEqual([
      expect.objectContaining({
        code: 'INVALID_TYPE',
        line: 9,
        message: 'spec.containers.0.securityContext.privileged: expected boolean, got string',
      }),
    ]);
    expect(output.findings.map((finding) => finding.container)).toEqual(['b']);
  });

  it('renders messages in Japanese', () => {
    const output = runRules([privileged], privilegedPod(), { lang: 'ja' });
    expect(output.findings[0]?.message).toBe(
      'コンテナ "app" が特権モードで動作します (securityContext.privileged: true)。',
    );
    expect(output.findings[0]?.title).toBe('特権コンテナ');
  });
});

describe('locatePointer', () => {
  const [pod, item] = decodeText(
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    example.com/a~b: x',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: nginx:1.27',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: listed}',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: nginx:1.27',
    ].join('\n'),
    'pods.yaml',
    false,
    DEFAULT_LIMITS,
  ).resources;

  it('points at the field when it exists, and at its nearest existing ancestor when not', () => {
    expect(locatePointer(pod!, '/spec/containers/0/image')).toEqual({ line: 10, column: 7 });
    expect(locatePointer(pod!, '/spec/containers/0/securityContext/runAsNonRoot')).toEqual({
      line: 9,
      column: 7,
    });
    expect(locatePointer(pod!, '/spec/containers/3/image')).toEqual({ line: 8, column: 3 });
    expect(locatePointer(pod!, '/spec/hostNetwork')).toEqual({ line: 7, column: 1 });
    // Escaped tokens (~1 for /, ~0 for ~) name the key, as written.
    expect(locatePointer(pod!, '/metadata/annotations/example.com~1a~0b/deeper')).toEqual({
      line: 6,
      column: 5,
    });
  });

  it('works inside the items of a List', () => {
    expect(locatePointer(item!, '/spec/containers/0/securityContext')).toEqual({
      line: 20,
      column: 11,
    });
  });
});
