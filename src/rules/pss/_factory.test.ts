import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { deployment, runRules } from '../../../test/rule-tester.js';
import { DEFAULT_CONFIG, parseConfig, type PssSettings } from '../../core/config.js';
import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { activeRules } from '../../core/engine.js';
import { workloadOf } from '../../core/workload.js';
import { ALL_CHECKS, applyApiServerDefaults, evaluatePod } from '../../pss/index.js';
import { readManifestFile, DEFAULT_READ_OPTIONS } from '../../sources/files.js';
import { corpusFiles } from '../../sources/testing.js';
import { RULES } from '../index.js';
import { pssRuleSettings, ruleIdOf } from './_factory.js';

const PSS_RULES = RULES.filter((rule) => rule.meta.id.startsWith('pss/'));
const CHECK_OF_RULE = new Map(ALL_CHECKS.map((check) => [ruleIdOf(check.id), check]));

const insecure = deployment(`
hostPID: true
containers:
  - name: app
    image: nginx:1.27
    securityContext: {privileged: true}
`);

function settings(over: Partial<PssSettings>): PssSettings {
  return { ...DEFAULT_CONFIG.pss, ...over };
}

describe('pss rule catalogue', () => {
  it('has one rule per upstream check, in a module named after it', () => {
    expect(PSS_RULES.map((rule) => rule.meta.id).sort()).toEqual(
      ALL_CHECKS.map((check) => ruleIdOf(check.id)).sort(),
    );
    for (const rule of PSS_RULES) {
      const slug = rule.meta.id.slice('pss/'.length);
      expect(existsSync(new URL(`./${slug}.ts`, import.meta.url)), slug).toBe(true);
      const level = CHECK_OF_RULE.get(rule.meta.id)?.level;
      expect(rule.meta.standards).toEqual([{ framework: 'pss', control: level }]);
      expect(rule.meta.severity).toBe(level === 'baseline' ? 'high' : 'medium');
    }
  });

  it('names rules after the upstream check ids', () => {
    expect(ruleIdOf('seccompProfile_baseline')).toBe('pss/seccomp-profile-baseline');
    expect(ruleIdOf('seLinuxOptions')).toBe('pss/se-linux-options');
    expect(ruleIdOf('hostProbesAndHostLifecycle')).toBe('pss/host-probes-and-host-lifecycle');
    expect(ruleIdOf('privileged')).toBe('pss/privileged');
  });
});

describe('pss rules on malformed input', () => {
  it('report the type problems and do not crash', () => {
    const yaml = deployment(`
securityContext:
  sysctls: [5, {name: kernel.msgmax}]
volumes: [7, {name: a, nfs: {server: x, path: /}}]
containers:
  - 3
  - name: app
    image: nginx:1.27
    ports: [8080, {containerPort: 80, hostPort: 80}]
    securityContext:
      privileged: "yes"
      capabilities: {add: [1, SYS_ADMIN], drop: ALL}
`);
    const { findings, problems } = runRules(PSS_RULES, yaml);
    expect(problems.map((p) => p.code)).not.toContain('RULE_CRASHED');
    expect(problems.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['pss/sysctls', 'pss/host-ports', 'pss/capabilities-baseline']),
    );
  });
});

describe('pss settings', () => {
  it('maps the error and warning levels to severities', () => {
    const at = (level: 'baseline' | 'restricted', pss: Partial<PssSettings>) =>
      pssRuleSettings(level, settings(pss));
    expect(at('baseline', {})).toEqual({ severity: 'high', options: { version: 'latest' } });
    expect(at('restricted', {})).toEqual({ severity: 'medium', options: { version: 'latest' } });
    expect(at('baseline', { errorLevel: 'restricted' }).severity).toBe('high');
    expect(at('restricted', { errorLevel: 'restricted' }).severity).toBe('high');
    expect(at('baseline', { errorLevel: 'none', warnLevel: 'baseline' }).severity).toBe('medium');
    expect(at('restricted', { errorLevel: 'none', warnLevel: 'baseline' }).enabled).toBe(false);
    expect(at('restricted', { warnLevel: 'none' }).enabled).toBe(false);
    expect(at('baseline', { errorLevel: 'none', warnLevel: 'none' }).enabled).toBe(false);
    expect(at('baseline', { version: 'v1.30' }).options).toEqual({ version: 'v1.30' });
  });

  it('sets the severity of findings from the configuration', () => {
    const severities = (pss: Partial<PssSettings>) =>
      runRules(PSS_RULES, insecure, { config: { pss: settings(pss) } }).findings.map(
        (f) => `${f.ruleId}:${f.severity}`,
      );
    expect(severities({})).toContain('pss/privileged:high');
    expect(severities({})).toContain('pss/run-as-non-root:medium');
    expect(severities({ errorLevel: 'restricted' })).toContain('pss/run-as-non-root:high');
    expect(severities({ errorLevel: 'none' })).toContain('pss/privileged:medium');
    expect(severities({ warnLevel: 'none' }).some((s) => s.startsWith('pss/run-as'))).toBe(false);
    expect(severities({ errorLevel: 'none', warnLevel: 'none' })).toEqual([]);
  });

  it('lets a rule entry win over the pss settings', () => {
    const config = {
      ...structuredClone(DEFAULT_CONFIG),
      pss: settings({ errorLevel: 'none', warnLevel: 'none', version: 'v1.30' }),
      rules: { 'pss/privileged': { enabled: true, severity: 'low' as const } },
    };
    const active = activeRules(PSS_RULES, config).active;
    expect(active.map((entry) => [entry.rule.meta.id, entry.severity, entry.options])).toEqual([
      ['pss/privileged', 'low', { version: 'v1.30' }],
    ]);
  });

  it('rejects invalid versions in the configuration and in rule options', () => {
    const known = new Set(RULES.map((rule) => rule.meta.id));
    expect(parseConfig({ pss: { version: 'v1.30' } }, known).issues).toEqual([]);
    expect(parseConfig({ pss: { version: '1.30' } }, known).issues).toEqual([
      { path: 'pss.version', message: 'must be a string such as latest or v1.30' },
    ]);
    const config = {
      ...structuredClone(DEFAULT_CONFIG),
      rules: { 'pss/privileged': { options: { version: 'v2.0' } } },
    };
    expect(activeRules(PSS_RULES, config).issues).toEqual([
      'rules.pss/privileged.options: version must be "latest" or "v1.N", e.g. v1.30',
    ]);
  });
});

