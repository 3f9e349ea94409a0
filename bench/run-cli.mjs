// Runs the built CLI in this process (exactly what bin/mamori.js does) and reports, on stderr's
// last line, the peak RSS, so the bench can measure memory without extra tools.
import { execute } from '../dist/src/cli/execute.js';
import { processIO } from '../dist/src/cli/process-io.js';

const code = await execute(process.argv.slice(2), processIO());
process.stderr.write(
  `\n@@bench ${JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
process.exitCode = code;
