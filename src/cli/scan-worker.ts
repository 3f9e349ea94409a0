/**
 * A worker thread of the parallel scan: takes files from the shared counter, scans them with the
 * single-object rules, and posts its findings and the objects the cross-object rules need.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RULES } from '../rules/index.js';
import { scanShare, shipResource, type ShippedResource, type WorkerInput } from './run-scan.js';

const input = workerData as WorkerInput;
const later: ShippedResource[] = [];
const partial = scanShare(
  { ...input, counter: new Int32Array(input.counter) },
  RULES,
  (resource) => {
    later.push(shipResource(resource));
  },
);
partial.later = later;
parentPort?.postMessage(partial);
