/**
 * Helpers shared by the GKE checks.
 */
import type { LocalizedText } from '../../../core/model.js';
import { nodePools, poolLabel, type GkeFacts } from '../../facts/gke.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CheckMeta, CheckOutcome, CloudCheck } from '../../types.js';
import { fail, pass, poolsTexts, unknown } from '../define.js';

export function noCluster(facts: GkeFacts): CheckOutcome {
  return unknown(
    {
      en: 'The cluster description was not given.',
      ja: 'クラスターの記述(describe の出力)が与えられていない。',
    },
    [missingCloudInput('gke-cluster', facts.vars)],
  );
}

export function noPools(facts: GkeFacts): CheckOutcome {
  return unknown(
    {
      en: 'The cluster description lists no node pools.',
      ja: 'クラスターの記述にノードプールがない。',
    },
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
    passMessage: LocalizedText;
    /** The message for the failing pools, given as `node pools a and b` / `ノードプール a、b`. */
    failMessage: (pools: LocalizedText) => LocalizedText;
    autopilotMessage?: LocalizedText;
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
          spec.failMessage(poolsTexts(bad.map(({ pool, index }) => poolLabel(pool, index)))),
          evidence,
        );
      }
      return pass(spec.passMessage, evidence);
    },
  };
}
