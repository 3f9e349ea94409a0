/**
 * Helpers for the tests of the checks: bundles from raw documents, and running one check.
 * Not used by the tool itself.
 */
import { buildFacts } from './facts/index.js';
import { checksFor } from './evaluate.js';
import { DEFAULT_OPTIONS } from './options.js';
import type {
  CheckOutcome,
  CheckProvider,
  CloudOptions,
  ClusterBundle,
  EvaluationContext,
  InputDocument,
  InputKind,
} from './types.js';
import { DEFAULT_VERSION_TABLE } from './versions.js';

/** The date the fixtures' expectations are written for. */
export const TEST_NOW = new Date('2026-11-20T12:00:00Z');

export function testContext(
  options: Partial<CloudOptions> = {},
  now = TEST_NOW,
): EvaluationContext {
  return { now, options: { ...DEFAULT_OPTIONS, ...options }, versions: DEFAULT_VERSION_TABLE };
}

const WRAPPERS: Partial<Record<InputKind, string>> = {
  'eks-cluster': 'cluster',
  'eks-nodegroup': 'nodegroup',
  'eks-addon': 'addon',
  'eks-access-entry': 'accessEntry',
};

/**
 * A document as the source adapter would produce it. For wrapped AWS outputs give the inner
 * object (`doc('eks-cluster', {name: 'x', …})`): the path prefix is added.
 */
export function doc(kind: InputKind, value: unknown, file = `${kind}.json`): InputDocument {
  return { kind, value, basePath: WRAPPERS[kind] ?? '', file };
}

/** A Kubernetes object document. */
export function k8s(object: Record<string, unknown>, file = 'k8s/objects.json'): InputDocument {
  return { kind: 'k8s-object', value: object, basePath: '', file };
}

export function bundle(
  provider: CheckProvider,
  documents: InputDocument[],
  kubernetesKinds: string[] = [],
  name = 'test',
): ClusterBundle {
  return { provider, name, documents, kubernetesKinds };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * Throws unless the outcome's message is English in `en` and Japanese in `ja`: every check run by
 * the tests goes through this, so a message left in English only fails the test that reaches it.
 */
export function assertBilingual(id: string, outcome: CheckOutcome): CheckOutcome {
  const { en, ja } = outcome.message;
  if (en.trim() === '' || JAPANESE.test(en)) {
    throw new Error(`${id}: the English message is empty or not English: ${en}`);
  }
  if (!JAPANESE.test(ja) || !/。$/.test(ja)) {
    throw new Error(`${id}: the Japanese message is missing or not a sentence: ${ja}`);
  }
  return outcome;
}

/** Runs the check `id` on a bundle. */
export function runCheck(
  id: string,
  input: ClusterBundle,
  context: EvaluationContext = testContext(),
): CheckOutcome {
  const check = checksFor(buildFacts(input)).find((candidate) => candidate.meta.id === id);
  if (check === undefined) {
    throw new Error(`no check ${id} for provider ${input.provider}`);
  }
  return assertBilingual(id, check.run(context));
}

/** Every check's verdict on a bundle, by id. */
export function verdicts(
  input: ClusterBundle,
  context: EvaluationContext = testContext(),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const check of checksFor(buildFacts(input))) {
    out[check.meta.id] = assertBilingual(check.meta.id, check.run(context)).verdict;
  }
  return out;
}
