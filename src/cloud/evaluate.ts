/**
 * Runs the checks over cluster bundles and assembles the report. Pure: the bundles, the clock and
 * the options come in; a report comes out.
 */
import type { Language } from '../core/model.js';
import { AKS_CHECKS, EKS_CHECKS, GKE_CHECKS, KUBERNETES_CHECKS } from './checks/registry.js';
import { buildFacts, type ClusterFacts } from './facts/index.js';
import type { InputVars } from './inputs.js';
import { scoresOf } from './score.js';
import {
  GROUPS,
  type CheckMeta,
  type CheckOutcome,
  type CheckResult,
  type CloudCheck,
  type CloudReport,
  type ClusterBundle,
  type ClusterReport,
  type EvaluationContext,
  type InputProblem,
  type SkippedInput,
} from './types.js';

interface Runnable {
  meta: CheckMeta;
  run(context: EvaluationContext): CheckOutcome;
}

function bind<F>(checks: readonly CloudCheck<F>[], facts: F): Runnable[] {
  return checks.map((check) => ({
    meta: check.meta,
    run: (context) => check.evaluate(facts, context),
  }));
}

/** The checks that apply to a cluster: its provider's, then the Kubernetes ones. */
export function checksFor(facts: ClusterFacts): Runnable[] {
  const own =
    facts.provider === 'eks'
      ? bind(EKS_CHECKS, facts)
      : facts.provider === 'aks'
        ? bind(AKS_CHECKS, facts)
        : facts.provider === 'gke'
          ? bind(GKE_CHECKS, facts)
          : [];
  return [...own, ...bind(KUBERNETES_CHECKS, facts)];
}

/** Replaces `{name}`, `{rg}`… in remediation texts with what the cluster's inputs tell. */
export function fillPlaceholders(text: string, vars: InputVars): string {
  return text.replace(
    /\{(name|rg|region|location|id)\}/g,
    (_match, key: string) => vars[key] ?? `<${key === 'rg' ? 'resource-group' : key}>`,
  );
}

export interface EvaluationResult {
  checks: CheckResult[];
  clusters: ClusterReport[];
  /** Checks that threw: reported as problems, the verdict stays unknown. */
  problems: InputProblem[];
}

export function evaluateBundles(
  bundles: readonly ClusterBundle[],
  context: EvaluationContext,
  lang: Language,
): EvaluationResult {
  const checks: CheckResult[] = [];
  const clusters: ClusterReport[] = [];
  const problems: InputProblem[] = [];
  const disabled = new Set(context.options.disable);
  for (const bundle of bundles) {
    const facts = buildFacts(bundle);
    const results: CheckResult[] = [];
    for (const check of checksFor(facts)) {
      if (disabled.has(check.meta.id)) {
        continue;
      }
      let outcome: CheckOutcome;
      try {
        outcome = check.run(context);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        problems.push({
          file: bundle.documents[0]?.file ?? bundle.name,
          message: `check ${check.meta.id} failed on cluster ${bundle.name}: ${detail}`,
        });
        outcome = {
          verdict: 'unknown',
          message: {
            en: `The check failed internally: ${detail}`,
            ja: `チェックが内部エラーで失敗した: ${detail}`,
          },
          evidence: [],
        };
      }
      const result: CheckResult = {
        id: check.meta.id,
        group: check.meta.group,
        provider: check.meta.provider,
        cluster: bundle.name,
        clusterProvider: bundle.provider,
        title: check.meta.title[lang],
        verdict: outcome.verdict,
        severity:
          outcome.verdict === 'fail'
            ? (outcome.severity ?? check.meta.severity)
            : check.meta.severity,
        message: outcome.message[lang],
        evidence: outcome.evidence,
        remediation: fillPlaceholders(check.meta.remediation[lang], facts.vars),
        references: check.meta.references,
      };
      if (check.meta.catalogueId !== undefined) {
        result.catalogueId = check.meta.catalogueId;
      }
      if (outcome.missingInput !== undefined && outcome.missingInput.length > 0) {
        result.missingInput = outcome.missingInput;
      }
      if (outcome.notApplicable === true) {
        result.notApplicable = true;
      }
      results.push(result);
    }
    results.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
    checks.push(...results);
    clusters.push({
      provider: bundle.provider,
      name: bundle.name,
      files: [...new Set(bundle.documents.map((document) => document.file))].sort(),
      scores: scoresOf(results),
    });
  }
  return { checks, clusters, problems };
}

export interface ReportInput {
  bundles: readonly ClusterBundle[];
  context: EvaluationContext;
  lang: Language;
  skipped: readonly SkippedInput[];
  problems: readonly InputProblem[];
}

export function buildReport(input: ReportInput): CloudReport {
  const evaluation = evaluateBundles(input.bundles, input.context, input.lang);
  return {
    lang: input.lang,
    generatedAt: input.context.now.toISOString(),
    versionTable: { asOf: input.context.versions.asOf, source: input.context.versions.source },
    clusters: evaluation.clusters,
    checks: evaluation.checks,
    scores: scoresOf(evaluation.checks),
    inputs: input.bundles.flatMap((bundle) =>
      [
        ...new Map(
          bundle.documents.map((document) => [`${document.file}\u0000${document.kind}`, document]),
        ).values(),
      ].map((document) => ({
        file: document.file,
        kind: document.kind,
        cluster: bundle.name,
      })),
    ),
    skipped: [...input.skipped],
    problems: [...input.problems, ...evaluation.problems],
  };
}
