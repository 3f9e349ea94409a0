// Runs the built CLI bundle in this process (the very file the `mamori` bin is) and reports, on
// stderr's last line, the exit code, peak RSS and main-thread CPU time, so the bench can measure
// them without extra tools. The bin reads its arguments from process.argv.slice(2), which is the
// same here.
import { mainThreadCpuMs } from './main-thread.mjs';

process.on('exit', (code) => {
  const info = { code, maxRssKb: process.resourceUsage().maxRSS, mainCpuMs: mainThreadCpuMs() };
  process.stderr.write(`\n@@bench ${JSON.stringify(info)}\n`);
});
await import('../dist/bin/mamori.js');
