/**
 * Small formatting helpers shared by the reporters: object names, locations and rule links.
 */
import type { ResourceRef } from '../core/model.js';
import type { AnyRule } from '../core/rule.js';

/** `Kind namespace/name`, or `Kind name` for objects without a namespace. */
export function objectLabel(ref: ResourceRef): string {
  return ref.namespace === undefined || ref.namespace === ''
    ? `${ref.kind} ${ref.name}`
    : `${ref.kind} ${ref.namespace}/${ref.name}`;
}

/** `Kind/namespace/name`, or `Kind/name` for objects without a namespace. */
export function objectPath(ref: ResourceRef): string {
  return ref.namespace === undefined || ref.namespace === ''
    ? `${ref.kind}/${ref.name}`
    : `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** `file:line:column`, leaving out the parts that are unknown. */
export function locationLabel(file: string, line?: number, column?: number): string {
  if (line === undefined) {
    return file;
  }
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/**
 * A location with the chart template of rendered Helm output after it, when known.
 *
 * @example templatedLocation({ file: '<stdin>', line: 3, template: 'app/templates/x.yaml' })
 *   // '<stdin>:3 (app/templates/x.yaml)'
 */
export function templatedLocation(place: {
  file: string;
  line?: number;
  column?: number;
  template?: string;
}): string {
  const location = locationLabel(place.file, place.line, place.column);
  return place.template === undefined ? location : `${location} (${place.template})`;
}

/**
 * The documentation page of a rule.
 *
 * @example docsUrlOf('https://example.test/rules/', 'hardening/privileged')
 * // 'https://example.test/rules/hardening/privileged.md'
 */
export function docsUrlOf(docsBaseUrl: string, ruleId: string): string {
  let base = docsBaseUrl;
  while (base.endsWith('/')) {
    base = base.slice(0, -1);
  }
  return `${base}/${ruleId}.md`;
}

/** The rules by id; the first rule wins when ids repeat. */
export function rulesById(rules: readonly AnyRule[]): ReadonlyMap<string, AnyRule> {
  const byId = new Map<string, AnyRule>();
  for (const rule of rules) {
    if (!byId.has(rule.meta.id)) {
      byId.set(rule.meta.id, rule);
    }
  }
  return byId;
}
