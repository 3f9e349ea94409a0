/**
 * restrictedVolumes (restricted, v1.0+; overrides hostPathVolumes)
 *
 * Besides forbidding hostPath volumes, the restricted level limits inline volume sources to:
 * configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected,
 * secret. (`image` was added upstream in k8s 1.33 to the v1.0 implementation, so it is allowed at
 * every policy version.)
 *
 * Restricted fields: spec.volumes[*].{hostPath, gcePersistentDisk, awsElasticBlockStore, gitRepo,
 *   nfs, iscsi, glusterfs, rbd, flexVolume, cinder, cephfs, flocker, fc, azureFile, vsphereVolume,
 *   quobyte, azureDisk, photonPersistentDisk, portworxVolume, scaleIO, storageos}
 * Allowed values: undefined/null
 *
 * A volume with any allowed source passes. Otherwise its type is the first restricted source set,
 * in the order above, or "unknown" when none is.
 */

import type { ObjectMeta, PodSpec, Volume } from '../../core/k8s.js';
import { isSet, joinQuote, pluralize, sortedDistinct } from '../format.js';
import type { CheckDefinition, CheckResult } from '../types.js';

const allowedSources = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

const restrictedSources = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

function restrictedType(volume: Volume): string | undefined {
  if (allowedSources.some((source) => isSet(volume[source]))) {
    return undefined;
  }
  return restrictedSources.find((source) => isSet(volume[source])) ?? 'unknown';
}

function restrictedVolumesV1Dot0(_metadata: ObjectMeta, spec: PodSpec): CheckResult {
  const badVolumes: string[] = [];
  const badTypes: string[] = [];
  for (const entry of spec.volumes ?? []) {
    const volume: Volume = entry ?? {};
    const type = restrictedType(volume);
    if (type !== undefined) {
      badVolumes.push(volume.name ?? '');
      badTypes.push(type);
    }
  }
  if (badVolumes.length === 0) {
    return { allowed: true };
  }
  const types = sortedDistinct(badTypes);
  const noun = pluralize('volume', 'volumes', badVolumes.length);
  const verb = pluralize('uses', 'use', badVolumes.length);
  const kind = pluralize('restricted volume type', 'restricted volume types', types.length);
  return {
    allowed: false,
    reason: 'restricted volume types',
    detail: `${noun} ${joinQuote(badVolumes)} ${verb} ${kind} ${joinQuote(types)}`,
  };
}

export const restrictedVolumes: CheckDefinition = {
  id: 'restrictedVolumes',
  level: 'restricted',
  title: 'Volume types',
  overrides: ['hostPathVolumes'],
  versions: [{ minVersion: 'v1.0', check: restrictedVolumesV1Dot0 }],
};

export default restrictedVolumes;
