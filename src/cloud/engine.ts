/**
 * Is anything enforcing NetworkPolicy in the cluster? Without an enforcer, NetworkPolicy objects
 * are inert, whatever they say. This is an enforcement precondition only: the policies themselves
 * live in the cluster, not in the cloud API.
 */
import jsYaml from 'js-yaml';
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
  /** A sentence: what was found, or what is missing. */
  reason: string;
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
    reason: `a NetworkPolicy engine runs in the cluster (${engines.map((engine) => engine.ref).join(', ')})`,
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
        reason: 'the vpc-cni add-on enforces NetworkPolicy (enableNetworkPolicy: "true")',
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
      reason:
        'the VPC CNI network policy controller is enabled (ConfigMap kube-system/amazon-vpc-cni)',
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
        ? 'the VPC CNI does not enforce NetworkPolicy and no Calico or Cilium DaemonSet runs'
        : 'the vpc-cni add-on does not enforce NetworkPolicy (enableNetworkPolicy is not "true"); no DaemonSets were given to show another engine',
      evidence:
        awsNode === undefined
          ? evidence
          : [...evidence, derived(awsNode.ref, 'no --enable-network-policy=true', awsNode.file)],
      missing: [],
    };
  }
  return {
    state: 'unknown',
    reason: 'neither the vpc-cni add-on nor the cluster DaemonSets were given',
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
        reason: 'the cluster network profile was not given',
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
      reason: `networkProfile.networkPolicy is "${policy.str() ?? ''}"`,
      evidence: [policy.evidence()],
      missing: [],
    };
  }
  return (
    fromObjects(facts.k8s) ?? {
      state: 'absent',
      reason: `networkProfile.networkPolicy is ${policy.present ? `"${String(policy.value)}"` : 'not set'}: no engine enforces NetworkPolicy`,
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
        reason: 'the cluster description was not given',
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
      reason: 'networkPolicy.enabled is true (Calico)',
      evidence: [enabled.evidence()],
      missing: [],
    };
  }
  if (datapath.str() === 'ADVANCED_DATAPATH') {
    return {
      state: 'present',
      reason: 'Dataplane V2 (ADVANCED_DATAPATH) enforces NetworkPolicy',
      evidence: [datapath.evidence()],
      missing: [],
    };
  }
  if (facts.cluster.at('autopilot', 'enabled').bool() === true) {
    return {
      state: 'present',
      reason: 'Autopilot clusters run Dataplane V2',
      evidence: [facts.cluster.at('autopilot', 'enabled').evidence()],
      missing: [],
    };
  }
  return (
    fromObjects(facts.k8s) ?? {
      state: 'absent',
      reason: 'networkPolicy is not enabled and the datapath is not Dataplane V2',
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
          reason:
            'no cluster configuration and no known engine DaemonSet (Calico, Cilium) among the objects',
          evidence: [],
          missing: [missingKubernetesInput('DaemonSet')],
        }
      );
  }
}
