/**
 * Can pods in application namespaces reach the instance metadata service (169.254.169.254)?
 *
 * 1. Platform-level concealment answers first: GKE's metadata server on every pool, AKS
 *    `podLinkLocalAccess: None`.
 * 2. Without a NetworkPolicy enforcer, every pod reaches it, whatever policies exist.
 * 3. Otherwise every application namespace must be egress-isolated by a policy selecting all its
 *    pods, and no egress rule of any policy in the namespace may admit 169.254.169.254:80/TCP
 *    (a conservative union: a rule for some pods admits for those pods).
 * 4. hostNetwork pods use the node's network and bypass NetworkPolicy.
 */
import type { LocalizedText } from '../core/model.js';
import { derived } from './checks/define.js';
import { policyEngine } from './engine.js';
import { aksField } from './facts/aks.js';
import { nodePools } from './facts/gke.js';
import type { ClusterFacts } from './facts/index.js';
import { appNamespaces, hasPodInput, nonCorePolicies, podSpecs } from './facts/k8s.js';
import { missingKubernetesInput } from './inputs.js';
import { imdsAdmittingRules, networkPolicies, policyTypes, selectsAllPods } from './netpol.js';
import type { CloudOptions, Evidence, MissingInput } from './types.js';

export interface ImdsAnalysis {
  state: 'blocked' | 'reachable' | 'unknown';
  reason: LocalizedText;
  evidence: Evidence[];
  missing: MissingInput[];
}

function platformConcealment(facts: ClusterFacts): ImdsAnalysis | undefined {
  if (facts.provider === 'gke' && facts.hasCluster) {
    if (facts.cluster.at('autopilot', 'enabled').bool() === true) {
      return {
        state: 'blocked',
        reason: {
          en: 'Autopilot runs the GKE metadata server, which conceals node credentials',
          ja: 'Autopilot では GKE メタデータサーバーが動き、ノードの認証情報を隠している',
        },
        evidence: [facts.cluster.at('autopilot', 'enabled').evidence()],
        missing: [],
      };
    }
    const pools = nodePools(facts);
    if (
      pools !== undefined &&
      pools.every(
        (pool) => pool.at('config', 'workloadMetadataConfig', 'mode').str() === 'GKE_METADATA',
      )
    ) {
      return {
        state: 'blocked',
        reason: {
          en: 'every node pool runs the GKE metadata server (GKE_METADATA), which conceals node credentials',
          ja: 'すべてのノードプールで GKE メタデータサーバー(GKE_METADATA)が動き、ノードの認証情報を隠している',
        },
        evidence: pools.map((pool) =>
          pool.at('config', 'workloadMetadataConfig', 'mode').evidence(),
        ),
        missing: [],
      };
    }
  }
  if (facts.provider === 'aks' && facts.hasCluster) {
    const access = aksField(facts, 'networkProfile', 'podLinkLocalAccess');
    if (access.str()?.toLowerCase() === 'none') {
      return {
        state: 'blocked',
        reason: {
          en: 'networkProfile.podLinkLocalAccess is None, so pods cannot reach link-local addresses',
          ja: 'networkProfile.podLinkLocalAccess が None のため、Pod はリンクローカルアドレスに到達できない',
        },
        evidence: [access.evidence()],
        missing: [],
      };
    }
  }
  return undefined;
}

function joinReasons(reasons: readonly LocalizedText[]): LocalizedText {
  return {
    en: reasons.map((reason) => reason.en).join('; '),
    ja: reasons.map((reason) => reason.ja).join('。'),
  };
}

