/**
 * Node fact collection (I/O); the assessment itself is pure and lives in `src/cis`.
 */
export { collectNodeFacts, type CollectOptions } from './collect.js';
export { nodeFs, STAT_OVERLAY } from './fs.js';
export { componentOfArgv, readProcesses, staticPodsOf } from './processes.js';
