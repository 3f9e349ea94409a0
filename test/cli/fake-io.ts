import type { CliIO } from '../../src/cli/io.js';

export interface FakeIO extends CliIO {
  out(): string;
  err(): string;
}

/** An in-memory {@link CliIO}: captures output, serves `stdin`, and fixes the clock. */
export function fakeIO(
  options: { stdin?: string; cwd?: string; env?: Record<string, string>; tty?: boolean } = {},
): FakeIO {
  let stdout = '';
  let stderr = '';
  return {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
      isTTY: options.tty ?? false,
    },
    readStdin: () => Promise.resolve(Buffer.from(options.stdin ?? '')),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => new Date('2026-11-23T12:00:00Z'),
    out: () => stdout,
    err: () => stderr,
  };
}
