import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './probes.js';

const ENABLED = { config: { rules: { 'workload/probes': { enabled: true } } } };

function messages(yaml: string): string[] {
  return findingsOf(rule, yaml, ENABLED).map((finding) => finding.message);
}

describe('workload/probes', () => {
  it('is off by default', () => {
    const yaml = deployment('containers: [{name: app, image: "example.com/app:1.0.0"}]');
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports missing probes of regular containers only', () => {
    const yaml = deployment(`
initContainers:
  - name: setup
    image: example.com/setup:1.0.0
containers:
  - name: app
    image: example.com/app:1.0.0
    readinessProbe: {httpGet: {path: /ready, port: 8080}}
`);
    const findings = findingsOf(rule, yaml, ENABLED);
    expect(
      findings.map(({ severity, pointer, message }) => ({ severity, pointer, message })),
    ).toEqual([
      {
        severity: 'low',
        pointer: '/spec/template/spec/containers/0/livenessProbe',
        message: 'Container "app" has no liveness probe.',
      },
    ]);
  });

  it('passes containers with both probes', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    livenessProbe: {httpGet: {path: /healthz, port: 8080}, failureThreshold: 6}
    readinessProbe: {httpGet: {path: /healthz, port: 8080}}
`);
    expect(messages(yaml)).toEqual([]);
  });

  it('reports identical liveness and readiness probes, whatever the key order', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 5}
    readinessProbe: {periodSeconds: 5, httpGet: {port: 8080, path: /healthz}}
`);
    expect(messages(yaml)).toEqual([
      'Container "app" uses the same check for its liveness and readiness probes, so a busy container is restarted instead of taken out of rotation.',
    ]);
  });

  it.each([['Never'], ['OnFailure']])('skips pods with restartPolicy %s', (policy) => {
    const yaml = deployment(`
restartPolicy: ${policy}
containers: [{name: app, image: "example.com/app:1.0.0"}]
`);
    expect(messages(yaml)).toEqual([]);
  });
});
