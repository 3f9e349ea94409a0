/**
 * seLinuxOptions (baseline)
 *
 * Setting the SELinux type is restricted, and setting a custom SELinux user or role is forbidden.
 *
 * Restricted fields: spec.securityContext.seLinuxOptions and
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seLinuxOptions:
 *   .type  allowed: undefined/"", container_t, container_init_t, container_kvm_t,
 *          and from v1.31 container_engine_t
 *   .user, .role  allowed: undefined/""
 *   .level is not restricted.
 */

import type { ObjectMeta, PodSpec, SELinuxOptions } from '../../core/k8s.js';
import {
  containerName,
  containersPhrase,
  isSet,
  joinQuote,
  pluralize,
  sortedDistinct,
  visitContainers,
} from '../format.js';
import type { CheckDefinition, CheckFn, CheckResult } from '../types.js';

const allowedTypesV1Dot0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const allowedTypesV1Dot31 = [...allowedTypesV1Dot0, 'container_engine_t'];

function seLinuxOptionsWith(allowedTypes: readonly string[]): CheckFn {
  const allowed = new Set(allowedTypes);
  return (_metadata: ObjectMeta, spec: PodSpec): CheckResult => {
    const badTypes: string[] = [];
    let setUser = false;
    let setRole = false;
    const valid = (options: SELinuxOptions | undefined): boolean => {
      if (!isSet(options)) {
        return true;
      }
      let ok = true;
      const type = options.type ?? '';
      if (!allowed.has(type)) {
        ok = false;
        badTypes.push(type);
      }
      if ((options.user ?? '') !== '') {
        ok = false;
        setUser = true;
      }
      if ((options.role ?? '') !== '') {
        ok = false;
        setRole = true;
      }
      return ok;
    };

    const setters: string[] = [];
    if (!valid(spec.securityContext?.seLinuxOptions)) {
      setters.push('pod');
    }
    const badContainers: string[] = [];
    visitContainers(spec, (container) => {
      if (!valid(container.securityContext?.seLinuxOptions)) {
        badContainers.push(containerName(container));
      }
    });
    if (badContainers.length > 0) {
      setters.push(containersPhrase(badContainers));
    }
    if (setters.length === 0) {
      return { allowed: true };
    }
    const parts: string[] = [];
    const types = sortedDistinct(badTypes);
    if (types.length > 0) {
      parts.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
    }
    if (setUser) {
      parts.push('user may not be set');
    }
    if (setRole) {
      parts.push('role may not be set');
    }
    return {
      allowed: false,
      reason: 'seLinuxOptions',
      detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${parts.join('; ')}`,
    };
  };
}

export const seLinuxOptions: CheckDefinition = {
  id: 'seLinuxOptions',
  level: 'baseline',
  title: 'SELinux',
  versions: [
    { minVersion: 'v1.0', check: seLinuxOptionsWith(allowedTypesV1Dot0) },
    { minVersion: 'v1.31', check: seLinuxOptionsWith(allowedTypesV1Dot31) },
  ],
};

export default seLinuxOptions;
