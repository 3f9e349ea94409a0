/**
 * What a command may touch of the process: streams, environment, working directory and clock.
 * Tests pass a fake; `bin/mamori.ts` passes the real process.
 */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Reads all of standard input. */
  readStdin(): Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
  /**
   * Tunes the JavaScript engine for work that will be over in a second or two; only the real
   * process does anything (see process-io.ts).
   */
  tuneForShortRun?(): void;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Nothing at or above the failure threshold. */
  OK: 0,
  /** Findings at or above the failure threshold. */
  FINDINGS: 1,
  /** Usage, input, configuration or internal error. */
  ERROR: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A subcommand: parses its own arguments and returns the exit code. */
export interface Command {
  name: string;
  /** One line for `mamori --help`. */
  summary: string;
  run(args: readonly string[], io: CliIO): Promise<ExitCode>;
}

/** A usage error: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
