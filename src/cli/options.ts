/**
 * Options that several commands share: `--format fmt[=file]` (repeatable) and `--lang`.
 */
import { LANGUAGES, type Language } from '../core/model.js';
import { UsageError, type CliIO } from './io.js';

/** One requested report: its format, and the file to write it to (standard output if none). */
export interface OutputSpec<F extends string> {
  format: F;
  file?: string;
}

/**
 * Parses repeated `--format` values (`table`, `sarif=out.sarif`, ...). Without any, the table.
 * At most one report may go to standard output.
 */
export function parseOutputs<F extends string>(
  values: readonly string[],
  isFormat: (value: string) => value is F,
  expected: string,
): OutputSpec<F>[] {
  const specs = (values.length === 0 ? ['table'] : values).map((value): OutputSpec<F> => {
    const [format = '', file] = value.split(/=(.*)/s, 2);
    if (!isFormat(format)) {
      throw new UsageError(`unknown format "${format}"; expected ${expected}`);
    }
    if (file === '') {
      throw new UsageError(`--format ${format}= needs a file name after "="`);
    }
    return file === undefined ? { format } : { format, file };
  });
  if (specs.filter((spec) => spec.file === undefined).length > 1) {
    throw new UsageError(
      'only one --format may write to standard output; give the others a file (fmt=file)',
    );
  }
  return specs;
}

/** The report language: the flag, then the configuration, then LC_ALL / LC_MESSAGES / LANG. */
export function languageOf(
  flag: string | undefined,
  configured: Language | undefined,
  env: CliIO['env'],
): Language {
  if (flag !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(flag)) {
      throw new UsageError(`unknown language "${flag}"; expected ${LANGUAGES.join(' or ')}`);
    }
    return flag as Language;
  }
  if (configured !== undefined) {
    return configured;
  }
  const locale = env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
