import { describe, expect, it } from 'vitest';
import { chooseBenchmark, detectPlatform, parseKubeVersion } from './detect.js';
import { emptyFacts } from './facts.js';
import { factsWith } from './testing.js';

describe('detectPlatform', () => {
  it('recognises version strings, labels, files and provider ids', () => {
    const eks = emptyFacts();
    eks.platform.kubernetesVersion = { value: 'v1.30.5-eks-ce1d5eb', source: 'test' };
    expect(detectPlatform(eks).platform).toBe('eks');
    const gke = factsWith([
      { component: 'kubelet', argv: ['kubelet', '--node-labels=cloud.google.com/gke-nodepool=p'] },
    ]);
    expect(detectPlatform(gke)).toMatchObject({ platform: 'gke' });
    const aks = emptyFacts();
    aks.platform.markers = ['/etc/kubernetes/azure.json'];
    expect(detectPlatform(aks).reasons[0]).toMatch(/azure.json/);
  });

  it('falls back to generic and says why, also on conflicting signals', () => {
    expect(detectPlatform(emptyFacts()).platform).toBe('generic');
    const mixed = emptyFacts();
    mixed.platform.markers = ['/etc/kubernetes/azure.json', '/etc/eks/bootstrap.sh'];
    expect(detectPlatform(mixed)).toMatchObject({ platform: 'generic' });
    expect(detectPlatform(mixed).reasons[0]).toMatch(/conflicting/);
  });
});

describe('chooseBenchmark', () => {
  it('picks the managed benchmark, an old generic one, or honours --benchmark', () => {
    const eks = emptyFacts();
    eks.platform.nodeLabels = { 'eks.amazonaws.com/nodegroup': 'ng' };
    expect(chooseBenchmark(eks)).toMatchObject({ benchmark: { id: 'eks-1.8.0' }, explicit: false });
    const old = emptyFacts();
    old.platform.kubernetesVersion = { value: 'v1.18.20', source: 'test' };
    expect(chooseBenchmark(old)).toMatchObject({ benchmark: { id: 'cis-1.6' } });
    expect(chooseBenchmark(eks, 'cis-1.6')).toMatchObject({
      benchmark: { id: 'cis-1.6' },
      platform: 'eks',
      explicit: true,
    });
    expect(chooseBenchmark(eks, 'nope')).toMatch(/unknown benchmark/);
  });

  it('parses versions', () => {
    expect(parseKubeVersion('v1.30.5-gke.1014001')).toEqual({ major: 1, minor: 30 });
    expect(parseKubeVersion('x')).toBeUndefined();
  });
});
