import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import hostPath from './host-path-volumes.js';
import rule from './restricted-volumes.js';

describe('pss/restricted-volumes', () => {
  it('passes the allowed volume types, and volumes that default to emptyDir', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
volumes:
  - name: config
    configMap: {name: app}
  - name: data
    persistentVolumeClaim: {claimName: data}
  - name: scratch
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports other volume types at their source', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
volumes:
  - name: share
    nfs: {server: nfs.example.com, path: /exports}
`);
    const findings = findingsOf(rule, yaml);
    expect(findings.map((f) => [f.pointer, f.severity])).toEqual([
      ['/spec/template/spec/volumes/0/nfs', 'medium'],
    ]);
    expect(findings[0]?.message).toBe(
      'Violates PodSecurity "restricted:latest": restricted volume types (volume "share" uses restricted volume type "nfs").',
    );
  });

  it('leaves hostPath volumes to pss/host-path-volumes', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
volumes:
  - name: root
    hostPath: {path: /}
  - name: share
    nfs: {server: nfs.example.com, path: /exports}
`);
    const { findings } = runRules([hostPath, rule], yaml);
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['pss/host-path-volumes', '/spec/template/spec/volumes/0/hostPath'],
      ['pss/restricted-volumes', '/spec/template/spec/volumes/1/nfs'],
    ]);
  });
});
