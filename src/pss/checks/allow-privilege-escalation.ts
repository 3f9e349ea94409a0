/**
 * allowPrivilegeEscalation (restricted, v1.8+)
 *
 * Privilege escalation (such as via set-user-ID or set-group-ID file mode) must not be allowed.
 *
 * Restricted fields:
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.allowPrivilegeEscalation
 * Allowed values: false (it must be set explicitly; a missing field fails)
 *
 * v1.25+: pods with spec.os.name=windows are exempt.
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { containerName, containersPhrase, isWindowsPod, visitContainers } from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function allowPrivilegeEscalationV1Dot8(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  visitContainers(spec, (container) => {
    if (container.securityContext?.allowPrivilegeEscalation !== false) {
      bad.push(containerName(container));
    }
  });
  if (bad.length === 0) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`,
  };
}

function allowPrivilegeEscalationV1Dot25(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  if (isWindowsPod(spec)) {
    return { allowed: true };
  }
  return allowPrivilegeEscalationV1Dot8(metadata, spec);
}

export const allowPrivilegeEscalation: CheckDefinition = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  title: 'Privilege escalation',
  versions: [
    { minVersion: 'v1.8', check: allowPrivilegeEscalationV1Dot8 },
    { minVersion: 'v1.25', check: allowPrivilegeEscalationV1Dot25 },
  ],
};

export default allowPrivilegeEscalation;
