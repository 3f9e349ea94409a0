/**
 * Small constructors for check outcomes, so that checks read as their rules.
 */
import type { LocalizedText, Severity } from '../../core/model.js';
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

export function pass(message: LocalizedText, evidence: readonly EvidenceLike[] = []): CheckOutcome {
  return { verdict: 'pass', message, evidence: toEvidence(evidence) };
}

/** A pass because the check does not apply (the public endpoint is off, the cluster is private…). */
export function notApplicable(
  message: LocalizedText,
  evidence: readonly EvidenceLike[] = [],
): CheckOutcome {
  return { verdict: 'pass', message, evidence: toEvidence(evidence), notApplicable: true };
}

export function fail(
  message: LocalizedText,
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
  message: LocalizedText,
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

/** The Japanese counterpart of listText: `a`, `a、b`, `a、b ほか 2 件`. */
export function listTextJa(names: readonly string[], limit = 5): string {
  if (names.length <= limit) {
    return names.join('、');
  }
  return `${names.slice(0, limit).join('、')} ほか ${names.length - limit} 件`;
}

/**
 * Joins clauses into one message: in English with `separator` and a final full stop (capitalised
 * unless told otherwise), in Japanese as sentences ending in 。.
 */
export function joinClauses(
  parts: readonly LocalizedText[],
  separator = '; ',
  capitalise = true,
): LocalizedText {
  const en = `${parts.map((part) => part.en).join(separator)}.`;
  return {
    en: capitalise ? sentence(en) : en,
    ja: `${parts.map((part) => part.ja).join('。')}。`,
  };
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

/** `ノードプール a、b`. */
export function poolsTextJa(names: readonly string[]): string {
  return `ノードプール ${listTextJa(names)}`;
}

/** poolsText in both languages. */
export function poolsTexts(names: readonly string[]): LocalizedText {
  return { en: poolsText(names), ja: poolsTextJa(names) };
}
