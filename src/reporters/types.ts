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
  /** The severity at or above which findings fail the run. */
  failOn: Severity;
  /** Base URL of the rule documentation; a rule's page is `${docsBaseUrl}/<family>/<slug>.md`. */
  docsBaseUrl: string;
  /** Whether the table reporter may use ANSI colours. */
  color: boolean;
  /** The working directory, to make paths relative (SARIF URIs). */
  cwd: string;
}

export type Reporter = (result: ScanResult, context: ReportContext) => string;
