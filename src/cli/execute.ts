/**
 * The command-line entry point as a function: `execute(argv, io)` returns the exit code and never
 * exits the process, so tests can call it directly.
 */
import { COMMANDS } from './commands/index.js';
import { EXIT, UsageError, type CliIO, type ExitCode } from './io.js';
import { TOOL_VERSION } from './version.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'mamori: Kubernetes security posture checks',
    '',
    'Usage: mamori <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `mamori <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

/** Runs `mamori` with the arguments after the program name. */
export async function execute(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? EXIT.ERROR : EXIT.OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT.OK;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    io.stderr.write(`mamori: unknown command "${name}"\n\n${usage()}`);
    return EXIT.ERROR;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `mamori ${name}: ${error.message}\nRun \`mamori ${name} --help\` for usage.\n`,
      );
      return EXIT.ERROR;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`mamori ${name}: internal error: ${detail}\n`);
    return EXIT.ERROR;
  }
}
