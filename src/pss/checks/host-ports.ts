/**
 * hostPorts (baseline, v1.0+)
 *
 * HostPorts must be disallowed.
 *
 * Restricted fields: spec.{initContainers,containers,ephemeralContainers}[*].ports[*].hostPort
 * Allowed values: undefined/0
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  isSet,
  pluralize,
  sortedDistinct,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function hostPortsV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const badContainers: string[] = [];
  const ports: string[] = [];
  visitContainers(spec, (container) => {
    let bad = false;
    for (const port of container.ports ?? []) {
      const hostPort = isSet(port) ? port.hostPort : undefined;
      if (typeof hostPort === 'number' && hostPort !== 0) {
        bad = true;
        ports.push(String(hostPort));
      }
    }
    if (bad) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length === 0) {
    return { allowed: true };
  }
  // Upstream sorts the ports as strings: "10000" comes before "443".
  const distinct = sortedDistinct(ports);
  const verb = pluralize('uses', 'use', badContainers.length);
  const noun = pluralize('hostPort', 'hostPorts', distinct.length);
  return {
    allowed: false,
    reason: 'hostPort',
    detail: `${containersPhrase(badContainers)} ${verb} ${noun} ${distinct.join(', ')}`,
  };
}

export const hostPorts: CheckDefinition = {
  id: 'hostPorts',
  level: 'baseline',
  title: 'Host ports',
  versions: [{ minVersion: 'v1.0', check: hostPortsV1Dot0 }],
};

export default hostPorts;
