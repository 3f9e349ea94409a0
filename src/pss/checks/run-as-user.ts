/**
 * runAsUser (restricted, v1.23+)
 *
 * Containers must not set runAsUser to 0 (root).
 *
 * Restricted fields: spec.securityContext.runAsUser and
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.runAsUser
 * Allowed values: any non-zero value, undefined/null
 *
 * v1.35+: allowed outright when spec.hostUsers is false (the pod runs in a user namespace).
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { containerName, containersPhrase, usesUserNamespace, visitContainers } from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function runAsUserV1Dot23(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const setters: string[] = [];
  if (spec.securityContext?.runAsUser === 0) {
    setters.push('pod');
  }
  const badContainers: string[] = [];
  visitContainers(spec, (container) => {
    if (container.securityContext?.runAsUser === 0) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length > 0) {
    setters.push(containersPhrase(badContainers));
  }
  if (setters.length === 0) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: 'runAsUser=0',
    detail: `${setters.join(' and ')} must not set runAsUser=0`,
  };
}

function runAsUserV1Dot35(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  if (usesUserNamespace(spec)) {
    return { allowed: true };
  }
  return runAsUserV1Dot23(metadata, spec);
}

export const runAsUser: CheckDefinition = {
  id: 'runAsUser',
  level: 'restricted',
  title: 'Running as non-root user',
  versions: [
    { minVersion: 'v1.23', check: runAsUserV1Dot23 },
    { minVersion: 'v1.35', check: runAsUserV1Dot35 },
  ],
};

export default runAsUser;
