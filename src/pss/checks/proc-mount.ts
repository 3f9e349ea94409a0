/**
 * procMount (baseline)
 *
 * The default /proc masks reduce the attack surface and must be kept.
 *
 * Restricted fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.procMount
 * Allowed values: undefined/null, "Default"
 *
 * v1.35+: allowed outright when spec.hostUsers is false (the pod runs in a user namespace).
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  isSet,
  joinQuote,
  sortedDistinct,
  usesUserNamespace,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

/** The strict rule, shared with procMount_restricted. */
export function procMountV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const badContainers: string[] = [];
  const badTypes: string[] = [];
  visitContainers(spec, (container) => {
    const procMount = container.securityContext?.procMount;
    if (isSet(procMount) && procMount !== 'Default') {
      badContainers.push(containerName(container));
      badTypes.push(procMount);
    }
  });
  if (badContainers.length === 0) {
    return { allowed: true };
  }
  const types = joinQuote(sortedDistinct(badTypes));
  return {
    allowed: false,
    reason: 'procMount',
    detail: `${containersPhrase(badContainers)} must not set securityContext.procMount to ${types}`,
  };
}

function procMountV1Dot35(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  if (usesUserNamespace(spec)) {
    return { allowed: true };
  }
  return procMountV1Dot0(metadata, spec);
}

export const procMount: CheckDefinition = {
  id: 'procMount',
  level: 'baseline',
  title: '/proc mount type',
  versions: [
    { minVersion: 'v1.0', check: procMountV1Dot0 },
    { minVersion: 'v1.35', check: procMountV1Dot35 },
  ],
};

export default procMount;
