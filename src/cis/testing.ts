/**
 * Builders of facts for tests.
 */
import { emptyFacts, type Component, type FileFact, type NodeFacts } from './facts.js';

export function factsWith(
  processes: { component: Component; argv: string[]; pid?: number }[],
  files: Partial<FileFact & { path: string }>[] = [],
  documents: Record<string, unknown> = {},
): NodeFacts {
  const facts = emptyFacts();
  facts.processes = processes.map((process, index) => {
    const pid = process.pid ?? 100 + index;
    return {
      component: process.component,
      pid,
      argv: process.argv,
      source: 'process',
      location: `/proc/${pid}/cmdline`,
    };
  });
  for (const file of files) {
    const path = file.path ?? '';
    facts.files[path] = { type: 'file', ...file, path };
  }
  for (const [path, content] of Object.entries(documents)) {
    facts.documents[path] = { path, content };
  }
  return facts;
}
