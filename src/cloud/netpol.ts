/**
 * NetworkPolicy semantics needed by the checks: which policies deny by default, and whether an
 * egress rule lets pods reach the instance metadata service at 169.254.169.254:80/TCP.
 *
 * Rules follow the `networking.k8s.io/v1` API: a policy isolates the pods it selects in the
 * directions of its `policyTypes` (defaulting to Ingress, plus Egress when it has egress rules);
 * the traffic allowed is the union of all rules of all policies that select a pod. Pod and
 * namespace selectors never match a link-local host address; an `ipBlock` does when its CIDR holds
 * the address and no `except` entry does.
 */
import { cidrContains, IMDS_ADDRESS, parseCidr } from './cidr.js';
import type { K8sFacts, KubeObject } from './facts/k8s.js';
import type { Node } from './node.js';

/** Core NetworkPolicies (Calico's `projectcalico.org` kind of the same name is left out). */
export function networkPolicies(k8s: K8sFacts): KubeObject[] {
  return k8s.ofKind('NetworkPolicy').filter((policy) => {
    const apiVersion = policy.node.get('apiVersion').str();
    return apiVersion === undefined || apiVersion.startsWith('networking.k8s.io/');
  });
}

/** An empty `podSelector` selects every pod of the namespace. */
export function selectsAllPods(policy: KubeObject): boolean {
  const selector = policy.node.at('spec', 'podSelector');
  const labels = selector.get('matchLabels').entries();
  const expressions = selector.get('matchExpressions').items();
  return labels.length === 0 && expressions.length === 0;
}

export type Direction = 'Ingress' | 'Egress';

/** The directions a policy isolates, with the API's defaulting when `policyTypes` is unset. */
export function policyTypes(policy: KubeObject): Set<Direction> {
  const spec = policy.node.get('spec');
  const explicit = spec.get('policyTypes');
  if (explicit.isArray) {
    return new Set(
      explicit
        .strings()
        .filter((type): type is Direction => type === 'Ingress' || type === 'Egress'),
    );
  }
  const types = new Set<Direction>(['Ingress']);
  if (spec.get('egress').items().length > 0) {
    types.add('Egress');
  }
  return types;
}

function rulesOf(policy: KubeObject, direction: Direction): Node[] {
  return policy.node.at('spec', direction === 'Ingress' ? 'ingress' : 'egress').items();
}

/** A policy that selects every pod and allows nothing in `direction`. */
export function deniesAll(policy: KubeObject, direction: Direction): boolean {
  return (
    selectsAllPods(policy) &&
    policyTypes(policy).has(direction) &&
    rulesOf(policy, direction).length === 0
  );
}

/** Whether a port list admits 80/TCP. Named ports cannot be resolved for a host: assumed to. */
function portsAdmitHttp(ports: Node[]): boolean {
  if (ports.length === 0) {
    return true;
  }
  return ports.some((port) => {
    const protocol = port.get('protocol').str() ?? 'TCP';
    if (protocol.toUpperCase() !== 'TCP') {
      return false;
    }
    const number = port.get('port');
    if (!number.present) {
      return true;
    }
    if (typeof number.value === 'string' && !/^\d+$/.test(number.value)) {
      return true;
    }
    const start = number.num() ?? 0;
    const end = port.get('endPort').num() ?? start;
    return start <= 80 && 80 <= end;
  });
}

/** Whether one egress peer covers the metadata address. */
function peerAdmitsImds(peer: Node): boolean {
  const block = peer.get('ipBlock');
  if (!block.present) {
    return false;
  }
  const cidr = parseCidr(block.get('cidr').str() ?? '');
  if (cidr === undefined || !cidrContains(cidr, IMDS_ADDRESS)) {
    return false;
  }
  return !block
    .get('except')
    .strings()
    .some((text) => {
      const except = parseCidr(text);
      return except !== undefined && cidrContains(except, IMDS_ADDRESS);
    });
}

/** The egress rules of a policy that let selected pods reach 169.254.169.254:80, as evidence nodes. */
export function imdsAdmittingRules(policy: KubeObject): Node[] {
  if (!policyTypes(policy).has('Egress')) {
    return [];
  }
  return rulesOf(policy, 'Egress').filter((rule) => {
    if (!portsAdmitHttp(rule.get('ports').items())) {
      return false;
    }
    const peers = rule.get('to').items();
    return peers.length === 0 || peers.some(peerAdmitsImds);
  });
}
