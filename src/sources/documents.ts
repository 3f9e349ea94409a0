/**
 * Decoding manifest text into objects, quickly, while staying able to say where any field is.
 *
 * Text is split into YAML documents at `---` / `...` marker lines (which the YAML grammar forbids
 * inside any scalar, so the split is exact). Nearly every document is then decoded by the line
 * walker in shallow.ts; the rest, and every invalid one, by js-yaml here. Neither tracks
 * positions, which makes them several times faster than a parser that does. Positions are needed
 * only for findings: `locatorFor` (locate.ts) finds them on first use.
 */
import jsYaml from 'js-yaml';
import type { SourcePosition } from '../core/model.js';
import { jsonErrorOffset } from './json-error.js';

/** One YAML document of a file, with where it starts. */
export interface DocumentText {
  text: string;
  /** 1-based line of the document's first line in the file. */
  startLine: number;
  index: number;
}

/**
 * A marker line: `---` or `...` at the start of a line (after a line feed, or at the start of the
 * text), followed by a space, tab, carriage return, line feed or the end of the text. Only line
 * feeds end lines here, as in the walk (a multiline regular expression would take others).
 */
const MARKER_LINE = /(?<![^\n])(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;

/** Splits a YAML stream into documents. Empty documents (only comments or blanks) are kept. */
export function splitDocuments(text: string): DocumentText[] {
  const documents: DocumentText[] = [];
  let start = 0;
  let startLine = 1;
  let sawContentMarker = false;
  // Lines are counted only up to the markers: a file without any is one document at line 1.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (
      let at = text.indexOf('\n', counted);
      at >= 0 && at < offset;
      at = text.indexOf('\n', at + 1)
    ) {
      line++;
      counted = at + 1;
    }
    return line;
  };
  const push = (end: number): void => {
    documents.push({ text: text.slice(start, end), startLine, index: documents.length });
  };
  MARKER_LINE.lastIndex = 0;
  for (let match = MARKER_LINE.exec(text); match !== null; match = MARKER_LINE.exec(text)) {
    const offset = match.index;
    const isStart = text.charCodeAt(offset) === 45;
    if (offset > start || sawContentMarker) {
      push(offset);
    }
    const markerLine = lineAt(offset);
    if (isStart) {
      // The `---` line may carry content (`--- !tag` or `--- {a: 1}`): keep it in the next document.
      start = offset;
      startLine = markerLine;
    } else {
      const newline = text.indexOf('\n', offset);
      start = newline < 0 ? text.length + 1 : newline + 1;
      startLine = markerLine + 1;
    }
    sawContentMarker = isStart;
  }
  if (start < text.length || sawContentMarker) {
    push(text.length);
  }
  return documents;
}

/** js-yaml's built-in types; the typings do not declare this export. */
const builtinTypes = (jsYaml as unknown as { types: Record<'merge', jsYaml.Type> }).types;

/** `helm template` notes the template of each document in a comment before it. */
const HELM_SOURCE = '# Source: ';
/** Longer comments are not taken as template paths. */
const MAX_TEMPLATE_LENGTH = 1024;

/** What precedes a document's content. */
export interface Preamble {
  /** The line where the content starts: after the `---` marker, blank lines and comments. */
  contentLine: number;
  /**
   * The chart template the document was rendered from, when a `# Source: <path>` comment (which
   * `helm template` writes before each document) precedes the content; the last one wins.
   */
  template?: string;
}

/** Reads the lines before a document's content (marker, blank lines, comments, directives). */
export function preambleOf(document: DocumentText): Preamble {
  const text = document.text;
  const first = text.charCodeAt(0);
  // Nearly every document starts with its content: one look settles it. (Whitespace, including
  // the non-ASCII kinds that trim() removes, and `#`, `-`, `%` need the walk.)
  if (first > 32 && first < 127 && first !== 35 && first !== 45 && first !== 37) {
    return { contentLine: document.startLine };
  }
  const preamble: Preamble = { contentLine: document.startLine };
  let offset = 0;
  let line = document.startLine;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const content = text.slice(offset, end < 0 ? text.length : end).trim();
    if (content.startsWith(HELM_SOURCE)) {
      const path = content.slice(HELM_SOURCE.length).trim();
      if (path !== '' && path.length <= MAX_TEMPLATE_LENGTH) {
        preamble.template = path;
      }
    } else if (
      content !== '' &&
      !content.startsWith('#') &&
      content !== '---' &&
      !content.startsWith('--- #') &&
      !content.startsWith('%')
    ) {
      preamble.contentLine = line;
      return preamble;
    }
    if (end < 0) {
      break;
    }
    offset = end + 1;
    line++;
  }
  return preamble;
}

/**
 * YAML 1.2 core types plus merge keys (`<<: *base`), which manifests use. No timestamps: like
 * Kubernetes, dates stay strings.
 */
const SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [builtinTypes.merge] });

