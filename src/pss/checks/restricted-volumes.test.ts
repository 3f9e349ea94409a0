import { describe, expect, it } from 'vitest';

import type { PodSpec, Volume } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { restrictedVolumes } from './restricted-volumes.js';

const run = (spec: PodSpec) => implementationAt(restrictedVolumes, 'v1.0')?.({}, spec);
const volume = (name: string, source: string): Volume => ({ name, [source]: {} });

describe('restrictedVolumes', () => {
  it('overrides hostPathVolumes', () => {
    expect(restrictedVolumes.overrides).toEqual(['hostPathVolumes']);
  });

  it.each([
    'configMap',
    'csi',
    'downwardAPI',
    'emptyDir',
    'ephemeral',
    'image',
    'persistentVolumeClaim',
    'projected',
    'secret',
  ])('allows %s at every version', (source) => {
    expect(run({ volumes: [volume('a', source)] })).toEqual({ allowed: true });
  });

  it.each([
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
  ])('forbids %s', (source) => {
    expect(run({ volumes: [volume('a', source)] })).toEqual({
      allowed: false,
      reason: 'restricted volume types',
      detail: `volume "a" uses restricted volume type "${source}"`,
    });
  });

  it('names volumes in order and types sorted, unknown for no source', () => {
    const spec: PodSpec = {
      volumes: [
        volume('n', 'nfs'),
        volume('ok', 'secret'),
        { name: 'raw' },
        volume('h', 'hostPath'),
      ],
    };
    expect(run(spec)).toMatchObject({
      detail: 'volumes "n", "raw", "h" use restricted volume types "hostPath", "nfs", "unknown"',
    });
  });

  it('passes a volume with any allowed source and names the first restricted one', () => {
    expect(run({ volumes: [{ name: 'a', secret: {}, hostPath: {} }] })).toEqual({ allowed: true });
    expect(run({ volumes: [{ name: 'a', nfs: {}, hostPath: {} }] })).toMatchObject({
      detail: 'volume "a" uses restricted volume type "hostPath"',
    });
    expect(run({ volumes: [volume('a', 'nfs'), volume('b', 'nfs')] })).toMatchObject({
      detail: 'volumes "a", "b" use restricted volume type "nfs"',
    });
  });
});
