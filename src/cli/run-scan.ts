/**
 * The scan pipeline, shared by the commands that scan manifests: expand inputs, decode them,
 * stream resources through the engine, and assemble the result.
 */
import { Engine } from '../core/engine.js';
import type { Config } from '../core/config.js';
import type { Finding, Language, Problem, Resource, ScanResult, Skipped } from '../core/model.js';
import type { AnyRule } from '../core/rule.js';
import { decodeBytes, decodeText, expandPaths, readManifestFile, type InputOutcome, type ReadOptions } from '../sources/files.js';
import { renderKustomization } from '../sources/kustomize.js';
import type { CliIO } from './io.js';

export interface ScanRequest {
  paths: readonly string[];
  rules: readonly AnyRule[];
  config: Config;
  lang: Language;
  read: ReadOptions;
  kustomize: 'auto' | 'always' | 'never';
  /** Called after each input, for progress display. */
  onProgress?: (done: { files: number; resources: number }) => void;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/** Scans the requested paths (`-` is standard input). */
export async function runScan(request: ScanRequest, io: CliIO): Promise<ScanResult> {
  const today = io.now().toISOString().slice(0, 10);
  const engine = new Engine(request.rules, { config: request.config, lang: request.lang, today });
  const problems: Problem[] = [];
  const skipped: Skipped[] = [];
  const stats = { files: 0, documents: 0, resources: 0, bytes: 0 };

  const sink = (resource: Resource): void => {
    if (engine.excludes(resource)) {
      skipped.push({
        file: resource.file,
        line: resource.position.line,
        documentIndex: resource.documentIndex,
        reason: `excluded by configuration (${resource.ref.kind} ${resource.ref.namespace ?? ''}/${resource.ref.name})`,
      });
      return;
    }
    stats.resources++;
    engine.scan(resource);
  };
  const consume = (outcome: InputOutcome): void => {
    stats.files++;
    stats.bytes += outcome.bytes;
    stats.documents += outcome.documents;
    problems.push(...outcome.problems);
    skipped.push(...outcome.skipped);
    request.onProgress?.({ files: stats.files, resources: stats.resources });
  };

  const filePaths = request.paths.filter((path) => path !== '-');
  if (request.paths.includes('-')) {
    consume(decodeBytes(await io.readStdin(), '<stdin>', false, request.read, sink));
  }
  for (const entry of expandPaths(filePaths, { exclude: request.config.exclude.paths, kustomize: request.kustomize })) {
    switch (entry.kind) {
      case 'file':
        consume(readManifestFile(entry.path, request.read, sink));
        break;
      case 'kustomize': {
        const rendered = renderKustomization(entry.path, io.env.PATH);
        if (rendered.ok) {
          consume(decodeText(rendered.text, entry.path, false, request.read.limits, sink));
        } else {
          stats.files++;
          problems.push({ code: 'KUSTOMIZE', file: entry.path, message: rendered.message });
        }
        break;
      }
      case 'problem':
        problems.push(entry.problem);
        break;
      case 'skipped':
        skipped.push(entry.skipped);
        break;
    }
  }
  const output = engine.finish();
  return {
    findings: output.findings.sort(compareFindings),
    problems: [...problems, ...output.problems].sort(compareProblems),
    skipped,
    stats,
  };
}
