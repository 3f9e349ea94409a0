/**
 * capabilities_baseline (baseline, v1.0+)
 *
 * Adding capabilities beyond the default set must be disallowed.
 *
 * Restricted fields:
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.capabilities.add
 * Allowed values: undefined/empty, or only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL,
 * MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT (exact, case-sensitive).
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  joinQuote,
  sortedDistinct,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

const allowedCapabilitiesV1Dot0 = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function capabilitiesBaselineV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const badContainers: string[] = [];
  const badCapabilities: string[] = [];
  visitContainers(spec, (container) => {
    let bad = false;
    for (const entry of container.securityContext?.capabilities?.add ?? []) {
      // A null entry decodes in Go as the empty capability.
      const capability = entry ?? '';
      if (!allowedCapabilitiesV1Dot0.has(capability)) {
        bad = true;
        badCapabilities.push(capability);
      }
    }
    if (bad) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length === 0) {
    return { allowed: true };
  }
  const capabilities = joinQuote(sortedDistinct(badCapabilities));
  return {
    allowed: false,
    reason: 'non-default capabilities',
    detail: `${containersPhrase(badContainers)} must not include ${capabilities} in securityContext.capabilities.add`,
  };
}

export const capabilitiesBaseline: CheckDefinition = {
  id: 'capabilities_baseline',
  level: 'baseline',
  title: 'Capabilities',
  versions: [{ minVersion: 'v1.0', check: capabilitiesBaselineV1Dot0 }],
};

export default capabilitiesBaseline;
