/**
 * hostNamespaces (baseline, v1.0+)
 *
 * Sharing the host namespaces must be disallowed.
 *
 * Restricted fields: spec.hostNetwork, spec.hostPID, spec.hostIPC
 * Allowed values: false, undefined/null
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function hostNamespacesV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const set: string[] = [];
  if (spec.hostNetwork === true) {
    set.push('hostNetwork=true');
  }
  if (spec.hostPID === true) {
    set.push('hostPID=true');
  }
  if (spec.hostIPC === true) {
    set.push('hostIPC=true');
  }
  if (set.length === 0) {
    return { allowed: true };
  }
  return { allowed: false, reason: 'host namespaces', detail: set.join(', ') };
}

export const hostNamespaces: CheckDefinition = {
  id: 'hostNamespaces',
  level: 'baseline',
  title: 'Host namespaces',
  versions: [{ minVersion: 'v1.0', check: hostNamespacesV1Dot0 }],
};

export default hostNamespaces;
