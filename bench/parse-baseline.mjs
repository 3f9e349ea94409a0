// Baseline for `npm run bench`: read every manifest under the given directories and parse it with
// js-yaml, doing nothing else. Prints the elapsed time and peak RSS as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { mainThreadCpuMs } from './main-thread.mjs';

const started = performance.now();
const files = [];
const walk = (directory) => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      walk(path);
    } else if (/\.(ya?ml|json)$/i.test(entry.name)) {
      files.push(path);
    }
  }
};
for (const directory of process.argv.slice(2)) {
  walk(directory);
}
let documents = 0;
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  try {
    yaml.loadAll(text, () => {
      documents++;
    });
  } catch {
    // The corpus holds a few deliberately invalid files; the baseline just moves on.
  }
}
process.stdout.write(
  JSON.stringify({
    files: files.length,
    documents,
    bytes,
    ms: performance.now() - started,
    maxRssKb: process.resourceUsage().maxRSS,
    mainCpuMs: mainThreadCpuMs(),
  }),
);
