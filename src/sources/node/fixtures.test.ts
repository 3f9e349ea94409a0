import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessNode } from '../../cis/assess.js';
import type { NodeFacts } from '../../cis/facts.js';
import { collectNodeFacts } from './collect.js';
import { FIXTURE_EXPECTATIONS } from './fixtures.expected.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/nodes');
const root = (name: string) => join(FIXTURES, name);
const NOW = () => new Date('2026-01-01T00:00:00Z');

describe.each(FIXTURE_EXPECTATIONS)('fixture $fixture ($expectedBenchmark)', (expectation) => {
  const facts = collectNodeFacts({ root: root(expectation.fixture), now: NOW });
  const assessment = assessNode(facts, expectation.benchmark);

  it('chooses the expected benchmark and says why', () => {
    expect(assessment.benchmark.id).toBe(expectation.expectedBenchmark);
    expect(assessment.profile.reasons.length).toBeGreaterThan(0);
  });

  it('gives every automated control its expected verdict', () => {
    const automated = assessment.results.filter((result) => result.automated);
    const actual = Object.fromEntries(automated.map((result) => [result.control, result.verdict]));
    expect(actual).toEqual(expectation.verdicts);
  });

  it('carries evidence for every verdict it reached by looking', () => {
    for (const result of assessment.results) {
      if (result.verdict === 'PASS' || result.verdict === 'FAIL') {
        expect(result.evidence.length, result.control).toBeGreaterThan(0);
        expect(result.reason).not.toBe('');
      }
    }
  });

  it('assesses the same from a facts file', () => {
    const again = assessNode(JSON.parse(JSON.stringify(facts)) as NodeFacts, expectation.benchmark);
    expect(again.results).toEqual(assessment.results);
  });
});

describe('fixture specifics', () => {
  it('marks the control plane of a managed node as not assessable, even on a generic benchmark', () => {
    const facts = collectNodeFacts({ root: root('eks-worker'), now: NOW });
    const assessment = assessNode(facts, 'cis-1.6');
    const controlPlane = assessment.results.filter((r) => ['1', '2'].includes(r.section));
    expect(controlPlane.every((r) => r.verdict === 'NOT_ASSESSABLE')).toBe(true);
    expect(controlPlane[0]?.reason).toMatch(/provider-managed/);
    const section1 = assessment.summary.sections[0]!.tally;
    expect(section1.complianceAssessable).toBeNull();
    expect(section1.compliance).toBe(0);
  });

  it('finds files through the running process, not a fixed list', () => {
    const facts = collectNodeFacts({ root: root('kubeadm-hardened'), now: NOW });
    expect(facts.files['/var/lib/kube-proxy/kubeconfig.conf']?.resolvedAt).toBe(
      '/proc/300/root/var/lib/kube-proxy/kubeconfig.conf',
    );
    expect(facts.documents['/etc/kubernetes/kubelet.conf.d/50-hardening.conf']).toBeDefined();
    expect(facts.documents['/etc/kubernetes/kubelet.conf.d/README']).toBeUndefined();
    const gke = collectNodeFacts({ root: root('gke-node'), now: NOW });
    expect(gke.documents['/home/kubernetes/kubelet-config.yaml']?.content).toBeDefined();
  });

  it('ignores processes that merely mention a component', () => {
    const facts = collectNodeFacts({ root: root('kubeadm-hardened'), now: NOW });
    expect(facts.processes.filter((p) => p.source === 'process').map((p) => p.pid)).toEqual([
      101, 102, 103, 104, 200, 300,
    ]);
  });

  it('records no secret material', () => {
    for (const name of ['kubeadm-hardened', 'kubeadm-weak', 'aks-worker']) {
      const text = JSON.stringify(collectNodeFacts({ root: root(name), now: NOW }));
      expect(text).not.toMatch(/Zml4dHVyZS1zZWNyZXQ|fixture-secret|fixture-token|key placeholder/);
    }
    const facts = collectNodeFacts({ root: root('kubeadm-hardened'), now: NOW });
    expect(facts.encryption).toEqual({
      path: '/etc/kubernetes/enc/encryption.yaml',
      providers: ['aescbc', 'identity'],
    });
    expect(
      readFileSync(join(root('kubeadm-hardened'), 'etc/kubernetes/enc/encryption.yaml'), 'utf8'),
    ).toMatch(/secret:/);
  });
});
