// Bundles the CLI into a few ES modules in dist/bin, after `tsc` has type-checked and emitted
// dist/. One bundle loads several times faster than ~150 separate modules, which matters for a
// command that often runs for under a second. Commands stay lazily loaded (one chunk each), and
// the scan worker sits beside the chunk that starts it, where `new URL('./scan-worker.js',
// import.meta.url)` looks for it. Dependencies stay in node_modules.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;
const outdir = `${root}dist/bin`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['bin/mamori.ts', 'src/cli/scan-worker.ts'],
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
