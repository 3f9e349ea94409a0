/**
 * The reporter contract: a reporter is a pure function from a finished scan to text. The CLI
 * decides where the text goes.
 */
import type { Language, ScanResult, Severity } from '../core/model.js';
import type { AnyRule } from '../core/rule.js';

export interface ReportContext {
  /** Every rule that could have run, for rule metadata (SARIF `rules`, help text). */
  rules: readonly AnyRule[];
  toolVersion: string;
  lang: Language;
  /**
   * The severity at or above which unsuppressed findings fail the run; `none` never fails on
   * findings (errors still do).
   */
  failOn: Severity | 'none';
  /** Base URL of the rule documentation; a rule's page is `${docsBaseUrl}/<family>/<slug>.md`. */
  docsBaseUrl: string;
  /** Whether the table reporter may use ANSI colours. */
  color: boolean;
  /** The working directory, to make paths relative (SARIF URIs). */
  cwd: string;
  /** The tool's home page (SARIF `informationUri`); defaults to {@link MAMORI_HOMEPAGE}. */
  informationUri?: string;
}

/** mamori's home page, used where a report names the tool. */
export const MAMORI_HOMEPAGE = 'https://github.com/mamori-dev/mamori';

export type Reporter = (result: ScanResult, context: ReportContext) => string;
