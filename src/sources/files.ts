/**
 * The file-system adapter: expands paths into input files, reads them defensively, and decodes
 * them into resources. Every file is accounted for: it yields resources, a skip reason, or an
 * error with its location.
 */
import { isUtf8 } from 'node:buffer';
import {
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem, ProblemCode, Resource, Skipped } from '../core/model.js';
import { globToRegExp } from '../core/config.js';
import {
  DecodeError,
  DEFAULT_LIMITS,
  decodeJson,
  decodeYamlDocument,
  preambleOf,
  splitDocuments,
  type DecodeLimits,
} from './documents.js';
import { locatorFor } from './locate.js';
import type { PositionTable, RecordedPositions } from './positions.js';
import { resourcesOf } from './resources.js';
import { decodeFast, MAX_FAST_DEPTH, shallowScan } from './shallow.js';
import { TextMemo } from './text-memo.js';

export const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What decoding one input (a file or stdin) produced. */
export interface InputOutcome {
  file: string;
  bytes: number;
  documents: number;
  /** The resources, unless a sink consumed them as they were decoded. */
  resources: Resource[];
  problems: Problem[];
  skipped: Skipped[];
}

/** Receives resources as they are decoded, so that a long stream need not be held in memory. */
export type ResourceSink = (resource: Resource) => void;

/**
 * Whether anything reads more of an object of this kind than its header (apiVersion, kind, name,
 * namespace). Documents of other kinds are only checked for syntax, which is much cheaper than
 * decoding them.
 */
export type BodyNeed = (kind: string) => boolean;

/**
 * Documents decoded lately, by text. Repositories hold the same manifests more than once (an
 * install.yaml beside its high-availability variant, vendored copies): a document seen before is
 * not decoded again, and its resources share the value (rules only read it) and the positions
 * recorded for it (relative to the document, so right for each copy). A fifth of the decoded
 * bytes of the corpus are such repeats. Bounded by the text it holds, oldest dropped first.
 */
const decodedBefore = new TextMemo<RecordedPositions>(2 * 1024 * 1024);
/** Shorter documents are decoded every time: looking them up would cost about as much. */
const REMEMBER_DECODED_FROM = 512;

/** A top-level `kind:` line: a cheap guess, before the shallow check gives the real header. */
const KIND_LINE = /^kind: *["']?([A-Za-z0-9]+)/m;

/**
 * The header of a document whose body nothing needs, as the object handed on; `undefined` when
 * the document must be decoded. Documents with mamori annotations are always decoded, since
 * those can suppress findings.
 */
function headerOnly(text: string, needsBody: BodyNeed | undefined): object | undefined {
  if (needsBody === undefined || text.length < 1024) {
    return undefined;
  }
  const guess = KIND_LINE.exec(text)?.[1];
  if (guess === undefined || needsBody(guess)) {
    return undefined;
  }
  const header = shallowScan(text);
  if (header === undefined || needsBody(header.kind)) {
    return undefined;
  }
  const { apiVersion, kind, mamoriAnnotations, ...metadata } = header;
  return mamoriAnnotations === true ? undefined : { apiVersion, kind, metadata };
}

export interface ReadOptions {
  /** Files larger than this are refused. */
  maxFileBytes: number;
  limits: DecodeLimits;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxFileBytes: 32 * 1024 * 1024,
  limits: DEFAULT_LIMITS,
};

function problem(
  code: ProblemCode,
  file: string,
  message: string,
  line?: number,
  column?: number,
): Problem {
  const out: Problem = { code, file, message };
  if (line !== undefined) {
    out.line = line;
    out.column = column ?? 1;
  }
  return out;
}

function emptyOutcome(file: string, bytes = 0): InputOutcome {
  return { file, bytes, documents: 0, resources: [], problems: [], skipped: [] };
}

/**
 * Decodes manifest text. `json` selects strict JSON decoding (for `.json` files); YAML is a
 * superset, so stdin and other files go through the YAML path.
 */
export function decodeText(
  text: string,
  file: string,
  json: boolean,
  limits: DecodeLimits,
  sink?: ResourceSink,
  needsBody?: BodyNeed,
  byteLength = Buffer.byteLength(text),
): InputOutcome {
  const outcome = emptyOutcome(file, byteLength);
  const emit = sink ?? ((resource: Resource) => outcome.resources.push(resource));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    outcome.skipped.push({ file, reason: 'empty file' });
    return outcome;
  }
  if (json) {
    try {
      const value = decodeJson(body, limits);
      outcome.documents = 1;
      const found = resourcesOf(value, file, 0, { line: 1, column: 1 }, locatorFor(body, 1), {
        text: body,
        startLine: 1,
      });
      found.resources.forEach(emit);
      outcome.skipped.push(...found.skipped);
    } catch (error) {
      if (!(error instanceof DecodeError)) {
        throw error;
      }
      outcome.problems.push(problem(error.code, file, error.message, error.line, error.column));
    }
    return outcome;
  }
  for (const document of splitDocuments(body)) {
    const preamble = preambleOf(document);
    let value: unknown = headerOnly(document.text, needsBody);
    let recorded: RecordedPositions | undefined;
    if (value === undefined && limits.maxDepth > MAX_FAST_DEPTH) {
      // The walker decodes nearly every manifest; js-yaml takes the rest, and gives the errors.
      // It also notes where every key and item is, so that findings need no second look.
      recorded =
        document.text.length < REMEMBER_DECODED_FROM ? undefined : decodedBefore.get(document.text);
      if (recorded !== undefined) {
        value = recorded.root;
      } else {
        const positions: PositionTable = new Map();
        value = decodeFast(document.text, positions);
        if (value !== undefined) {
          recorded = { root: value, positions };
          if (document.text.length >= REMEMBER_DECODED_FROM) {
            decodedBefore.set(document.text, recorded);
          }
        }
      }
    }
    try {
      if (value === undefined) {
        value = decodeYamlDocument(document, limits);
      }
    } catch (error) {
      if (!(error instanceof DecodeError)) {
        throw error;
      }
      outcome.documents++;
      const failed = problem(error.code, file, error.message, error.line, error.column);
      if (preamble.template !== undefined) {
        failed.template = preamble.template;
      }
      outcome.problems.push(failed);
      continue;
    }
    if (value === null || value === undefined) {
      // A document holding only comments, or the empty one after a trailing `---`.
      continue;
    }
    outcome.documents++;
    const start = { line: preamble.contentLine, column: 1 };
    const found = resourcesOf(
      value,
      file,
      document.index,
      start,
      locatorFor(document.text, document.startLine, recorded),
      {
        text: document.text,
        startLine: document.startLine,
      },
      preamble.template,
    );
    found.resources.forEach(emit);
    outcome.skipped.push(...found.skipped);
  }
  return outcome;
}

