/**
 * Is anything enforcing NetworkPolicy in the cluster? Without an enforcer, NetworkPolicy objects
 * are inert, whatever they say. This is an enforcement precondition only: the policies themselves
 * live in the cluster, not in the cloud API.
 */
import jsYaml from 'js-yaml';
import type { LocalizedText } from '../core/model.js';
import { derived } from './checks/define.js';
import { aksField, type AksFacts } from './facts/aks.js';
import { addonNamed, type EksFacts } from './facts/eks.js';
import type { GkeFacts } from './facts/gke.js';
import type { ClusterFacts } from './facts/index.js';
import { policyEngineObjects, type K8sFacts } from './facts/k8s.js';
import { missingCloudInput, missingKubernetesInput } from './inputs.js';
import type { Evidence, MissingInput } from './types.js';

export interface EngineState {
  state: 'present' | 'absent' | 'unknown';
  /** A clause: what was found, or what is missing. */
  reason: LocalizedText;
  evidence: Evidence[];
  missing: MissingInput[];
}

/** Decodes an add-on's `configurationValues`, a JSON or YAML document held in a string. */
export function configurationValues(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  try {
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function fromObjects(k8s: K8sFacts): EngineState | undefined {
  const engines = policyEngineObjects(k8s);
  if (engines.length === 0) {
    return undefined;
  }
  return {
    state: 'present',
    reason: {
      en: `a NetworkPolicy engine runs in the cluster (${engines.map((engine) => engine.ref).join(', ')})`,
      ja: `クラスター内で NetworkPolicy エンジンが動いている(${engines.map((engine) => engine.ref).join('、')})`,
    },
    evidence: engines.map((engine) => derived(engine.ref, 'present', engine.file)),
    missing: [],
  };
}

function eksEngine(facts: EksFacts): EngineState {
  const vpcCni = addonNamed(facts, 'vpc-cni');
  const evidence: Evidence[] = [];
  if (vpcCni !== undefined) {
    const raw = vpcCni.get('configurationValues');
    const values = configurationValues(raw.str());
    const flag = values?.enableNetworkPolicy;
    evidence.push({
      ...raw.evidence(),
      value: flag === undefined ? (raw.value ?? null) : { enableNetworkPolicy: flag },
    });
    if (flag === true || (typeof flag === 'string' && flag.toLowerCase() === 'true')) {
      return {
        state: 'present',
        reason: {
          en: 'the vpc-cni add-on enforces NetworkPolicy (enableNetworkPolicy: "true")',
          ja: 'vpc-cni アドオンが NetworkPolicy を適用している(enableNetworkPolicy: "true")',
        },
        evidence,
        missing: [],
      };
    }
  }
  const configMap = facts.k8s.find('ConfigMap', 'kube-system', 'amazon-vpc-cni');
  const controller = configMap?.node.at('data', 'enable-network-policy-controller');
  if (controller?.bool() === true) {
    return {
      state: 'present',
      reason: {
        en: 'the VPC CNI network policy controller is enabled (ConfigMap kube-system/amazon-vpc-cni)',
        ja: 'VPC CNI のネットワークポリシーコントローラーが有効になっている(ConfigMap kube-system/amazon-vpc-cni)',
      },
      evidence: [controller.evidence()],
      missing: [],
    };
  }
  const fromCluster = fromObjects(facts.k8s);
  if (fromCluster !== undefined) {
    return fromCluster;
  }
  const awsNode = facts.k8s.find('DaemonSet', 'kube-system', 'aws-node');
  if (vpcCni !== undefined || awsNode !== undefined) {
    const daemonSetsKnown = facts.k8s.has('DaemonSet');
    return {
      state: 'absent',
      reason: daemonSetsKnown
        ? {
            en: 'the VPC CNI does not enforce NetworkPolicy and no Calico or Cilium DaemonSet runs',
            ja: 'VPC CNI は NetworkPolicy を適用しておらず、Calico や Cilium の DaemonSet も動いていない',
          }
        : {
            en: 'the vpc-cni add-on does not enforce NetworkPolicy (enableNetworkPolicy is not "true"); no DaemonSets were given to show another engine',
            ja: 'vpc-cni アドオンは NetworkPolicy を適用していない(enableNetworkPolicy が "true" ではない)。ほかのエンジンの有無を示す DaemonSet も与えられていない',
          },
      evidence:
        awsNode === undefined
          ? evidence
          : [...evidence, derived(awsNode.ref, 'no --enable-network-policy=true', awsNode.file)],
      missing: [],
    };
  }
  return {
    state: 'unknown',
    reason: {
      en: 'neither the vpc-cni add-on nor the cluster DaemonSets were given',
      ja: 'vpc-cni アドオンもクラスターの DaemonSet も与えられていない',
    },
    evidence,
    missing: [
      missingCloudInput('eks-addon', { ...facts.vars, item: 'vpc-cni' }),
      missingKubernetesInput('DaemonSet'),
    ],
  };
}

const AKS_ENGINES = ['azure', 'calico', 'cilium'];

function aksEngine(facts: AksFacts): EngineState {
  const profile = aksField(facts, 'networkProfile');
  if (!facts.hasCluster || !profile.present) {
    return (
      fromObjects(facts.k8s) ?? {
        state: 'unknown',
        reason: {
          en: 'the cluster network profile was not given',
          ja: 'クラスターのネットワークプロファイルが与えられていない',
        },
        evidence: [],
        missing: [missingCloudInput('aks-cluster', facts.vars)],
      }
    );
  }
  const policy = profile.get('networkPolicy');
  const value = policy.str()?.toLowerCase();
  if (value !== undefined && AKS_ENGINES.includes(value)) {
    return {
      state: 'present',
      reason: {
        en: `networkProfile.networkPolicy is "${policy.str() ?? ''}"`,
        ja: `networkProfile.networkPolicy が "${policy.str() ?? ''}" になっている`,
      },
      evidence: [policy.evidence()],
      missing: [],
    };
  }
  return (
    fromObjects(facts.k8s) ?? {
      state: 'absent',
      reason: {
        en: `networkProfile.networkPolicy is ${policy.present ? `"${String(policy.value)}"` : 'not set'}: no engine enforces NetworkPolicy`,
        ja: `networkProfile.networkPolicy が${policy.present ? ` "${String(policy.value)}" になっている` : '設定されていない'}ため、NetworkPolicy を適用するエンジンがない`,
      },
      evidence: [policy.evidence()],
      missing: [],
    }
  );
}

function gkeEngine(facts: GkeFacts): EngineState {
  if (!facts.hasCluster) {
    return (
      fromObjects(facts.k8s) ?? {
        state: 'unknown',
        reason: {
          en: 'the cluster description was not given',
          ja: 'クラスターの記述(describe の出力)が与えられていない',
        },
        evidence: [],
        missing: [missingCloudInput('gke-cluster', facts.vars)],
      }
    );
  }
  const enabled = facts.cluster.at('networkPolicy', 'enabled');
  const datapath = facts.cluster.at('networkConfig', 'datapathProvider');
  if (enabled.bool() === true) {
    return {
      state: 'present',
      reason: {
        en: 'networkPolicy.enabled is true (Calico)',
        ja: 'networkPolicy.enabled が true になっている(Calico)',
      },
      evidence: [enabled.evidence()],
      missing: [],
    };
  }
  if (datapath.str() === 'ADVANCED_DATAPATH') {
    return {
      state: 'present',
      reason: {
        en: 'Dataplane V2 (ADVANCED_DATAPATH) enforces NetworkPolicy',
        ja: 'Dataplane V2 (ADVANCED_DATAPATH) が NetworkPolicy を適用している',
      },
      evidence: [datapath.evidence()],
      missing: [],
    };
  }
  if (facts.cluster.at('autopilot', 'enabled').bool() === true) {
    return {
      state: 'present',
      reason: {
        en: 'Autopilot clusters run Dataplane V2',
        ja: 'Autopilot クラスターは Dataplane V2 で動いている',
      },
      evidence: [facts.cluster.at('autopilot', 'enabled').evidence()],
      missing: [],
    };
  }
  return (
    fromObjects(facts.k8s) ?? {
      state: 'absent',
      reason: {
        en: 'networkPolicy is not enabled and the datapath is not Dataplane V2',
        ja: 'networkPolicy が有効になっておらず、データパスも Dataplane V2 ではない',
      },
      evidence: [enabled.evidence(), datapath.evidence()],
      missing: [],
    }
  );
}

export function policyEngine(facts: ClusterFacts): EngineState {
  switch (facts.provider) {
    case 'eks':
      return eksEngine(facts);
    case 'aks':
      return aksEngine(facts);
    case 'gke':
      return gkeEngine(facts);
    case 'kubernetes':
      return (
        fromObjects(facts.k8s) ?? {
          state: 'unknown',
          reason: {
            en: 'no cluster configuration and no known engine DaemonSet (Calico, Cilium) among the objects',
            ja: 'クラスター設定がなく、オブジェクトの中に既知のエンジン(Calico、Cilium)の DaemonSet もない',
          },
          evidence: [],
          missing: [missingKubernetesInput('DaemonSet')],
        }
      );
  }
}
