/**
 * The cloud report formats.
 */
export const CLOUD_FORMATS = ['table', 'json', 'sarif', 'junit'] as const;
export type CloudFormat = (typeof CLOUD_FORMATS)[number];

export function isCloudFormat(value: string): value is CloudFormat {
  return (CLOUD_FORMATS as readonly string[]).includes(value);
}

export { renderJson } from './json.js';
export { renderJunit } from './junit.js';
export { renderSarif } from './sarif.js';
export { renderTable } from './table.js';