/** Decodes raw bytes, refusing binary, non-UTF-8 and oversized input with a clear reason. */
export function decodeBytes(
  bytes: Buffer,
  file: string,
  json: boolean,
  options: ReadOptions,
  sink?: ResourceSink,
  needsBody?: BodyNeed,
): InputOutcome {
  if (bytes.length > options.maxFileBytes) {
    const outcome = emptyOutcome(file, bytes.length);
    outcome.problems.push(
      problem(
        'TOO_LARGE',
        file,
        `file is ${bytes.length.toLocaleString('en')} bytes, over the limit of ${options.maxFileBytes.toLocaleString('en')} (raise it with --max-file-size)`,
      ),
    );
    return outcome;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const outcome = emptyOutcome(file, bytes.length);
    outcome.problems.push(problem('NOT_UTF8', file, 'file is UTF-16 encoded; convert it to UTF-8'));
    return outcome;
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    const outcome = emptyOutcome(file, bytes.length);
    outcome.problems.push(
      problem('BINARY_FILE', file, 'file looks binary (it contains NUL bytes); not a manifest'),
    );
    return outcome;
  }
  if (!isUtf8(bytes)) {
    const outcome = emptyOutcome(file, bytes.length);
    const text = bytes.toString('utf8');
    const bad = text.indexOf('\ufffd');
    const before = text.slice(0, Math.max(bad, 0));
    const line = before.split('\n').length;
    outcome.problems.push(
      problem('NOT_UTF8', file, 'file is not valid UTF-8', line, bad - before.lastIndexOf('\n')),
    );
    return outcome;
  }
  return decodeText(
    bytes.toString('utf8'),
    file,
    json,
    options.limits,
    sink,
    needsBody,
    bytes.length,
  );
}

/** One entry of the expanded input: a file to read, or a kustomization directory to render. */
export type InputEntry =
  | { kind: 'file'; path: string }
  | { kind: 'kustomize'; path: string }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'skipped'; skipped: Skipped };

export interface ExpandOptions {
  /** Glob patterns of paths to leave out. */
  exclude: readonly string[];
  /** `auto`: render a directory named on the command line that holds a kustomization; `always`: also those found while walking; `never`. */
  kustomize: 'auto' | 'always' | 'never';
}

