/**
 * The kube-apiserver defaulting that changes Pod Security results for manifests that were never
 * sent to an API server. PSA sees objects after defaulting, so evaluating a raw manifest without
 * these steps can disagree with a real cluster:
 *
 * 1. A volume with no source at all (only a name, or only unknown or null keys) is defaulted to
 *    `emptyDir: {}`. Raw, such a volume fails restricted as volume type "unknown"; defaulted, it
 *    passes. This applies to pods and to pod templates alike.
 * 2. On a Pod (not a pod template: templates are no longer defaulted this way since k8s 1.28) with
 *    `hostNetwork: true`, each `ports[]` entry of the init containers and containers whose
 *    `hostPort` is unset or 0 gets `hostPort` = its `containerPort`. A real cluster therefore adds a
 *    hostPort violation for such pods at baseline.
 *
 * Nothing else is defaulted: for every other field PSA treats absent, null and zero values alike.
 * The functions are pure: they return new objects and never mutate their input. Defaulting an
 * object twice gives the same result as once.
 */

import type { Container, PodSpec, Volume } from '../core/k8s.js';
import { isSet } from './format.js';

/** `pod` for a Pod object, `template` for the pod template of a controller or a PodTemplate. */
export type DefaultingTarget = 'pod' | 'template';

/** The volume sources of the core/v1 API: a volume with none of them set is defaulted. */
const VOLUME_SOURCES: readonly string[] = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

const VOLUME_SOURCE_NAMES: ReadonlySet<string> = new Set(VOLUME_SOURCES);

function defaultVolume(volume: Volume): Volume {
  if (!isSet(volume)) {
    return volume;
  }
  // A volume has a name and a source or two: look at its own keys rather than ask for each of
  // the thirty sources.
  for (const key in volume) {
    if (VOLUME_SOURCE_NAMES.has(key) && isSet(volume[key])) {
      return volume;
    }
  }
  return { ...volume, emptyDir: {} };
}

function defaultHostPorts(containers: Container[]): Container[] {
  return containers.map((container) => {
    if (!isSet(container) || !isSet(container.ports)) {
      return container;
    }
    const ports = container.ports.map((port) => {
      if (!isSet(port) || (isSet(port.hostPort) && port.hostPort !== 0)) {
        return port;
      }
      return isSet(port.containerPort) ? { ...port, hostPort: port.containerPort } : port;
    });
    return { ...container, ports };
  });
}

/** Applies the API-server defaulting described above to a pod spec, returning a new spec. */
export function applyApiServerDefaults(spec: PodSpec, target: DefaultingTarget): PodSpec {
  const result: PodSpec = { ...spec };
  if (isSet(spec.volumes)) {
    result.volumes = spec.volumes.map(defaultVolume);
  }
  if (target === 'pod' && spec.hostNetwork === true) {
    if (isSet(spec.containers)) {
      result.containers = defaultHostPorts(spec.containers);
    }
    if (isSet(spec.initContainers)) {
      result.initContainers = defaultHostPorts(spec.initContainers);
    }
  }
  return result;
}
