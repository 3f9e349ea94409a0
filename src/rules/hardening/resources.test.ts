import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './resources.js';

const C0 = '/spec/template/spec/containers/0';

function brief(yaml: string, options?: Record<string, unknown>) {
  return findingsOf(rule, yaml, options === undefined ? {} : { options }).map(
    ({ container, pointer, severity, message }) => ({ container, pointer, severity, message }),
  );
}

describe('hardening/resources', () => {
  it('passes requests for cpu and memory with a memory limit; a CPU limit is optional', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {memory: 256Mi}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports each missing value with its own message, at the missing field', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
`);
    expect(brief(yaml)).toEqual([
      {
        container: 'app',
        pointer: `${C0}/resources/requests/cpu`,
        severity: 'low',
        message: 'Container "app" sets no CPU request (resources.requests.cpu).',
      },
      {
        container: 'app',
        pointer: `${C0}/resources/requests/memory`,
        severity: 'low',
        message: 'Container "app" sets no memory request (resources.requests.memory).',
      },
      {
        container: 'app',
        pointer: `${C0}/resources/limits/memory`,
        severity: 'medium',
        message:
          'Container "app" sets no memory limit (resources.limits.memory), so it can use up the memory of its node.',
      },
    ]);
    // Located at the container, the nearest existing field.
    expect(findingsOf(rule, yaml).map((finding) => finding.line)).toEqual([14, 14, 14]);
    expect(new Set(findingsOf(rule, yaml).map((finding) => finding.fingerprint)).size).toBe(3);
  });

  it('treats a limit as the request, as the API server does', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: {cpu: 500m, memory: 256Mi}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('requires a CPU limit only with requireCpuLimit', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {memory: 256Mi}
`);
    expect(brief(yaml, { requireCpuLimit: true })).toEqual([
      {
        container: 'app',
        pointer: `${C0}/resources/limits/cpu`,
        severity: 'low',
        message: 'Container "app" sets no CPU limit (resources.limits.cpu).',
      },
    ]);
    expect(rule.meta.validateOptions?.({ requireCpuLimit: 'yes' })).toEqual([
      'requireCpuLimit must be true or false',
    ]);
  });

  it('checks init containers and exempts ephemeral containers', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
      resources: {requests: {cpu: 10m, memory: 16Mi}}
  containers:
    - name: app
      image: nginx:1.27
      resources: {requests: {cpu: 10m}, limits: {memory: 64Mi}}
  ephemeralContainers:
    - name: shell
      image: busybox:1.36
`;
    expect(
      findingsOf(rule, yaml).map(({ container, pointer }) => ({ container, pointer })),
    ).toEqual([{ container: 'setup', pointer: '/spec/initContainers/0/resources/limits/memory' }]);
  });

  it('accepts pod-level resources for every container', () => {
    const yaml = deployment(`
resources:
  requests: {cpu: "1", memory: 1Gi}
  limits: {memory: 2Gi}
containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('accepts numeric quantities', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 0.5, memory: 134217728}
      limits: {memory: 268435456}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });
});
