/**
 * The assessment: each control of the chosen benchmark gets a verdict with its evidence.
 *
 * - NOT_ASSESSABLE: the control plane of a managed platform, a component that does not run on
 *   this node, or a file the recommendation only covers if it exists.
 * - WARN: a manual recommendation (what was observed is still shown), one that needs the cluster
 *   API or the cloud provider, or one whose value could not be read.
 * - PASS / FAIL: an automated check that saw its value.
 */
import { recommendation } from './recommendations/index.js';
import { chooseBenchmark, type ProfileChoice } from './detect.js';
import { componentOf, type NodeFacts } from './facts.js';
import { parseFlags } from './flags.js';
import { runProbe } from './probes.js';
import { summarize, type Summary } from './summary.js';
import type { Benchmark, Control, Platform, Recommendation, Result } from './types.js';

export const ASSESSMENT_SCHEMA = 'mamori.dev/cis-assessment/v1';

export interface Assessment {
  schema: typeof ASSESSMENT_SCHEMA;
  node: { hostname?: string; root: string; collectedAt: string };
  benchmark: { id: string; title: string; version: string };
  platform: Platform;
  profile: { explicit: boolean; reasons: string[] };
  results: Result[];
  summary: Summary;
  /** Collection problems and oddities (e.g. a boolean flag with a stray value). */
  notes: string[];
}

const PLATFORM_NAMES: Record<Platform, string> = {
  generic: 'self-managed',
  eks: 'Amazon EKS',
  aks: 'Azure AKS',
  gke: 'Google GKE',
};

function isControlPlaneNode(facts: NodeFacts): boolean {
  return (['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const).some(
    (component) => componentOf(facts, component) !== undefined,
  );
}

function evaluate(
  facts: NodeFacts,
  control: Control,
  rec: Recommendation,
  platform: Platform,
): Pick<Result, 'verdict' | 'reason' | 'expected' | 'evidence'> {
  const hidden = rec.target === 'control-plane' || rec.target === 'etcd';
  if (hidden && platform !== 'generic') {
    return {
      verdict: 'NOT_ASSESSABLE',
      reason: `provider-managed: ${PLATFORM_NAMES[platform]} runs the control plane, which cannot be inspected`,
      evidence: [],
    };
  }
  if (rec.target === 'control-plane' && !isControlPlaneNode(facts)) {
    return {
      verdict: 'NOT_ASSESSABLE',
      reason: 'not a control-plane node: no API server, controller manager or scheduler here',
      evidence: [],
    };
  }
  if (rec.target === 'etcd' && componentOf(facts, 'etcd') === undefined) {
    return {
      verdict: 'NOT_ASSESSABLE',
      reason: 'etcd does not run on this node',
      evidence: [],
    };
  }
  if (rec.probe === undefined) {
    return {
      verdict: 'WARN',
      reason: `${control.automated ? 'not assessed from a node' : 'manual'}: needs ${rec.needs ?? 'human judgement'}`,
      evidence: [],
    };
  }
  const outcome = runProbe(facts, rec.probe, control.params);
  const expected = outcome.expected === undefined ? {} : { expected: outcome.expected };
  if (outcome.status === 'not-applicable') {
    return {
      verdict: 'NOT_ASSESSABLE',
      reason: outcome.reason,
      ...expected,
      evidence: outcome.evidence,
    };
  }
  if (!control.automated) {
    return {
      verdict: 'WARN',
      reason: `manual: review needed; observed ${outcome.reason}`,
      ...expected,
      evidence: outcome.evidence,
    };
  }
  const verdicts = { pass: 'PASS', fail: 'FAIL', unknown: 'WARN' } as const;
  return {
    verdict: verdicts[outcome.status],
    reason:
      outcome.status === 'unknown' ? `could not be determined: ${outcome.reason}` : outcome.reason,
    ...expected,
    evidence: outcome.evidence,
  };
}

/** Oddities on the components' command lines, e.g. a boolean flag with a stray value. */
function flagNotes(facts: NodeFacts): string[] {
  return facts.processes.flatMap((process) =>
    parseFlags(process.component, process.argv.slice(1)).notes.map(
      (note) => `${process.component} (${process.location}): ${note}`,
    ),
  );
}

/** Assesses facts against a chosen benchmark. */
export function assessWith(facts: NodeFacts, choice: ProfileChoice): Assessment {
  const results: Result[] = [];
  for (const section of choice.benchmark.sections) {
    for (const group of section.groups) {
      for (const control of group.controls) {
        const rec = recommendation(control.id);
        if (rec === undefined) {
          throw new Error(
            `${choice.benchmark.id} ${control.number}: unknown recommendation ${control.id}`,
          );
        }
        results.push({
          control: control.number,
          id: rec.id,
          title: rec.title,
          section: section.id,
          group: group.id,
          automated: control.automated,
          ...evaluate(facts, control, rec, choice.platform),
          remediation: rec.remediation,
        });
      }
    }
  }
  return {
    schema: ASSESSMENT_SCHEMA,
    node: {
      ...(facts.hostname === undefined ? {} : { hostname: facts.hostname }),
      root: facts.root,
      collectedAt: facts.collectedAt,
    },
    benchmark: {
      id: choice.benchmark.id,
      title: choice.benchmark.title,
      version: choice.benchmark.version,
    },
    platform: choice.platform,
    profile: { explicit: choice.explicit, reasons: choice.reasons },
    results,
    summary: summarize(choice.benchmark, results),
    notes: [...facts.notes, ...flagNotes(facts)],
  };
}

/**
 * Assesses a node: `profile` is a benchmark id (or a benchmark); without it the profile is chosen
 * from the platform. Pure and synchronous; throws on an unknown benchmark id.
 */
export function assessNode(facts: NodeFacts, profile?: string | Benchmark): Assessment {
  if (typeof profile === 'object') {
    const detected = chooseBenchmark(facts);
    const platform = typeof detected === 'string' ? 'generic' : detected.platform;
    return assessWith(facts, {
      benchmark: profile,
      platform,
      explicit: true,
      reasons: [`benchmark ${profile.id} given`],
    });
  }
  const choice = chooseBenchmark(facts, profile);
  if (typeof choice === 'string') {
    throw new Error(choice);
  }
  return assessWith(facts, choice);
}
