/**
 * Small constructors for check outcomes, so that checks read as their rules.
 */
import type { Severity } from '../../core/model.js';
import type { Node } from '../node.js';
import type { CheckOutcome, Evidence, MissingInput } from '../types.js';

type EvidenceLike = Node | Evidence;

function toEvidence(items: readonly EvidenceLike[]): Evidence[] {
  return items.map((item) =>
    'evidence' in item && typeof item.evidence === 'function'
      ? item.evidence()
      : (item as Evidence),
  );
}

export function pass(message: string, evidence: readonly EvidenceLike[] = []): CheckOutcome {
  return { verdict: 'pass', message, evidence: toEvidence(evidence) };
}

/** A pass because the check does not apply (the public endpoint is off, the cluster is private…). */
export function notApplicable(
  message: string,
  evidence: readonly EvidenceLike[] = [],
): CheckOutcome {
  return { verdict: 'pass', message, evidence: toEvidence(evidence), notApplicable: true };
}

export function fail(
  message: string,
  evidence: readonly EvidenceLike[] = [],
  severity?: Severity,
): CheckOutcome {
  const outcome: CheckOutcome = { verdict: 'fail', message, evidence: toEvidence(evidence) };
  if (severity !== undefined) {
    outcome.severity = severity;
  }
  return outcome;
}

export function unknown(
  message: string,
  missingInput: readonly MissingInput[],
  evidence: readonly EvidenceLike[] = [],
): CheckOutcome {
  return {
    verdict: 'unknown',
    message,
    evidence: toEvidence(evidence),
    missingInput: [...missingInput],
  };
}

/** Joins names for messages: `a`, `a and b`, `a, b and 2 more`. */
export function listText(names: readonly string[], limit = 5): string {
  if (names.length <= 1) {
    return names[0] ?? '';
  }
  if (names.length <= limit) {
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  }
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

/** Evidence for a value computed from several fields. */
export function derived(path: string, value: unknown, file?: string): Evidence {
  return file === undefined ? { path, value } : { path, value, file };
}

/** Capitalises the first letter of a message assembled from parts. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `node pool a` or `node pools a and b`. */
export function poolsText(names: readonly string[]): string {
  return `node pool${names.length > 1 ? 's' : ''} ${listText(names)}`;
}
