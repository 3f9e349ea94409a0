/**
 * hostProbesAndHostLifecycle (baseline, v1.34+)
 *
 * The host field of probes and lifecycle handlers must not be set: it would let the kubelet
 * reach any host on behalf of the pod.
 *
 * Restricted fields, for spec.{initContainers,containers,ephemeralContainers}[*]:
 *   livenessProbe, readinessProbe, startupProbe: .httpGet.host, .tcpSocket.host
 *   lifecycle.postStart, lifecycle.preStop: .httpGet.host, .tcpSocket.host
 * Allowed values: "", undefined/null (any other value fails, localhost included)
 */

import type { Container, ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  joinQuote,
  pluralize,
  sortedDistinct,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  return (value as Record<string, unknown>)[key];
}

/** Adds the non-empty hosts of one probe or lifecycle handler to `hosts`. */
function addHandlerHosts(handler: unknown, hosts: string[]): void {
  for (const host of [
    field(field(handler, 'httpGet'), 'host'),
    field(field(handler, 'tcpSocket'), 'host'),
  ]) {
    if (typeof host === 'string' && host !== '') {
      hosts.push(host);
    }
  }
}

/** The hosts of a container's probes and lifecycle handlers, in that order. */
function containerHosts(container: Container): string[] {
  const hosts: string[] = [];
  addHandlerHosts(container.livenessProbe, hosts);
  addHandlerHosts(container.readinessProbe, hosts);
  addHandlerHosts(container.startupProbe, hosts);
  addHandlerHosts(field(container.lifecycle, 'postStart'), hosts);
  addHandlerHosts(field(container.lifecycle, 'preStop'), hosts);
  return hosts;
}

function hostProbesAndHostLifecycleV1Dot34(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const badContainers: string[] = [];
  const hosts: string[] = [];
  visitContainers(spec, (container) => {
    const found = containerHosts(container);
    if (found.length > 0) {
      badContainers.push(containerName(container));
      hosts.push(...found);
    }
  });
  if (badContainers.length === 0) {
    return { allowed: true };
  }
  // Unlike most checks, both the containers and the hosts are sorted distinct sets.
  const containers = sortedDistinct(badContainers);
  const distinctHosts = sortedDistinct(hosts);
  const verb = pluralize('uses', 'use', containers.length);
  const noun = pluralize(
    'probe or lifecycle host',
    'probe or lifecycle hosts',
    distinctHosts.length,
  );
  return {
    allowed: false,
    reason: 'probe or lifecycle host',
    detail: `${containersPhrase(containers)} ${verb} ${noun} ${joinQuote(distinctHosts)}`,
  };
}

export const hostProbesAndHostLifecycle: CheckDefinition = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  title: 'Host probes and lifecycle hooks',
  versions: [{ minVersion: 'v1.34', check: hostProbesAndHostLifecycleV1Dot34 }],
};

export default hostProbesAndHostLifecycle;
