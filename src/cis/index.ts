/**
 * The CIS Kubernetes Benchmark assessment: pure functions over a node's facts.
 *
 * `assessNode(facts, profile?)` is the entry point; the collector lives in `src/sources/node`.
 */
export { assessNode, assessWith, ASSESSMENT_SCHEMA, type Assessment } from './assess.js';
export { BENCHMARKS, benchmarkById } from './benchmarks/index.js';
export { chooseBenchmark, detectPlatform, type ProfileChoice } from './detect.js';
export { emptyFacts, FACTS_SCHEMA, validateFacts, type NodeFacts } from './facts.js';
export { collectionPlan, type CollectionPlan, type PathRef } from './locate.js';
export { RECOMMENDATIONS, recommendation } from './recommendations/index.js';
export {
  renderCompareMarkdown,
  renderCompareTable,
  type NamedAssessment,
} from './report/compare.js';
export { renderJson } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { renderSarif } from './report/sarif.js';
export { renderTable } from './report/table.js';
export { summarize, tally, type Summary, type Tally } from './summary.js';
export type { Benchmark, Result, Verdict } from './types.js';
