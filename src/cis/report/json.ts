/**
 * The JSON report: the assessment itself, which `mamori compare` reads back.
 */
import type { Assessment } from '../assess.js';

export function renderJson(assessment: Assessment): string {
  return `${JSON.stringify(assessment, null, 2)}\n`;
}
