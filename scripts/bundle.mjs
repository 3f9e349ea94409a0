// Bundles the CLI into dist/bin, after `tsc` has type-checked and emitted dist/. One bundle loads
// several times faster than ~150 separate modules, which matters for a command that often runs
// for under a second. Dependencies stay in node_modules.
//
// - dist/bin/cli.cjs: the whole command line (bin/cli.ts) as one CommonJS bundle, and
//   cli-<build>.cache, V8's code cache for it, made by scanning the examples once;
// - dist/bin/mamori.js: the `mamori` bin, which loads cli.cjs through that cache (bin/mamori.ts
//   says why and how);
// - dist/bin/scan-worker.js (and its chunks): the parallel scan's worker thread, found beside
//   cli.cjs by `new URL('./scan-worker.js', import.meta.url)`.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;
const outdir = `${root}dist/bin`;
rmSync(outdir, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
const id = randomBytes(8).toString('hex');
await Promise.all([
  build({
    ...common,
    entryPoints: ['bin/cli.ts'],
    outfile: `${outdir}/cli.cjs`,
    format: 'cjs',
    // js-yaml decodes what the line walker leaves, on every scan: inside the bundle, it is in the
    // code cache too. The position-tracking `yaml` package is loaded only when needed.
    packages: undefined,
    external: ['yaml'],
    // CommonJS has no import.meta: the bundle's own URL stands in for it (the loader passes
    // __filename).
    define: { 'import.meta.url': '__mamori_bundle_url' },
    banner: {
      js: `// mamori build ${id}\nvar __mamori_bundle_url = require('node:url').pathToFileURL(__filename).href;`,
    },
  }),
  build({
    ...common,
    entryPoints: ['bin/mamori.ts'],
    outfile: `${outdir}/mamori.js`,
    format: 'esm',
  }),
  build({
    ...common,
    entryPoints: ['src/cli/scan-worker.ts'],
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outdir,
    splitting: true,
    format: 'esm',
  }),
]);

// V8 keeps a source with any character beyond Latin-1 as two bytes per character: twice the
// memory, and slower to read and to check against the code cache. esbuild escapes such
// characters in strings, but not in comments and regular expressions; escaping them there means
// the same.
const cli = `${outdir}/cli.cjs`;
writeFileSync(
  cli,
  readFileSync(cli, 'utf8').replace(
    /[^\x00-\x7f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ),
);

// The code cache: the functions a scan runs, compiled once here, on the examples and on input
// made to run as many paths as it can (scripts/code-cache/README.md), into every report format.
const made = spawnSync(
  process.execPath,
  [
    `${outdir}/mamori.js`,
    'scan',
    `${root}examples`,
    `${root}scripts/code-cache`,
    '--format',
    'json',
    ...['table', 'sarif', 'junit'].flatMap((format) => ['--format', `${format}=${devNull}`]),
    '--fail-on',
    'none',
  ],
  { env: { ...process.env, MAMORI_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' },
);
if (!existsSync(`${outdir}/cli-${id}.cache`)) {
  // Not fatal: mamori runs without the cache, only a little slower.
  console.warn(
    `bundle: no code cache was made (exit ${made.status}): ${made.stderr.trim() || made.error}`,
  );
}
console.log(
  `bundle: ${readdirSync(outdir)
    .filter((name) => !name.endsWith('.map'))
    .join(', ')}`,
);
