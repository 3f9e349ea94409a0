/**
 * Suppressions: `mamori.dev/ignore` annotations on an object or its pod template, and exceptions
 * from the configuration. A suppressed finding is kept in the result, marked, and not counted.
 */
import type { Config, Exception } from './config.js';
import type { ObjectMeta } from './k8s.js';
import type { Suppression } from './model.js';

export const IGNORE_ANNOTATION = 'mamori.dev/ignore';
export const IGNORE_REASON_ANNOTATION = 'mamori.dev/ignore-reason';
export const IGNORE_CONTAINER_PREFIX = 'mamori.dev/ignore.';

/** Whether a rule id matches a pattern: the exact id, `family/*`, or `*`. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '*' || trimmed === ruleId) {
    return true;
  }
  return trimmed.endsWith('/*') && ruleId.startsWith(trimmed.slice(0, -1));
}

function listOf(value: string | undefined): string[] {
  return value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

/**
 * Whether any annotation key starts with `mamori.dev/ignore`, as every key read here does. Asked
 * for every finding, answered once per annotations object: nearly all have none.
 */
function mentionsIgnore(annotations: unknown): boolean {
  if (typeof annotations !== 'object' || annotations === null) {
    return false;
  }
  let mentions = mentioning.get(annotations);
  if (mentions === undefined) {
    mentions = false;
    for (const key in annotations) {
      if (key.startsWith(IGNORE_ANNOTATION)) {
        mentions = true;
        break;
      }
    }
    mentioning.set(annotations, mentions);
  }
  return mentions;
}

const mentioning = new WeakMap<object, boolean>();

/** What the annotations of a finding's object say about it. */
export type AnnotationVerdict =
  | { kind: 'none' }
  | { kind: 'suppressed'; suppression: Suppression }
  | { kind: 'missing-reason' }
  | { kind: 'strict' };

/**
 * Looks for an annotation suppression of `ruleId` (for `container`, if given) in the metadata
 * of the object and of its pod template.
 */
export function annotationVerdict(
  metas: readonly (ObjectMeta | undefined)[],
  ruleId: string,
  container: string | undefined,
  strict: boolean,
): AnnotationVerdict {
  for (let index = 0; index < metas.length; index++) {
    const annotations = metas[index]?.annotations;
    if (annotations === undefined || !mentionsIgnore(annotations)) {
      continue;
    }
    const patterns = listOf(annotations[IGNORE_ANNOTATION]);
    if (container !== undefined) {
      patterns.push(...listOf(annotations[`${IGNORE_CONTAINER_PREFIX}${container}`]));
    }
    if (!patterns.some((pattern) => ruleMatches(pattern, ruleId))) {
      continue;
    }
    if (strict) {
      return { kind: 'strict' };
    }
    const reason = annotations[IGNORE_REASON_ANNOTATION]?.trim();
    if (reason === undefined || reason === '') {
      return { kind: 'missing-reason' };
    }
    return { kind: 'suppressed', suppression: { kind: 'annotation', justification: reason } };
  }
  // Nearly every finding: one answer for all of them (callers only read it).
  return NO_SUPPRESSION;
}

const NO_SUPPRESSION: AnnotationVerdict = Object.freeze({ kind: 'none' });

export interface ExceptionSubject {
  ruleId: string;
  kind: string;
  namespace: string | undefined;
  name: string;
  container: string | undefined;
}

function matchesList(list: readonly string[] | undefined, value: string | undefined): boolean {
  return list === undefined || (value !== undefined && list.includes(value));
}

/** Whether an exception covers a finding, ignoring its expiry. */
export function exceptionCovers(exception: Exception, subject: ExceptionSubject): boolean {
  return (
    exception.rules.some((pattern) => ruleMatches(pattern, subject.ruleId)) &&
    matchesList(exception.kinds, subject.kind) &&
    matchesList(exception.namespaces, subject.namespace) &&
    matchesList(exception.names, subject.name) &&
    matchesList(exception.containers, subject.container)
  );
}

/**
 * The config exception that suppresses a finding, if any. `today` is YYYY-MM-DD; an exception
 * applies up to and including its expiry date.
 */
export function exceptionFor(
  config: Config,
  subject: ExceptionSubject,
  today: string,
): { suppression?: Suppression; expired?: Exception } {
  let expired: Exception | undefined;
  for (const exception of config.exceptions) {
    if (!exceptionCovers(exception, subject)) {
      continue;
    }
    if (exception.expires !== undefined && exception.expires < today) {
      expired = exception;
      continue;
    }
    const suppression: Suppression = { kind: 'config', justification: exception.reason };
    if (exception.expires !== undefined) {
      suppression.expires = exception.expires;
    }
    return { suppression };
  }
  return expired === undefined ? {} : { expired };
}
