import { describe, expect, it } from 'vitest';
import { CLONE_SETS, cloneSet, deployment, findingsOf } from '../../../test/rule-tester.js';
import rule, { envCollectionDisabled } from './aks-env-collection.js';

const CONTAINERS = `
containers:
  - name: app
    image: example.com/app:1.0.0
    env:
      - {name: LOG_LEVEL, value: info}
      - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
      - {name: API_TOKEN, value: abc123}
    envFrom:
      - secretRef: {name: extra}
  - name: sidecar
    image: example.com/sidecar:1.0.0
    env:
      - {name: LOG_LEVEL, value: info}
`;

const ON_AKS = deployment(`nodeSelector: {kubernetes.azure.com/mode: user}\n${CONTAINERS}`);
const ANYWHERE = deployment(CONTAINERS);

function agentConfig(settings: string): string {
  return `
---
apiVersion: v1
kind: ConfigMap
metadata: {name: container-azm-ms-agentconfig, namespace: kube-system}
data:
  log-data-collection-settings: |-
${settings
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;
}

describe('secrets/aks-env-collection', () => {
  it('reports containers with secret environment variables on AKS, naming the variables', () => {
    const findings = findingsOf(rule, ON_AKS);
    expect(
      findings.map(({ severity, pointer, message, container }) => ({
        severity,
        pointer,
        message,
        container,
      })),
    ).toEqual([
      {
        severity: 'info',
        pointer: '/spec/template/spec/containers/0/env/1',
        message:
          'Container "app" holds secret environment variables ("DB_PASSWORD", "API_TOKEN", envFrom secretRef "extra") that the AKS Container Insights agent collects; set AZMON_COLLECT_ENV to "false".',
        container: 'app',
      },
    ]);
  });

  it('does nothing when the input does not look like AKS', () => {
    expect(findingsOf(rule, ANYWHERE)).toEqual([]);
  });

  it('applies everywhere with platform: aks', () => {
    expect(findingsOf(rule, ANYWHERE, { options: { platform: 'aks' } })).toHaveLength(1);
  });

  it('recognises AKS from other objects in the input', () => {
    const service = `
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec: {ports: [{port: 80}]}
`;
    expect(findingsOf(rule, ANYWHERE + service)).toHaveLength(1);
    const account = `
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  annotations: {azure.workload.identity/client-id: 00000000-0000-0000-0000-000000000000}
`;
    expect(findingsOf(rule, ANYWHERE + account)).toHaveLength(1);
  });

  it('passes a container that opts out with AZMON_COLLECT_ENV=false, in any case', () => {
    const yaml = deployment(`
nodeSelector: {kubernetes.azure.com/agentpool: apps}
containers:
  - name: app
    image: example.com/app:1.0.0
    env:
      - {name: AZMON_COLLECT_ENV, value: "False"}
      - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('passes everything when the agent ConfigMap turns collection off', () => {
    const off = agentConfig(
      '[log_collection_settings]\n  [log_collection_settings.env_var]\n    # not wanted\n    enabled = false',
    );
    expect(findingsOf(rule, ON_AKS + off)).toEqual([]);
    const on = agentConfig('[log_collection_settings.env_var]\n  enabled = true');
    // The agent ConfigMap also tells that the cluster is AKS.
    expect(findingsOf(rule, ANYWHERE + on)).toHaveLength(1);
  });

  it('reads the agent settings section by section', () => {
    expect(envCollectionDisabled('[log_collection_settings.stdout]\nenabled = false')).toBe(false);
    expect(
      envCollectionDisabled(
        '[log_collection_settings.stdout]\nenabled = true\n[log_collection_settings.env_var]\n  enabled = false # off',
      ),
    ).toBe(true);
    expect(envCollectionDisabled('')).toBe(false);
  });

  it('rejects an unknown platform', () => {
    expect(rule.meta.validateOptions?.({ platform: 'eks' })).toEqual([
      'platform must be one of: auto, aks',
    ]);
  });

  it('recognises AKS from the pod templates of custom workload kinds the configuration maps', () => {
    const agent = `\n---\n${cloneSet(
      'agent',
      '{}',
      '{nodeSelector: {kubernetes.azure.com/mode: system}, containers: [{name: agent, image: "example.com/agent:1.0.0"}]}',
    )}`;
    expect(findingsOf(rule, ANYWHERE + agent, { config: CLONE_SETS })).toHaveLength(1);
    expect(findingsOf(rule, ANYWHERE + agent)).toEqual([]);
  });
});
