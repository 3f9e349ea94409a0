/*
 * Reads the examples out of a rule's documentation page (markdown text). Used by the catalogue
 * and coverage tests; no I/O here.
 */

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
