/**
 * mamori's data model: resources as read from input, findings, errors and the result of a scan.
 * Everything here is plain data, serialisable as JSON.
 */
import type { KubeObject } from './k8s.js';

/** Severities from most to least severe. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank of a severity: higher is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Languages that rule texts and reports are available in. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every supported language. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** A place in an input file. Lines and columns are 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The identity of a Kubernetes object, for humans and for fingerprints. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * Resolves a JSON pointer inside one document to its position in the source text. The source
 * adapter supplies it; it may be slow the first time (it re-parses the document with positions),
 * so the engine calls it only for findings.
 */
export type PositionResolver = ((pointer: string) => SourcePosition | undefined) & {
  /**
   * The position of the deepest node of `pointer` that exists in `object` (the value at `prefix`
   * in the document), answered from what the decoder recorded of the document, in one walk:
   * `null` when no node of the pointer exists (and `prefix` is empty), `undefined` when the record
   * cannot tell and the pointer is to be located step by step. Absent when nothing was recorded.
   */
  deepest?: (prefix: string, object: unknown, pointer: string) => SourcePosition | null | undefined;
};

/** A Kubernetes object read from input, with where it came from. */
export interface Resource {
  object: KubeObject;
  ref: ResourceRef;
  /** The file path as given on the command line (or `<stdin>`). */
  file: string;
  /** Index of the YAML document in the file, 0-based. */
  documentIndex: number;
  /** Where the object starts. */
  position: SourcePosition;
  /** Finds the position of a field; absent for objects not read from text. */
  locate?: PositionResolver;
  /** For items of a `List`, the pointer of the item inside its document (e.g. `/items/3`). */
  pointerPrefix?: string;
  /** The text of the YAML document the object came from, and its first line in the file. */
  document?: { text: string; startLine: number };
  /** The chart template the object was rendered from, when the input names it (Helm output). */
  template?: string;
}

/** Why a finding is not counted. */
export interface Suppression {
  kind: 'annotation' | 'config';
  justification: string;
  /** Expiry date (YYYY-MM-DD) of a config exception. */
  expires?: string;
}

/** A rule's verdict on one resource (and optionally one container). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The rule's title in the report language. */
  title: string;
  /** The rendered message in the report language. */
  message: string;
  resource: ResourceRef;
  file: string;
  line: number;
  column: number;
  /** RFC 6901 pointer of the offending field, or of the object when there is no such field. */
  pointer: string;
  /** The chart template the object was rendered from, when the input names it (Helm output). */
  template?: string;
  /** The line where the object starts, for reports that group findings by object. */
  objectLine?: number;
  container?: string;
  /** Stable across unrelated edits: depends on rule, resource identity, container and pointer. */
  fingerprint: string;
  suppression?: Suppression;
}

/** Kinds of problems with the input or the run itself. */
export type ProblemCode =
  | 'YAML_SYNTAX'
  | 'JSON_SYNTAX'
  | 'ALIAS_BOMB'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'BINARY_FILE'
  | 'NOT_UTF8'
  | 'UNREADABLE'
  | 'NOT_FOUND'
  | 'SYMLINK_LOOP'
  | 'INVALID_TYPE'
  | 'UNKNOWN_KIND'
  | 'INVALID_OBJECT'
  | 'KUSTOMIZE'
  | 'RULE_CRASHED'
  | 'CONFIG_INVALID';

/** An input, configuration or internal error with its location. Errors make the run exit 2. */
export interface Problem {
  code: ProblemCode;
  message: string;
  file: string;
  line?: number;
  column?: number;
  /** For RULE_CRASHED: the rule that threw. */
  ruleId?: string;
  resource?: ResourceRef;
  /** The chart template of the document concerned, when the input names it (Helm output). */
  template?: string;
}

/** Something in the input that is deliberately not scanned, with the reason. Not an error. */
export interface Skipped {
  file: string;
  line?: number;
  documentIndex?: number;
  reason: string;
}

/** Counts for one input file. */
export interface FileSummary {
  file: string;
  documents: number;
  resources: number;
  errors: number;
  skipped: number;
}

export interface ScanStats {
  files: number;
  documents: number;
  resources: number;
  bytes: number;
}

/** The complete outcome of a scan, consumed by every reporter. */
export interface ScanResult {
  findings: Finding[];
  problems: Problem[];
  skipped: Skipped[];
  stats: ScanStats;
  /** Per rule id, the objects it checked and failed (only when a compliance report is asked for). */
  coverage?: Record<string, { checked: string[]; failing: string[] }>;
}
