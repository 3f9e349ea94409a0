/**
 * Helpers shared by the AKS checks.
 */
import { aksField, poolName, type AksFacts } from '../../facts/aks.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CheckMeta, CheckOutcome, CloudCheck } from '../../types.js';
import type { LocalizedText } from '../../../core/model.js';
import { fail, pass, poolsTexts, unknown } from '../define.js';

export function noCluster(facts: AksFacts): CheckOutcome {
  return unknown(
    {
      en: 'The cluster description was not given.',
      ja: 'クラスターの記述(describe の出力)が与えられていない。',
    },
    [missingCloudInput('aks-cluster', facts.vars)],
  );
}

export interface FlagSpec {
  /** Path of the boolean, e.g. `['securityProfile', 'imageCleaner', 'enabled']`. */
  keys: readonly string[];
  /** The value that passes. */
  want: boolean;
  passMessage: LocalizedText;
  /** A clause without the final full stop. */
  failMessage: LocalizedText;
  /** What an absent field means; by default it fails as "not set". */
  absent?: 'fail' | 'pass';
}

/** A check that one boolean cluster property holds the safe value. */
export function flagCheck(meta: CheckMeta, spec: FlagSpec): CloudCheck<AksFacts> {
  return {
    meta,
    evaluate(facts) {
      if (!facts.hasCluster) {
        return noCluster(facts);
      }
      const node = aksField(facts, ...spec.keys);
      const value = node.bool();
      if (value === spec.want || (value === undefined && spec.absent === 'pass')) {
        return pass(spec.passMessage, [node]);
      }
      return fail(
        value === undefined
          ? {
              en: `${spec.failMessage.en} (${spec.keys.join('.')} is not set).`,
              ja: `${spec.failMessage.ja}(${spec.keys.join('.')} が設定されていない)。`,
            }
          : { en: `${spec.failMessage.en}.`, ja: `${spec.failMessage.ja}。` },
        [node],
      );
    },
  };
}

export type PoolsLookup = { pools: Node[] } | { outcome: CheckOutcome };

/** The node pools, or the outcome when neither the cluster nor the pool list has them. */
export function lookupPools(facts: AksFacts): PoolsLookup {
  if (facts.pools !== undefined) {
    return { pools: facts.pools };
  }
  return {
    outcome: unknown(
      { en: 'The node pools were not given.', ja: 'ノードプールが与えられていない。' },
      [
        missingCloudInput('aks-cluster', facts.vars),
        missingCloudInput('aks-nodepools', facts.vars),
      ],
    ),
  };
}

/** A check that every node pool passes a predicate. */
export function poolCheck(
  meta: CheckMeta,
  spec: {
    keys: readonly string[];
    ok: (node: Node) => boolean;
    passMessage: LocalizedText;
    /** The message for the failing pools, given as `node pools a and b` / `ノードプール a、b`. */
    failMessage: (pools: LocalizedText) => LocalizedText;
    severity?: CheckMeta['severity'];
  },
): CloudCheck<AksFacts> {
  return {
    meta,
    evaluate(facts) {
      const lookup = lookupPools(facts);
      if ('outcome' in lookup) {
        return lookup.outcome;
      }
      const evidence = lookup.pools.map((pool) => pool.at(...spec.keys));
      const bad = lookup.pools
        .map((pool, index) => ({ pool, index }))
        .filter(({ pool }) => !spec.ok(pool.at(...spec.keys)));
      if (bad.length > 0) {
        const names = bad.map(({ pool, index }) => poolName(pool, index));
        return fail(spec.failMessage(poolsTexts(names)), evidence, spec.severity);
      }
      return pass(spec.passMessage, evidence);
    },
  };
}

/** The API server access profile, which is null on plain public clusters. */
export function accessProfile(facts: AksFacts): {
  privateCluster: boolean;
  ranges: string[];
  privateNode: Node;
  rangesNode: Node;
} {
  const profile = aksField(facts, 'apiServerAccessProfile');
  const privateNode = profile.get('enablePrivateCluster');
  const rangesNode = profile.get('authorizedIpRanges');
  return {
    privateCluster: privateNode.bool() === true,
    ranges: rangesNode.strings(),
    privateNode,
    rangesNode,
  };
}
