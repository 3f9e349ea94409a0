/*
 * Reads the examples out of a rule's documentation page (markdown text). Used by the catalogue
 * and coverage tests; no I/O here.
 */
import { parse } from 'yaml';

/** The first fenced yaml block in the `## <heading>` section of a markdown page. */
export function exampleOf(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) {
    return undefined;
  }
  const block: string[] = [];
  let inside = false;
  for (const line of lines.slice(start + 1)) {
    if (!inside && line.startsWith('## ')) {
      return undefined;
    }
    if (!inside && /^```ya?ml$/.test(line.trim())) {
      inside = true;
    } else if (inside && line.trim() === '```') {
      return `${block.join('\n')}\n`;
    } else if (inside) {
      block.push(line);
    }
  }
  return undefined;
}

/**
 * The options a page's examples run with: `rules.<ruleId>.options` of the first yaml block (a
 * mamori.yaml excerpt) under `## Example configuration`. Pages without that section run their
 * examples with the rule's default options. Examples always run with the rule enabled.
 */
export function exampleOptionsOf(
  markdown: string,
  ruleId: string,
): Record<string, unknown> | undefined {
  const block = exampleOf(markdown, 'Example configuration');
  if (block === undefined) {
    return undefined;
  }
  const config: unknown = parse(block);
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const rules = isRecord(config) ? config.rules : undefined;
  const setting = isRecord(rules) ? rules[ruleId] : undefined;
  const options = isRecord(setting) ? setting.options : undefined;
  return isRecord(options) ? options : undefined;
}
