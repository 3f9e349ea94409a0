/**
 * The scan pipeline, shared by the commands that scan manifests: expand inputs, decode them,
 * stream resources through the engine, and assemble the result.
 *
 * Large inputs are decoded in parallel: worker threads and the main thread take files from one
 * shared counter, each running the rules that look at one object at a time. Objects that the
 * cross-object rules need are sent back and checked at the end, in the main thread.
 */
import type * as WorkerThreads from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../core/config.js';
import { Engine, mergeCoverage, type Coverage, type EngineOutput } from '../core/engine.js';
import type {
  Finding,
  Language,
  Problem,
  Resource,
  ScanResult,
  ScanStats,
  Skipped,
} from '../core/model.js';
import type { AnyRule } from '../core/rule.js';
import { RULES } from '../rules/index.js';
import {
  decodeBytes,
  decodeText,
  expandPaths,
  readManifestFile,
  type InputOutcome,
  type ReadOptions,
} from '../sources/files.js';
import { renderKustomization } from '../sources/kustomize.js';
import { locatorFor } from '../sources/locate.js';
import { compareFindings, compareProblems, compareSkipped } from '../reporters/summary.js';
import type { CliIO } from './io.js';

export interface ScanRequest {
  paths: readonly string[];
  rules: readonly AnyRule[];
  config: Config;
  lang: Language;
  read: ReadOptions;
  kustomize: 'auto' | 'always' | 'never';
  /** Worker threads to use besides the main thread; default: one per spare core, for large inputs. */
  workers?: number;
  /** Record per-rule coverage for compliance reports. */
  trackCoverage?: boolean;
  /** Called now and then, for progress display. */
  onProgress?: (done: { files: number; total: number }) => void;
}

/** A resource sent from a worker to the main thread: plain data plus its document text. */
export interface ShippedResource {
  object: Resource['object'];
  ref: Resource['ref'];
  file: string;
  documentIndex: number;
  position: Resource['position'];
  pointerPrefix?: string;
  document?: { text: string; startLine: number };
  template?: string;
}

/** What a worker (or the main thread's share) produced. */
export interface PartialScan {
  coverage?: Coverage;
  findings: Finding[];
  problems: Problem[];
  skipped: Skipped[];
  stats: ScanStats;
  later: ShippedResource[];
}

/** Settings a worker needs to rebuild the pipeline; plain data only. */
export interface WorkerInput {
  files: string[];
  counter: SharedArrayBuffer;
  config: Config;
  lang: Language;
  today: string;
  read: ReadOptions;
  trackCoverage: boolean;
}

const require = createRequire(import.meta.url);

/** Inputs of at most this many files (and no stdin) count as short runs: see CliIO. */
const SHORT_RUN_FILES = 2000;

/** Inputs below this many files are scanned on the main thread alone. */
const PARALLEL_MIN_FILES = 48;

/** Ships a resource to another thread. */
export function shipResource(resource: Resource): ShippedResource {
  const { object, ref, file, documentIndex, position, pointerPrefix, document, template } =
    resource;
  const shipped: ShippedResource = { object, ref, file, documentIndex, position };
  if (pointerPrefix !== undefined) {
    shipped.pointerPrefix = pointerPrefix;
  }
  if (document !== undefined) {
    shipped.document = document;
  }
  if (template !== undefined) {
    shipped.template = template;
  }
  return shipped;
}

function unshipResource(shipped: ShippedResource): Resource {
  const resource: Resource = { ...shipped };
  if (shipped.document !== undefined) {
    resource.locate = locatorFor(shipped.document.text, shipped.document.startLine);
  }
  return resource;
}

/**
 * Scans files taken from a shared counter with the single-object rules. Runs in each worker and
 * in the main thread.
 */
