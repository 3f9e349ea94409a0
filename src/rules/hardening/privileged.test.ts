import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './privileged.js';

describe('hardening/privileged', () => {
  it('passes containers that are not privileged', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    securityContext:
      privileged: false
  - name: sidecar
    image: envoy:1.30
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a privileged init container at the line of the field', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: busybox:1.36
    securityContext:
      privileged: true
containers:
  - name: app
    image: nginx:1.27
`);
    const findings = findingsOf(rule, yaml);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hardening/privileged',
      container: 'setup',
      pointer: '/spec/template/spec/initContainers/0/securityContext/privileged',
      line: 17,
      message: 'Container "setup" runs privileged (securityContext.privileged: true).',
    });
  });

  it('reports ephemeral containers too', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers: [{name: app, image: "nginx:1.27"}]
  ephemeralContainers:
    - name: shell
      image: busybox:1.36
      securityContext: {privileged: true}
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.container)).toEqual(['shell']);
  });
});
