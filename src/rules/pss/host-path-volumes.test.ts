import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './host-path-volumes.js';

describe('pss/host-path-volumes', () => {
  it('passes other volume types', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
volumes:
  - name: cache
    emptyDir: {}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports each hostPath volume', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
volumes:
  - name: cache
    emptyDir: {}
  - name: docker
    hostPath: {path: /var/run/docker.sock}
  - name: logs
    hostPath: {path: /var/log}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.pointer, f.container])).toEqual([
      ['/spec/template/spec/volumes/1/hostPath', undefined],
      ['/spec/template/spec/volumes/2/hostPath', undefined],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "baseline:latest": hostPath volumes (volume "docker").',
    );
  });
});