export function scanShare(
  input: Omit<WorkerInput, 'counter'> & { counter: Int32Array },
  rules: readonly AnyRule[],
  keepLater: (resource: Resource) => void,
): PartialScan {
  const engine = new Engine(rules, {
    config: input.config,
    lang: input.lang,
    today: input.today,
    phase: 'immediate',
    trackCoverage: input.trackCoverage,
  });
  const partial: PartialScan = {
    findings: [],
    problems: [],
    skipped: [],
    stats: { files: 0, documents: 0, resources: 0, bytes: 0 },
    later: [],
  };
  const sink = sinkFor(engine, partial, keepLater);
  for (;;) {
    const index = Atomics.add(input.counter, 0, 1);
    const file = input.files[index];
    if (file === undefined) {
      break;
    }
    addOutcome(partial, readManifestFile(file, input.read, sink, needsBodyOf(engine)));
    Atomics.add(input.counter, 1, 1);
  }
  const output = engine.finish();
  partial.findings.push(...output.findings);
  partial.problems.push(...output.problems);
  if (output.coverage !== undefined) {
    partial.coverage = output.coverage;
  }
  return partial;
}

function sinkFor(engine: Engine, partial: PartialScan, keepLater: (resource: Resource) => void) {
  return (resource: Resource): void => {
    if (engine.excludes(resource)) {
      partial.skipped.push({
        file: resource.file,
        line: resource.position.line,
        documentIndex: resource.documentIndex,
        reason: `excluded by configuration (${resource.ref.kind} ${resource.ref.namespace ?? ''}/${resource.ref.name})`,
      });
      return;
    }
    partial.stats.resources++;
    if (engine.scan(resource)) {
      keepLater(resource);
    }
  };
}

/** What the engine's rules need of each kind, for the sources. */
function needsBodyOf(engine: Engine): (kind: string) => boolean {
  return (kind) => engine.needsBody(kind);
}

function addOutcome(partial: PartialScan, outcome: InputOutcome): void {
  partial.stats.files++;
  partial.stats.bytes += outcome.bytes;
  partial.stats.documents += outcome.documents;
  partial.problems.push(...outcome.problems);
  partial.skipped.push(...outcome.skipped);
}

function workerUrl(): URL | undefined {
  const url = new URL('./scan-worker.js', import.meta.url);
  // When running from TypeScript sources (tests), there is no compiled worker: stay in-process.
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

function startWorker(url: URL, input: WorkerInput): Promise<PartialScan> {
  return new Promise((resolve, reject) => {
    // Loaded only for a parallel scan: most runs have no workers.
    const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
    const worker = new Worker(url, { workerData: input });
    let result: PartialScan | undefined;
    worker.once('message', (message: PartialScan) => {
      result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result !== undefined) {
        resolve(result);
      } else {
        reject(new Error(`scan worker exited with code ${code} before reporting`));
      }
    });
  });
}

/** Runs the cross-object rules over the objects the threads of a parallel scan kept. */
function crossObject(
  request: ScanRequest,
  today: string,
  trackCoverage: boolean,
  resources: readonly Resource[],
): EngineOutput {
  const deferred = new Engine(request.rules, {
    config: request.config,
    lang: request.lang,
    today,
    phase: 'deferred',
    trackCoverage,
  });
  for (const resource of resources) {
    deferred.scan(resource);
  }
  return deferred.finish();
}