export function imdsReachability(facts: ClusterFacts, options: CloudOptions): ImdsAnalysis {
  const platform = platformConcealment(facts);
  if (platform !== undefined) {
    return platform;
  }
  const k8s = facts.k8s;
  const engine = policyEngine(facts);
  if (engine.state === 'absent') {
    return {
      state: 'reachable',
      reason: {
        en: `nothing enforces NetworkPolicy (${engine.reason.en}), so every pod can reach 169.254.169.254`,
        ja: `NetworkPolicy を適用するものがない(${engine.reason.ja})ため、すべての Pod が 169.254.169.254 に到達できる`,
      },
      evidence: engine.evidence,
      missing: [],
    };
  }
  if (!k8s.has('NetworkPolicy')) {
    return {
      state: 'unknown',
      reason: {
        en: 'the NetworkPolicies of the cluster were not given',
        ja: 'クラスターの NetworkPolicy が与えられていない',
      },
      evidence: [],
      missing: [missingKubernetesInput('NetworkPolicy'), ...engine.missing],
    };
  }
  const namespaces = appNamespaces(k8s, options);
  if (namespaces === undefined) {
    return {
      state: 'unknown',
      reason: {
        en: 'the namespaces of the cluster are not known',
        ja: 'クラスターの名前空間がわからない',
      },
      evidence: [],
      missing: [missingKubernetesInput('Namespace')],
    };
  }
  const evidence: Evidence[] = [];
  const reachable: LocalizedText[] = [];
  if (hasPodInput(k8s)) {
    for (const pod of podSpecs(k8s)) {
      const namespace = pod.owner.namespace ?? '';
      if (namespaces.includes(namespace) && pod.spec.get('hostNetwork').bool() === true) {
        reachable.push({
          en: `${pod.owner.ref} uses hostNetwork`,
          ja: `${pod.owner.ref} が hostNetwork を使っている`,
        });
        evidence.push(pod.spec.get('hostNetwork').evidence());
      }
    }
  }
  const policies = networkPolicies(k8s);
  const notIsolated: string[] = [];
  for (const namespace of namespaces) {
    const local = policies.filter((policy) => policy.namespace === namespace);
    const isolating = local.find(
      (policy) => selectsAllPods(policy) && policyTypes(policy).has('Egress'),
    );
    if (isolating === undefined) {
      notIsolated.push(namespace);
      evidence.push(
        derived(`namespace ${namespace}`, 'no NetworkPolicy isolates egress of all pods'),
      );
      continue;
    }
    for (const policy of local) {
      for (const rule of imdsAdmittingRules(policy)) {
        reachable.push({
          en: `${policy.ref} allows egress to 169.254.169.254`,
          ja: `${policy.ref} が 169.254.169.254 への egress を許可している`,
        });
        evidence.push(rule.evidence());
      }
    }
  }
  if (notIsolated.length > 0) {
    reachable.push({
      en: `namespace${notIsolated.length > 1 ? 's' : ''} ${notIsolated.join(', ')} ${notIsolated.length > 1 ? 'are' : 'is'} not egress-isolated`,
      ja: `名前空間 ${notIsolated.join('、')} の egress が分離されていない`,
    });
  }
  if (reachable.length > 0) {
    const others = nonCorePolicies(k8s);
    if (others.length > 0 && notIsolated.length > 0 && reachable.length === 1) {
      return {
        state: 'unknown',
        reason: {
          en: `${joinReasons(reachable).en}; possibly mitigated by non-core policies (${others.map((policy) => policy.ref).join(', ')})`,
          ja: `${joinReasons(reachable).ja}。ただし標準外のポリシー(${others.map((policy) => policy.ref).join('、')})で緩和されている可能性がある`,
        },
        evidence,
        missing: [],
      };
    }
    return { state: 'reachable', reason: joinReasons(reachable), evidence, missing: [] };
  }
  if (namespaces.length === 0) {
    return {
      state: 'blocked',
      reason: { en: 'there are no application namespaces', ja: 'アプリケーションの名前空間がない' },
      evidence,
      missing: [],
    };
  }
  const isolatedText: LocalizedText = {
    en: `every application namespace (${namespaces.join(', ')}) is egress-isolated and no egress rule admits 169.254.169.254:80`,
    ja: `すべてのアプリケーション名前空間(${namespaces.join('、')})で egress が分離され、169.254.169.254:80 を許可する egress ルールもない`,
  };
  if (engine.state === 'unknown') {
    return {
      state: 'unknown',
      reason: {
        en: `${isolatedText.en}, but whether an engine enforces NetworkPolicy is unknown (${engine.reason.en})`,
        ja: `${isolatedText.ja}。ただし NetworkPolicy を適用するエンジンがあるかはわからない(${engine.reason.ja})`,
      },
      evidence,
      missing: engine.missing,
    };
  }
  return {
    state: 'blocked',
    reason: {
      en: `${isolatedText.en}; ${engine.reason.en}`,
      ja: `${isolatedText.ja}。${engine.reason.ja}`,
    },
    evidence: [...engine.evidence, ...evidence],
    missing: [],
  };
}
