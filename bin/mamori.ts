#!/usr/bin/env node
import { execute } from '../src/cli/execute.js';
import { processIO } from '../src/cli/process-io.js';

process.on('uncaughtException', (error) => {
  process.stderr.write(`mamori: internal error: ${error.stack ?? error.message}\n`);
  process.exitCode = 2;
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`mamori: internal error: ${String(reason)}\n`);
  process.exitCode = 2;
});

process.exitCode = await execute(process.argv.slice(2), processIO());
