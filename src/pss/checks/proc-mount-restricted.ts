/**
 * procMount_restricted (restricted, v1.35+; overrides procMount)
 *
 * At restricted, the default /proc masks must be kept even in a user namespace.
 *
 * Restricted fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.procMount
 * Allowed values: undefined/null, "Default" (spec.hostUsers does not matter)
 */

import type { CheckDefinition } from '../types.js';
import { procMountV1Dot0 } from './proc-mount.js';

export const procMountRestricted: CheckDefinition = {
  id: 'procMount_restricted',
  level: 'restricted',
  title: '/proc mount type',
  overrides: ['procMount'],
  versions: [{ minVersion: 'v1.35', check: procMountV1Dot0 }],
};

export default procMountRestricted;
