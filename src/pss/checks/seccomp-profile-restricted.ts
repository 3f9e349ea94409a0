/**
 * seccompProfile_restricted (restricted, v1.19+; overrides seccompProfile_baseline)
 *
 * A seccomp profile must be set explicitly, to the runtime default or a localhost profile.
 *
 * Restricted fields: spec.securityContext.seccompProfile.type and
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seccompProfile.type
 * Allowed values: 'RuntimeDefault', 'Localhost'; a container may leave it unset when the pod level
 *   sets an allowed value.
 *
 * v1.25+: pods with spec.os.name=windows are exempt.
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  isSet,
  isWindowsPod,
  joinQuote,
  sortedDistinct,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';
import { validSeccompType } from './seccomp-profile-baseline.js';

function seccompProfileRestrictedV1Dot19(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const setters: string[] = [];
  const badTypes: string[] = [];
  let podCovers = false;
  const podProfile = spec.securityContext?.seccompProfile;
  if (isSet(podProfile)) {
    if (validSeccompType(podProfile)) {
      podCovers = true;
    } else {
      setters.push('pod');
      badTypes.push(podProfile.type ?? '');
    }
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  visitContainers(spec, (container) => {
    const profile = container.securityContext?.seccompProfile;
    if (isSet(profile)) {
      if (!validSeccompType(profile)) {
        explicitlyBad.push(containerName(container));
        badTypes.push(profile.type ?? '');
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
      reason: 'seccompProfile',
      detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedDistinct(badTypes))}`,
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      allowed: false,
      reason: 'seccompProfile',
      detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    };
  }
  return { allowed: true };
}

function seccompProfileRestrictedV1Dot25(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  if (isWindowsPod(spec)) {
    return { allowed: true };
  }
  return seccompProfileRestrictedV1Dot19(metadata, spec);
}

export const seccompProfileRestricted: CheckDefinition = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  title: 'Seccomp',
  overrides: ['seccompProfile_baseline'],
  versions: [
    { minVersion: 'v1.19', check: seccompProfileRestrictedV1Dot19 },
    { minVersion: 'v1.25', check: seccompProfileRestrictedV1Dot25 },
  ],
};

export default seccompProfileRestricted;
