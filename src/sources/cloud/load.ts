/**
 * The file-system side of `mamori cloud`: expands paths, decodes JSON and YAML files, recognises
 * each document and groups them into cluster bundles. Every file is accounted for: used, skipped
 * with a reason, or reported as a problem.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type {
  InputDocument,
  InputProblem,
  SkippedInput,
  ClusterBundle,
} from '../../cloud/types.js';
import {
  DecodeError,
  decodeJson,
  decodeYamlDocument,
  DEFAULT_LIMITS,
  splitDocuments,
} from '../documents.js';
import { expandPaths } from '../files.js';
import { assembleBundles, kindsFromFileName, type KindHint } from './bundle.js';
import { detectDocuments } from './detect.js';

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadedInputs {
  bundles: ClusterBundle[];
  documents: InputDocument[];
  skipped: SkippedInput[];
  problems: InputProblem[];
}

export interface DecodedText {
  values: unknown[];
  problems: InputProblem[];
}

/** Decodes JSON (`.json`) or multi-document YAML text. */
export function decodeText(text: string, file: string): DecodedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: InputProblem[] = [];
  const values: unknown[] = [];
  const report = (error: unknown): void => {
    if (error instanceof DecodeError) {
      problems.push({ file, message: error.message, line: error.line, column: error.column });
    } else {
      throw error;
    }
  };
  const trimmed = body.trimStart();
  if (/\.json$/i.test(file) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      values.push(decodeJson(body, DEFAULT_LIMITS));
      return { values, problems };
    } catch (error) {
      if (/\.json$/i.test(file)) {
        report(error);
        return { values, problems };
      }
      // Not JSON after all (YAML flow style): fall through to YAML.
    }
  }
  for (const document of splitDocuments(body)) {
    try {
      const value = decodeYamlDocument(document, DEFAULT_LIMITS);
      if (value !== null && value !== undefined) {
        values.push(value);
      }
    } catch (error) {
      report(error);
    }
  }
  return { values, problems };
}

interface Collected {
  documents: InputDocument[];
  hints: KindHint[];
  skipped: SkippedInput[];
  problems: InputProblem[];
}

/** Recognises the documents of one file's text; `explicit` files that hold nothing usable are problems. */
export function collectText(text: string, file: string, explicit: boolean, into: Collected): void {
  const decoded = decodeText(text, file);
  into.problems.push(...decoded.problems);
  const nameKinds = kindsFromFileName(file);
  if (nameKinds.length > 0) {
    into.hints.push({ file, kinds: nameKinds });
  }
  let used = 0;
  const reasons: string[] = [];
  for (const value of decoded.values) {
    const detection = detectDocuments(value, file);
    into.documents.push(...detection.documents);
    used += detection.documents.length;
    if (detection.kubernetesKinds.length > 0) {
      into.hints.push({ file, kinds: detection.kubernetesKinds });
      used++;
    }
    reasons.push(
      ...detection.skipped.filter((reason) => reason !== 'an empty list' || nameKinds.length === 0),
    );
  }
  if (
    used === 0 &&
    decoded.problems.length === 0 &&
    nameKinds.length === 0 &&
    explicit &&
    decoded.values.length > 0
  ) {
    into.problems.push({
      file,
      message: `${reasons[0] ?? 'nothing usable'} (see docs/cloud.md for accepted inputs)`,
    });
    return;
  }
  if (
    used === 0 &&
    decoded.values.length === 0 &&
    decoded.problems.length === 0 &&
    nameKinds.length === 0
  ) {
    into.skipped.push({ file, reason: 'empty file' });
  }
  into.skipped.push(...[...new Set(reasons)].map((reason) => ({ file, reason })));
}

/** Reads the inputs named on the command line; `stdin` holds the text of `-` when given. */
export function loadInputs(
  paths: readonly string[],
  stdin?: string,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): LoadedInputs {
  const into: Collected = { documents: [], hints: [], skipped: [], problems: [] };
  const explicit = new Set(paths);
  const files = paths.filter((path) => path !== '-');
  if (paths.includes('-') && stdin !== undefined) {
    collectText(stdin, '<stdin>', true, into);
  }
  for (const entry of expandPaths(files, { exclude: [], kustomize: 'never' })) {
    if (entry.kind === 'problem') {
      into.problems.push({ file: entry.problem.file, message: entry.problem.message });
      continue;
    }
    if (entry.kind === 'skipped') {
      into.skipped.push({ file: entry.skipped.file, reason: entry.skipped.reason });
      continue;
    }
    if (entry.kind !== 'file') {
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.path);
    } catch (error) {
      const code =
        typeof error === 'object' && error !== null && 'code' in error
          ? String(error.code)
          : String(error);
      into.problems.push({ file: entry.path, message: `cannot read: ${code}` });
      continue;
    }
    if (bytes.length > maxFileBytes) {
      into.problems.push({
        file: entry.path,
        message: `file is ${bytes.length} bytes, over the limit of ${maxFileBytes}`,
      });
      continue;
    }
    if (bytes.subarray(0, 8192).includes(0) || !isUtf8(bytes)) {
      into.problems.push({ file: entry.path, message: 'not UTF-8 text' });
      continue;
    }
    collectText(bytes.toString('utf8'), entry.path, explicit.has(entry.path), into);
  }
  return {
    bundles: assembleBundles(into.documents, into.hints),
    documents: into.documents,
    skipped: into.skipped,
    problems: into.problems,
  };
}