/** One of the schema's implicit types, as js-yaml applies it to plain scalars. */
interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}
const IMPLICIT_TYPES = (SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

/**
 * The value of a plain (unquoted) scalar under the same schema as {@link decodeYamlDocument}: a
 * null, boolean, integer or float where js-yaml finds one, otherwise the text itself. It asks
 * js-yaml's own type resolvers, in js-yaml's order, so the answer cannot drift from a full decode.
 */
export function resolvePlainScalar(text: string): unknown {
  for (const type of IMPLICIT_TYPES) {
    if (type.resolve(text)) {
      return type.construct(text);
    }
  }
  return text;
}

/** A decoding error with its position in the file. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly code: 'YAML_SYNTAX' | 'JSON_SYNTAX' | 'ALIAS_BOMB' | 'TOO_DEEP',
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Limits that stop hostile input from exhausting time or memory. */
export interface DecodeLimits {
  /** Deepest nesting of maps and lists accepted. */
  maxDepth: number;
  /** Most nodes reachable from one document, counting each alias expansion again. */
  maxNodes: number;
}

export const DEFAULT_LIMITS: DecodeLimits = { maxDepth: 256, maxNodes: 2_000_000 };

/**
 * Walks a decoded value, counting nodes reached through aliases again each time they are
 * reached, which is what any later consumer (a rule, the JSON reporter) would do. Fails fast on a
 * "billion laughs" document or a pathologically deep one.
 */
function checkShape(value: unknown, limits: DecodeLimits, startLine: number): void {
  let nodes = 0;
  // The maps and lists from the root to the node visited, to tell a cycle from deep nesting.
  const path: unknown[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > limits.maxDepth) {
      throw new DecodeError(
        new Set(path).size < path.length
          ? 'an alias refers to a map or list that contains it, so the document nests without end'
          : `nesting deeper than ${limits.maxDepth} levels`,
        startLine,
        1,
        'TOO_DEEP',
      );
    }
    if (++nodes > limits.maxNodes) {
      throw new DecodeError(
        `document expands to more than ${limits.maxNodes.toLocaleString('en')} nodes through YAML aliases (an "alias bomb"); refusing to process it`,
        startLine,
        1,
        'ALIAS_BOMB',
      );
    }
    if (Array.isArray(node)) {
      path.push(node);
      for (const item of node) {
        visit(item, depth + 1);
      }
      path.pop();
    } else if (typeof node === 'object' && node !== null) {
      path.push(node);
      for (const key in node) {
        visit((node as Record<string, unknown>)[key], depth + 1);
      }
      path.pop();
    }
  };
  visit(value, 0);
}

/**
 * Whether a document could expand through aliases or nest beyond the limit: only a document with
 * an alias (`*`) can expand, and deep nesting needs either more flow brackets than the limit or
 * very deep indentation. The bounding walk is skipped for all other documents, which is nearly
 * all of them.
 */
function mayExpandOrNest(text: string, limits: DecodeLimits): boolean {
  if (text.includes('*')) {
    return true;
  }
  let brackets = 0;
  for (let index = text.indexOf('{'); index >= 0; index = text.indexOf('{', index + 1)) {
    brackets++;
  }
  for (let index = text.indexOf('['); index >= 0; index = text.indexOf('[', index + 1)) {
    brackets++;
  }
  return brackets > limits.maxDepth || deepIndentation(limits.maxDepth).test(text);
}

/** A line indented by at least `depth` spaces; one expression per limit, made once. */
const deepIndentations = new Map<number, RegExp>();
function deepIndentation(depth: number): RegExp {
  let pattern = deepIndentations.get(depth);
  if (pattern === undefined) {
    pattern = new RegExp(`\\n {${depth},}\\S`);
    deepIndentations.set(depth, pattern);
  }
  return pattern;
}

/** Decodes one YAML document. Throws {@link DecodeError} with file-relative positions. */
export function decodeYamlDocument(
  document: DocumentText,
  limits: DecodeLimits = DEFAULT_LIMITS,
): unknown {
  let value: unknown;
  try {
    // js-yaml stops at a node nested this deep, which is exactly where checkShape would: the
    // limit is the same whichever decoder reads the document (js-yaml's own default is 100).
    const options: jsYaml.LoadOptions & { maxDepth: number } = {
      schema: SCHEMA,
      maxDepth: limits.maxDepth + 1,
    };
    value = jsYaml.load(document.text, options);
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      // An unterminated construct is reported at the end of input: keep that inside the document.
      const lastLine = document.startLine + document.text.replace(/\n$/, '').split('\n').length - 1;
      const line = Math.min(document.startLine + (mark?.line ?? 0), lastLine);
      const column = line === document.startLine + (mark?.line ?? 0) ? (mark?.column ?? 0) + 1 : 1;
      if (error.reason.startsWith('nesting exceeded maxDepth')) {
        throw new DecodeError(
          `nesting deeper than ${limits.maxDepth} levels`,
          line,
          column,
          'TOO_DEEP',
        );
      }
      throw new DecodeError(error.reason || error.message, line, column, 'YAML_SYNTAX');
    }
    if (error instanceof RangeError) {
      throw new DecodeError('nesting too deep to decode', document.startLine, 1, 'TOO_DEEP');
    }
    throw error;
  }
  if (typeof value === 'object' && value !== null && mayExpandOrNest(document.text, limits)) {
    checkShape(value, limits, document.startLine);
  }
  return value;
}

/** Converts a character offset in `text` to a 1-based line and column. */
export function positionAt(text: string, offset: number, firstLine = 1): SourcePosition {
  let line = firstLine;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index >= 0 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Decodes a JSON file. JSON syntax errors carry the line and column of the offending character. */
export function decodeJson(text: string, limits: DecodeLimits = DEFAULT_LIMITS): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const position = positionAt(text, offset);
    const found = offset >= text.length ? 'end of input' : JSON.stringify(text.charAt(offset));
    throw new DecodeError(
      `invalid JSON: unexpected ${found}`,
      position.line,
      position.column,
      'JSON_SYNTAX',
    );
  }
  checkShape(value, limits, 1);
  return value;
}
