// PSS part of `npm run bench`: evaluations per second over the corpus's workloads, and the time
// of one evaluation pass against the time to merely decode the same workload documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { evaluatePod } from '../dist/src/pss/index.js';
import { workloadOf } from '../dist/src/core/workload.js';
import { DEFAULT_READ_OPTIONS, decodeText } from '../dist/src/sources/files.js';

export function benchPss(corpus) {
  const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  const workloads = [];
  const documents = [];
  for (const file of files) {
    const outcome = decodeText(
      readFileSync(file, 'utf8'),
      file,
      file.endsWith('.json'),
      DEFAULT_READ_OPTIONS.limits,
    );
    for (const resource of outcome.resources) {
      const workload = workloadOf(resource, {}, []);
      if (workload !== undefined) {
        workloads.push({ metadata: workload.podMeta, spec: workload.podSpec });
        documents.push(resource.document?.text ?? '');
      }
    }
  }
  const rounds = 20;
  const evaluate = () => {
    let denied = 0;
    for (const pod of workloads) {
      for (const level of ['baseline', 'restricted']) {
        if (!evaluatePod(pod, level, 'latest').allowed) {
          denied++;
        }
      }
    }
    return denied;
  };
  evaluate();
  let started = performance.now();
  for (let round = 0; round < rounds; round++) {
    evaluate();
  }
  const pssMs = (performance.now() - started) / rounds;
  started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const text of documents) {
      yaml.load(text);
    }
  }
  const parseMs = (performance.now() - started) / rounds;
  return { workloads: workloads.length, evaluations: workloads.length * 2, pssMs, parseMs };
}
