/**
 * hostPathVolumes (baseline, v1.0+; overridden by restrictedVolumes at restricted)
 *
 * HostPath volumes must be forbidden.
 *
 * Restricted fields: spec.volumes[*].hostPath
 * Allowed values: undefined/null
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { isSet, joinQuote, pluralize } from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function hostPathVolumesV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  for (const volume of spec.volumes ?? []) {
    if (isSet(volume) && isSet(volume.hostPath)) {
      bad.push(volume.name ?? '');
    }
  }
  if (bad.length === 0) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`,
  };
}

export const hostPathVolumes: CheckDefinition = {
  id: 'hostPathVolumes',
  level: 'baseline',
  title: 'HostPath volumes',
  versions: [{ minVersion: 'v1.0', check: hostPathVolumesV1Dot0 }],
};

export default hostPathVolumes;
