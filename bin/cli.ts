/**
 * The whole command line as one CommonJS bundle (dist/bin/cli.cjs), which bin/mamori.ts loads
 * with V8's code cache (see there).
 */
import { execute } from '../src/cli/execute.js';
import { processIO } from '../src/cli/process-io.js';

export interface MainOptions {
  /**
   * Whether a short run may retune V8 (see CliIO.tuneForShortRun). Not while writing the code
   * cache: V8 accepts a cache only under the flags it was made with.
   */
  tuneForShortRun: boolean;
}

/** Runs `mamori` with the arguments after the program name; resolves to the exit code. */
export function main(argv: readonly string[], options: MainOptions): Promise<number> {
  const io = processIO();
  if (!options.tuneForShortRun) {
    delete io.tuneForShortRun;
  }
  return execute(argv, io);
}
