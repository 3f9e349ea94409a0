/**
 * Helpers shared by the GKE checks.
 */
import { nodePools, poolLabel, type GkeFacts } from '../../facts/gke.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CheckMeta, CheckOutcome, CloudCheck } from '../../types.js';
import { fail, pass, poolsText, unknown } from '../define.js';

export function noCluster(facts: GkeFacts): CheckOutcome {
  return unknown('The cluster description was not given.', [
    missingCloudInput('gke-cluster', facts.vars),
  ]);
}

export function noPools(facts: GkeFacts): CheckOutcome {
  return unknown(
    'The cluster description lists no node pools.',
    [missingCloudInput('gke-cluster', facts.vars)],
    [facts.cluster.get('nodePools')],
  );
}

/** A check over every node pool; Autopilot clusters pass with `autopilotMessage`. */
export function gkePoolCheck(
  meta: CheckMeta,
  spec: {
    field: (pool: Node) => Node[];
    ok: (pool: Node) => boolean;
    passMessage: string;
    failMessage: (pools: string) => string;
    autopilotMessage?: string;
  },
): CloudCheck<GkeFacts> {
  return {
    meta,
    evaluate(facts) {
      if (!facts.hasCluster) {
        return noCluster(facts);
      }
      const autopilot = facts.cluster.at('autopilot', 'enabled');
      if (autopilot.bool() === true && spec.autopilotMessage !== undefined) {
        return pass(spec.autopilotMessage, [autopilot]);
      }
      const pools = nodePools(facts);
      if (pools === undefined) {
        return noPools(facts);
      }
      const evidence = pools.flatMap(spec.field);
      const bad = pools
        .map((pool, index) => ({ pool, index }))
        .filter(({ pool }) => !spec.ok(pool));
      if (bad.length > 0) {
        return fail(
          spec.failMessage(poolsText(bad.map(({ pool, index }) => poolLabel(pool, index)))),
          evidence,
        );
      }
      return pass(spec.passMessage, evidence);
    },
  };
}