interface ManifestEntry {
  file: string;
}

const fixtures = new URL('../../../../shared/fixtures/pss/', import.meta.url);
const manifest: ManifestEntry[] = existsSync(fileURLToPath(fixtures))
  ? (JSON.parse(readFileSync(new URL('manifest.json', fixtures), 'utf8')) as ManifestEntry[])
  : [];
const VERSIONS = ['v1.0', 'v1.8', 'v1.19', 'v1.22', 'v1.25', 'v1.34', 'v1.35', 'latest'];

/** The Pod of a fixture as the engine reads it. */
function podOf(yaml: string): { metadata: ObjectMeta; spec: PodSpec } {
  const object = load(yaml) as { metadata?: ObjectMeta; spec?: PodSpec };
  return { metadata: object.metadata ?? {}, spec: object.spec ?? {} };
}

describe.skipIf(manifest.length === 0)(
  'pss rules agree with the engine on the upstream fixtures',
  () => {
    it.each(manifest.map((entry) => entry.file))('%s', (file) => {
      const yaml = readFileSync(new URL(file, fixtures), 'utf8');
      const pod = podOf(yaml);
      for (const version of VERSIONS) {
        for (const level of ['baseline', 'restricted'] as const) {
          const pss = settings({ errorLevel: level, warnLevel: 'none', version });
          const { findings, problems } = runRules(PSS_RULES, yaml, { config: { pss } });
          expect(problems).toEqual([]);
          const evaluation = evaluatePod(pod, level, version);
          const where = `${level}:${version}`;
          expect(findings.length > 0, where).toBe(!evaluation.allowed);
          // Every violated check is reported by its rule, or by the baseline rule it replaces.
          const reported = new Set(findings.map((f) => CHECK_OF_RULE.get(f.ruleId)?.id));
          for (const violation of evaluation.violations) {
            const replaced = ALL_CHECKS.find((c) => c.id === violation.check)?.overrides ?? [];
            const covered = [violation.check, ...replaced].some((id) => reported.has(id));
            expect(covered, `${where} ${violation.check}`).toBe(true);
          }
        }
      }
    });
  },
);

describe('baseline checks that a restricted check replaces', () => {
  // The restricted rule skips the parts of a pod when the whole pod passes the check it
  // replaces: right only if such a check judges each container and volume on its own.
  it('fail no container or volume of a pod they allow (every version, corpus workloads)', () => {
    const replaced = ALL_CHECKS.filter((check) =>
      ALL_CHECKS.some((other) => other.overrides?.includes(check.id)),
    );
    expect(replaced.map((check) => check.id).sort()).toEqual([
      'capabilities_baseline',
      'hostPathVolumes',
      'procMount',
      'seccompProfile_baseline',
    ]);
    const implementations = replaced.flatMap((check) => check.versions.map((v) => v.check));
    let pods = 0;
    let failing = 0;
    for (const file of corpusFiles(/\.ya?ml$/i)) {
      for (const resource of readManifestFile(file, DEFAULT_READ_OPTIONS).resources) {
        const workload = workloadOf(resource, {}, []);
        if (workload === undefined) {
          continue;
        }
        const spec = applyApiServerDefaults(workload.podSpec, 'template');
        const alone: PodSpec = {
          ...spec,
          initContainers: [],
          containers: [],
          ephemeralContainers: [],
          volumes: [],
        };
        const parts: PodSpec[] = [
          alone,
          ...(['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((field) =>
            (spec[field] ?? []).map((container) => ({ ...alone, [field]: [container] })),
          ),
          ...(spec.volumes ?? []).map((volume) => ({ ...alone, volumes: [volume] })),
        ];
        pods++;
        for (const check of implementations) {
          if (!check(workload.podMeta, spec).allowed) {
            failing++;
            continue;
          }
          for (const part of parts) {
            expect(check(workload.podMeta, part).allowed).toBe(true);
          }
        }
      }
    }
    // Enough pods, and some failing ones, for the comparison to mean anything.
    expect(pods).toBeGreaterThan(300);
    expect(failing).toBeGreaterThan(10);
  });
});
