/**
 * runAsNonRoot (restricted)
 *
 * Containers must be required to run as non-root users.
 *
 * Restricted fields: spec.securityContext.runAsNonRoot and
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.runAsNonRoot
 * Allowed values: true; a container may leave it unset when the pod level sets true.
 * An explicit false anywhere is reported before containers that merely leave it unset.
 *
 * v1.35+: allowed outright when spec.hostUsers is false (the pod runs in a user namespace).
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  isSet,
  usesUserNamespace,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function runAsNonRootV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const setters: string[] = [];
  const podValue = spec.securityContext?.runAsNonRoot;
  if (podValue === false) {
    setters.push('pod');
  }
  const podCovers = podValue === true;
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  visitContainers(spec, (container) => {
    const value = container.securityContext?.runAsNonRoot;
    if (isSet(value)) {
      if (!value) {
        explicitlyBad.push(containerName(container));
      }
    } else if (!podCovers) {
      implicitlyBad.push(containerName(container));
    }
  });
  if (explicitlyBad.length > 0) {
    setters.push(containersPhrase(explicitlyBad));
  }
  if (setters.length > 0) {
    return {
      allowed: false,
      reason: 'runAsNonRoot != true',
      detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      allowed: false,
      reason: 'runAsNonRoot != true',
      detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
    };
  }
  return { allowed: true };
}

function runAsNonRootV1Dot35(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  if (usesUserNamespace(spec)) {
    return { allowed: true };
  }
  return runAsNonRootV1Dot0(metadata, spec);
}

export const runAsNonRoot: CheckDefinition = {
  id: 'runAsNonRoot',
  level: 'restricted',
  title: 'Running as non-root',
  versions: [
    { minVersion: 'v1.0', check: runAsNonRootV1Dot0 },
    { minVersion: 'v1.35', check: runAsNonRootV1Dot35 },
  ],
};

export default runAsNonRoot;