/** Scans the requested paths (`-` is standard input). */
export async function runScan(request: ScanRequest, io: CliIO): Promise<ScanResult> {
  const today = io.now().toISOString().slice(0, 10);
  const main: PartialScan = {
    findings: [],
    problems: [],
    skipped: [],
    stats: { files: 0, documents: 0, resources: 0, bytes: 0 },
    later: [],
  };
  const later: Resource[] = [];
  const keepLater = (resource: Resource): void => {
    later.push(resource);
  };
  const trackCoverage = request.trackCoverage === true;

  const files: string[] = [];
  const kustomizations: string[] = [];
  for (const entry of expandPaths(
    request.paths.filter((path) => path !== '-'),
    { exclude: request.config.exclude.paths, kustomize: request.kustomize },
  )) {
    if (entry.kind === 'file') {
      files.push(entry.path);
    } else if (entry.kind === 'kustomize') {
      kustomizations.push(entry.path);
    } else if (entry.kind === 'problem') {
      main.problems.push(entry.problem);
    } else {
      main.skipped.push(entry.skipped);
    }
  }

  if (!request.paths.includes('-') && files.length <= SHORT_RUN_FILES) {
    io.tuneForShortRun?.();
  }

  const url = workerUrl();
  // On two cores a worker thread does not pay: V8's garbage collector already uses the second
  // core for the main thread (measured: --jobs 1 is slower than --jobs 0 there). More cores do.
  const cores = availableParallelism();
  const spare = request.workers ?? (cores <= 2 ? 0 : Math.min(cores - 1, 3));
  const parallel =
    url !== undefined && spare > 0 && files.length >= PARALLEL_MIN_FILES && request.rules === RULES;
  // Alone, the main thread's engine runs every rule, the cross-object ones when it finishes. With
  // workers it runs the single-object rules as they do, and keeps what the cross-object rules
  // need for a second engine that runs them over what every thread kept.
  const engine = new Engine(request.rules, {
    config: request.config,
    lang: request.lang,
    today,
    phase: parallel ? 'immediate' : 'all',
    trackCoverage,
  });
  const sink = sinkFor(engine, main, parallel ? keepLater : () => undefined);
  const needsBody = needsBodyOf(engine);
  if (request.paths.includes('-')) {
    addOutcome(
      main,
      decodeBytes(await io.readStdin(), '<stdin>', false, request.read, sink, needsBody),
    );
  }
  for (const directory of kustomizations) {
    const rendered = renderKustomization(directory, io.env.PATH);
    if (rendered.ok) {
      addOutcome(
        main,
        decodeText(rendered.text, directory, false, request.read.limits, sink, needsBody),
      );
    } else {
      main.stats.files++;
      main.problems.push({ code: 'KUSTOMIZE', file: directory, message: rendered.message });
    }
  }

  const counter = new SharedArrayBuffer(8);
  const counters = new Int32Array(counter);
  const shared = {
    files,
    config: request.config,
    lang: request.lang,
    today,
    read: request.read,
    trackCoverage,
  };
  const workers =
    parallel && url !== undefined
      ? Array.from({ length: spare }, () => startWorker(url, { ...shared, counter }))
      : [];
  // The main thread takes its share too; it reports progress between files.
  let lastProgress = 0;
  for (;;) {
    const index = Atomics.add(counters, 0, 1);
    const file = files[index];
    if (file === undefined) {
      break;
    }
    addOutcome(main, readManifestFile(file, request.read, sink, needsBody));
    Atomics.add(counters, 1, 1);
    const now = Date.now();
    if (request.onProgress !== undefined && now - lastProgress > 200) {
      lastProgress = now;
      request.onProgress({ files: Atomics.load(counters, 1), total: files.length });
    }
  }
  const own = engine.finish();
  main.findings.push(...own.findings);
  main.problems.push(...own.problems);
  main.coverage = own.coverage;
  const parts = [main, ...(await Promise.all(workers))];

  const late = parallel
    ? crossObject(request, today, trackCoverage, [
        ...later,
        ...parts.slice(1).flatMap((part) => part.later.map(unshipResource)),
      ])
    : undefined;
  const stats = { files: 0, documents: 0, resources: 0, bytes: 0 };
  for (const part of parts) {
    stats.files += part.stats.files;
    stats.documents += part.stats.documents;
    stats.resources += part.stats.resources;
    stats.bytes += part.stats.bytes;
  }
  const result: ScanResult = {
    findings: [...parts.flatMap((part) => part.findings), ...(late?.findings ?? [])].sort(
      compareFindings,
    ),
    problems: [...parts.flatMap((part) => part.problems), ...(late?.problems ?? [])].sort(
      compareProblems,
    ),
    skipped: parts.flatMap((part) => part.skipped).sort(compareSkipped),
    stats,
  };
  if (trackCoverage) {
    const coverage: Coverage = {};
    for (const part of parts) {
      mergeCoverage(coverage, part.coverage);
    }
    mergeCoverage(coverage, late?.coverage);
    result.coverage = coverage;
  }
  return result;
}
