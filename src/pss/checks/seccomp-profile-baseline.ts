/**
 * seccompProfile_baseline (baseline; overridden by seccompProfile_restricted from v1.19)
 *
 * If a seccomp profile is specified, only the runtime default and localhost profiles are allowed.
 *
 * v1.0 to v1.18, annotations only:
 *   Restricted fields: metadata.annotations['seccomp.security.alpha.kubernetes.io/pod'] and
 *     metadata.annotations['container.seccomp.security.alpha.kubernetes.io/<container name>']
 *     for each container of the pod
 *   Allowed values: undefined, 'runtime/default', 'docker/default', 'localhost/*'
 * v1.19+, fields only (annotations are ignored):
 *   Restricted fields: spec.securityContext.seccompProfile.type and
 *     spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seccompProfile.type
 *   Allowed values: undefined/null profile, 'RuntimeDefault', 'Localhost'
 */

import type { ObjectMeta, PodSpec, SeccompProfile } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  goQuote,
  isSet,
  joinQuote,
  pluralize,
  sortedDistinct,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

const podAnnotation = 'seccomp.security.alpha.kubernetes.io/pod';
const containerAnnotationPrefix = 'container.seccomp.security.alpha.kubernetes.io/';

function validAnnotationValue(value: string): boolean {
  return (
    value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')
  );
}

function seccompProfileBaselineV1Dot0(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const annotations = metadata.annotations ?? {};
  const forbidden: string[] = [];
  const inspect = (key: string): void => {
    if (Object.hasOwn(annotations, key)) {
      const value = annotations[key] ?? '';
      if (!validAnnotationValue(value)) {
        forbidden.push(`${key}=${goQuote(value)}`);
      }
    }
  };
  inspect(podAnnotation);
  visitContainers(spec, (container) => {
    inspect(containerAnnotationPrefix + containerName(container));
  });
  if (forbidden.length === 0) {
    return { allowed: true };
  }
  const entries = sortedDistinct(forbidden);
  return {
    allowed: false,
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', entries.length)} ${entries.join(', ')}`,
  };
}

/** True for the profile types both levels accept. */
export function validSeccompType(profile: SeccompProfile): boolean {
  return profile.type === 'RuntimeDefault' || profile.type === 'Localhost';
}

function seccompProfileBaselineV1Dot19(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const setters: string[] = [];
  const badTypes: string[] = [];
  const podProfile = spec.securityContext?.seccompProfile;
  if (isSet(podProfile) && !validSeccompType(podProfile)) {
    setters.push('pod');
    badTypes.push(podProfile.type ?? '');
  }
  const badContainers: string[] = [];
  visitContainers(spec, (container) => {
    const profile = container.securityContext?.seccompProfile;
    if (isSet(profile) && !validSeccompType(profile)) {
      badContainers.push(containerName(container));
      badTypes.push(profile.type ?? '');
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
    reason: 'seccompProfile',
    detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedDistinct(badTypes))}`,
  };
}

export const seccompProfileBaseline: CheckDefinition = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  title: 'Seccomp',
  versions: [
    { minVersion: 'v1.0', check: seccompProfileBaselineV1Dot0 },
    { minVersion: 'v1.19', check: seccompProfileBaselineV1Dot19 },
  ],
};

export default seccompProfileBaseline;
