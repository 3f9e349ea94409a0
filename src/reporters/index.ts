/**
 * The reporters by output format.
 */
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { sarifReporter } from './sarif.js';
import { tableReporter } from './table.js';
import type { Reporter } from './types.js';

/** Output formats, in the order the help text lists them. */
export const FORMATS = ['table', 'json', 'sarif', 'junit'] as const;

/** An output format name accepted by `--format`. */
export type Format = (typeof FORMATS)[number];

/** The reporter of each format. */
export const REPORTERS: Readonly<Record<Format, Reporter>> = {
  table: tableReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
};

/** Whether a string names an output format. */
export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export { jsonReportOf, jsonReportPieces, JSON_SCHEMA_VERSION, type JsonReport } from './json.js';
export { sarifLogOf } from './sarif.js';
export { exceedsThreshold, exitStatusOf, summarize, type ScanSummary } from './summary.js';
export { MAMORI_HOMEPAGE, type Reporter, type ReportContext } from './types.js';
