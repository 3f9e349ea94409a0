/**
 * Writing a report to standard output or a file. JSON is produced in pieces (the findings a batch
 * at a time): a large scan's report can exceed what one JavaScript string may hold (V8: about
 * 512 MiB), and the whole report need never be in memory at once. Pieces are written in batches
 * of about 1 MiB, so there are few writes and no huge string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ScanResult } from '../core/model.js';
import {
  jsonReportPieces,
  REPORTERS,
  type Format,
  type ReportContext,
} from '../reporters/index.js';
import type { CliIO } from './io.js';

/** The text of a report, as pieces to write in order. */
export function reportPieces(
  format: Format,
  result: ScanResult,
  context: ReportContext,
): Iterable<string> {
  // One JSON.stringify of the whole report is faster; pieces keep a huge report's memory bounded.
  return format === 'json' && result.findings.length > PIECEWISE_FINDINGS
    ? jsonReportPieces(result, context)
    : [REPORTERS[format](result, context)];
}

/** Above this many findings, the JSON report is written a batch of findings at a time. */
const PIECEWISE_FINDINGS = 20_000;

/** Writes pieces of text in batches of about 1 MiB. */
export function writeBatched(pieces: Iterable<string>, write: (text: string) => unknown): void {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) {
    write(batch.join(''));
  }
}

/**
 * Writes a report to `file`, or to standard output when there is none. Returns an error message
 * when the file cannot be written.
 */
export function writeReport(
  pieces: Iterable<string>,
  file: string | undefined,
  io: CliIO,
): string | undefined {
  if (file === undefined) {
    writeBatched(pieces, (text) => io.stdout.write(text));
    return undefined;
  }
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    const target = fd;
    writeBatched(pieces, (text) => {
      const bytes = Buffer.from(text);
      for (let offset = 0; offset < bytes.length;) {
        offset += writeSync(target, bytes, offset);
      }
    });
    return undefined;
  } catch (error) {
    return `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}