function hasKustomization(directory: string): boolean {
  return KUSTOMIZATION_FILES.some((name) => {
    try {
      return statSync(join(directory, name)).isFile();
    } catch {
      return false;
    }
  });
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

/** An input that could not be read: `cannot <what>: <error code>`. */
function unreadable(path: string, what: string, error: unknown): InputEntry {
  return {
    kind: 'problem',
    problem: problem('UNREADABLE', path, `cannot ${what}: ${errorCode(error) ?? String(error)}`),
  };
}

/**
 * Expands command-line paths into input entries, recursively and in a stable order. Symlinked
 * directories are followed once; a loop is reported, never followed forever.
 */
export function expandPaths(paths: readonly string[], options: ExpandOptions): InputEntry[] {
  // Plain recursion into one list: generators nested as deep as the directories cost a
  // resumption per level for every file.
  const out: InputEntry[] = [];
  const excluded = options.exclude.map(globToRegExp);
  const isExcluded = (path: string): boolean => {
    if (excluded.length === 0) {
      return false;
    }
    const normal = path.replace(/\\/g, '/').replace(/^\.\//, '');
    return excluded.some((pattern) => pattern.test(normal));
  };
  /**
   * Walks `path`. `plainDirectory` is the real path of a directory found as a directory entry (not
   * through a link) under a directory whose real path is known: it needs no system call to say
   * what it is or where it really is.
   */
  function walk(
    path: string,
    explicit: boolean,
    ancestors: ReadonlySet<string>,
    plainDirectory?: string,
  ): void {
    if (plainDirectory !== undefined) {
      directory(path, explicit, ancestors, plainDirectory);
      return;
    }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') {
        out.push({ kind: 'problem', problem: problem('SYMLINK_LOOP', path, 'symbolic link loop') });
      } else if (code === 'ENOENT') {
        out.push({
          kind: 'problem',
          problem: problem(
            'NOT_FOUND',
            path,
            explicit ? 'no such file or directory' : 'broken symbolic link',
          ),
        });
      } else {
        out.push(unreadable(path, 'read', error));
      }
      return;
    }
    if (stats.isDirectory()) {
      let real: string;
      try {
        // One realpath(3) call; the JavaScript version stats every component of the path.
        real = realpathSync.native(path);
      } catch (error) {
        out.push(unreadable(path, 'resolve', error));
        return;
      }
      directory(path, explicit, ancestors, real);
      return;
    }
    if (!stats.isFile()) {
      out.push({ kind: 'skipped', skipped: { file: path, reason: 'not a regular file' } });
      return;
    }
    out.push({ kind: 'file', path });
  }
  /** A directory, whose real path is `real`. */
  function directory(
    path: string,
    explicit: boolean,
    ancestors: ReadonlySet<string>,
    real: string,
  ): void {
    if (ancestors.has(real)) {
      out.push({
        kind: 'problem',
        problem: problem(
          'SYMLINK_LOOP',
          path,
          `symbolic link loop back to ${relative('.', real) || '.'}`,
        ),
      });
      return;
    }
    if (
      options.kustomize !== 'never' &&
      (explicit || options.kustomize === 'always') &&
      hasKustomization(path)
    ) {
      out.push({ kind: 'kustomize', path });
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      out.push(unreadable(path, 'list directory', error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const inner = new Set(ancestors).add(real);
    // join(path, name) for every entry, with the path normalised once: an entry's name is one
    // component (no separator, never `.` or `..`), so it is appended as it is.
    const base = join(path, '_').slice(0, -1);
    const realBase = join(real, '_').slice(0, -1);
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') {
        continue;
      }
      const child = base + name;
      if (isExcluded(child)) {
        continue;
      }
      if (entry.isFile()) {
        // A regular file (not a link): its directory entry says all there is to know.
        if (MANIFEST_EXTENSIONS.test(name)) {
          out.push({ kind: 'file', path: child });
        }
        continue;
      }
      if (!entry.isDirectory()) {
        // A symbolic link (or something stranger): what it points to decides.
        let target: Stats | undefined;
        try {
          target = statSync(child);
        } catch {
          target = undefined;
        }
        if (target?.isFile() === true && !MANIFEST_EXTENSIONS.test(name)) {
          continue;
        }
      }
      walk(child, false, inner, entry.isDirectory() ? realBase + name : undefined);
    }
  }
  for (const path of paths) {
    walk(path, true, new Set());
  }
  return out;
}

/** Reads and decodes one file. */
export function readManifestFile(
  path: string,
  options: ReadOptions,
  sink?: ResourceSink,
  needsBody?: BodyNeed,
): InputOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const outcome = emptyOutcome(path);
    outcome.problems.push(
      problem('UNREADABLE', path, `cannot read: ${errorCode(error) ?? String(error)}`),
    );
    return outcome;
  }
  return decodeBytes(bytes, path, /\.json$/i.test(path), options, sink, needsBody);
}
