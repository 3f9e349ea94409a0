/**
 * privileged (baseline, v1.0+)
 *
 * Privileged containers disable most security mechanisms and must be disallowed.
 *
 * Restricted fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.privileged
 * Allowed values: false, undefined/null
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { containerName, containersPhrase, visitContainers } from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function privilegedV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  visitContainers(spec, (container) => {
    if (container.securityContext?.privileged === true) {
      bad.push(containerName(container));
    }
  });
  if (bad.length === 0) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: 'privileged',
    detail: `${containersPhrase(bad)} must not set securityContext.privileged=true`,
  };
}

export const privileged: CheckDefinition = {
  id: 'privileged',
  level: 'baseline',
  title: 'Privileged containers',
  versions: [{ minVersion: 'v1.0', check: privilegedV1Dot0 }],
};

export default privileged;
