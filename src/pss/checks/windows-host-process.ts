/**
 * windowsHostProcess (baseline, v1.0+)
 *
 * Windows pods offer the ability to run HostProcess containers, which give privileged access to
 * the Windows node. They must be disallowed.
 *
 * Restricted fields: spec.securityContext.windowsOptions.hostProcess and
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.windowsOptions.hostProcess
 * Allowed values: false, undefined/null
 */

import type { ObjectMeta, PodSpec } from '../../core/k8s.js';
import { containerName, containersPhrase, visitContainers } from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

function windowsHostProcessV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const badContainers: string[] = [];
  visitContainers(spec, (container) => {
    if (container.securityContext?.windowsOptions?.hostProcess === true) {
      badContainers.push(containerName(container));
    }
  });
  const setters: string[] = [];
  if (spec.securityContext?.windowsOptions?.hostProcess === true) {
    setters.push('pod');
  }
  if (badContainers.length > 0) {
    setters.push(containersPhrase(badContainers));
  }
  if (setters.length === 0) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: 'hostProcess',
    detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
  };
}

export const windowsHostProcess: CheckDefinition = {
  id: 'windowsHostProcess',
  level: 'baseline',
  title: 'HostProcess',
  versions: [{ minVersion: 'v1.0', check: windowsHostProcessV1Dot0 }],
};

export default windowsHostProcess;
