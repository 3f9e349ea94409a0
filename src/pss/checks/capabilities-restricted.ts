/**
 * capabilities_restricted (restricted, v1.22+; overrides capabilities_baseline)
 *
 * Containers must drop ALL capabilities, and may only add back NET_BIND_SERVICE.
 *
 * Restricted fields:
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.capabilities.drop
 *   Allowed values: a list that includes "ALL" (exact, case-sensitive)
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.capabilities.add
 *   Allowed values: undefined/empty, "NET_BIND_SERVICE"
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

function capabilitiesRestrictedV1Dot22(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbiddenCapabilities: string[] = [];
  visitContainers(spec, (container) => {
    const capabilities = container.securityContext?.capabilities;
    if (!isSet(capabilities)) {
      missingDropAll.push(containerName(container));
      return;
    }
    if (!(capabilities.drop ?? []).includes('ALL')) {
      missingDropAll.push(containerName(container));
    }
    const forbidden = (capabilities.add ?? [])
      .map((c) => c ?? '')
      .filter((c) => c !== 'NET_BIND_SERVICE');
    if (forbidden.length > 0) {
      addingForbidden.push(containerName(container));
      forbiddenCapabilities.push(...forbidden);
    }
  });
  const details: string[] = [];
  if (missingDropAll.length > 0) {
    details.push(
      `${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`,
    );
  }
  if (addingForbidden.length > 0) {
    const capabilities = joinQuote(sortedDistinct(forbiddenCapabilities));
    details.push(
      `${containersPhrase(addingForbidden)} must not include ${capabilities} in securityContext.capabilities.add`,
    );
  }
  if (details.length === 0) {
    return { allowed: true };
  }
  return { allowed: false, reason: 'unrestricted capabilities', detail: details.join('; ') };
}

function capabilitiesRestrictedV1Dot25(metadata: ObjectMeta, spec: PodSpec): CheckResult {
  if (isWindowsPod(spec)) {
    return { allowed: true };
  }
  return capabilitiesRestrictedV1Dot22(metadata, spec);
}

export const capabilitiesRestricted: CheckDefinition = {
  id: 'capabilities_restricted',
  level: 'restricted',
  title: 'Capabilities',
  overrides: ['capabilities_baseline'],
  versions: [
    { minVersion: 'v1.22', check: capabilitiesRestrictedV1Dot22 },
    { minVersion: 'v1.25', check: capabilitiesRestrictedV1Dot25 },
  ],
};

export default capabilitiesRestricted;
