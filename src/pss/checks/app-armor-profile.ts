/**
 * appArmorProfile (baseline, v1.0+)
 *
 * On supported hosts the runtime/default AppArmor profile applies by default. Overriding or
 * disabling it must be prevented, or restricted to an allowed set of profiles.
 *
 * Restricted fields:
 *   metadata.annotations['container.apparmor.security.beta.kubernetes.io/*'] (any key with the
 *   prefix, whether or not a container has that name)
 *   Allowed values: undefined, "", 'runtime/default', 'localhost/*'
 *
 *   spec.securityContext.appArmorProfile.type and
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.appArmorProfile.type
 *   Allowed values: undefined/null profile, 'RuntimeDefault', 'Localhost'
 *
 * The field rules were added upstream (k8s 1.30) to the v1.0 implementation, so they apply at
 * every policy version.
 */

import type { AppArmorProfile, ObjectMeta, PodSpec } from '../../core/k8s.js';
import {
  compareGo,
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

const annotationPrefix = 'container.apparmor.security.beta.kubernetes.io/';

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

function allowedProfile(profile: AppArmorProfile): boolean {
  return profile.type === 'RuntimeDefault' || profile.type === 'Localhost';
}

function appArmorProfileV1Dot0(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const setters: string[] = [];
  const badTypes: string[] = [];

  const podProfile = spec.securityContext?.appArmorProfile;
  if (isSet(podProfile) && !allowedProfile(podProfile)) {
    setters.push('pod');
    badTypes.push(podProfile.type ?? '');
  }

  const badContainers: string[] = [];
  visitContainers(spec, (container) => {
    const profile = container.securityContext?.appArmorProfile;
    if (isSet(profile) && !allowedProfile(profile)) {
      badContainers.push(containerName(container));
      badTypes.push(profile.type ?? '');
    }
  });
  if (badContainers.length > 0) {
    setters.push(containersPhrase(badContainers));
  }

  const badAnnotations: string[] = [];
  for (const [key, raw] of Object.entries(metadata.annotations ?? {})) {
    const value = raw ?? '';
    if (key.startsWith(annotationPrefix) && !allowedAnnotationValue(value)) {
      badAnnotations.push(`${key}=${goQuote(value)}`);
    }
  }
  badAnnotations.sort(compareGo);
  if (badAnnotations.length > 0) {
    setters.push(pluralize('annotation', 'annotations', badAnnotations.length));
  }

  if (setters.length === 0) {
    return { allowed: true };
  }
  const values = [...sortedDistinct(badTypes), ...badAnnotations];
  return {
    allowed: false,
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
  };
}

export const appArmorProfile: CheckDefinition = {
  id: 'appArmorProfile',
  level: 'baseline',
  title: 'AppArmor',
  versions: [{ minVersion: 'v1.0', check: appArmorProfileV1Dot0 }],
};

export default appArmorProfile;
