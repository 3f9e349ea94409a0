import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { execute } from '../cli/execute.js';
import type { CliIO } from '../cli/io.js';
import { renderManifests, webhookObjects, type ManifestOptions } from './manifests.js';

const dir = mkdtempSync(join(tmpdir(), 'mamori-webhook-manifests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CA = '-----BEGIN CERTIFICATE-----\nMIIBdGVzdA==\n-----END CERTIFICATE-----\n';

function io(): CliIO & { out: () => string } {
  let stdout = '';
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
    env: {},
    cwd: dir,
    now: () => new Date('2026-11-23T12:00:00Z'),
    out: () => stdout,
  };
}

const base: ManifestOptions = {
  namespace: 'mamori-system',
  image: 'ghcr.io/mamori-dev/mamori@sha256:' + 'a'.repeat(64),
  replicas: 2,
  failurePolicy: 'Fail',
  certManager: false,
  caBundlePem: CA,
};

interface Finding {
  ruleId: string;
  resource: { kind: string };
  message: string;
  suppression: unknown;
}

async function scan(text: string): Promise<Finding[]> {
  const file = join(dir, 'webhook.yaml');
  writeFileSync(file, text);
  const out = io();
  await execute(['scan', file, '--format', 'json', '--fail-on', 'none'], out);
  return (JSON.parse(out.out()) as { findings: Finding[] }).findings;
}

describe('webhook manifests', () => {
  it.each([
    ['caBundle', base],
    ['cert-manager', { ...base, certManager: true }],
    ['a tagged image', { ...base, image: 'ghcr.io/mamori-dev/mamori:0.1.0' }],
  ])('pass every rule of mamori scan (%s)', async (_variant, options) => {
    const findings = await scan(renderManifests(options));
    const open = findings.filter((f) => f.suppression === null);
    expect(open.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    // Not vacuous: the scan sees the objects (the token finding is suppressed with a reason).
    expect(findings.map((f) => f.ruleId)).toContain('secrets/service-account-token');
  });

  it('print the expected objects with a caBundle and least-privilege RBAC', async () => {
    const out = io();
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, CA);
    const code = await execute(['webhook', 'manifests', '--ca-file', caFile], out);
    expect(code).toBe(0);
    const objects = parseAllDocuments(out.out()).map((d) => d.toJS() as Record<string, unknown>);
    expect(objects.map((o) => o.kind)).toEqual([
      'Namespace',
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'ConfigMap',
      'Deployment',
      'Service',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'ValidatingWebhookConfiguration',
    ]);
    // Read-only: namespaces are listed and watched, pods only listed.
    expect(objects[2]).toEqual(
      expect.objectContaining({
        rules: [
          { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['pods'], verbs: ['list'] },
        ],
      }),
    );
    // Namespace CREATE and UPDATE reach the webhook (labels, and existing pods on a raise).
    const webhookRules = (objects[9] as { webhooks: { rules: object[] }[] }).webhooks[0]?.rules;
    expect(webhookRules).toContainEqual({
      apiGroups: [''],
      apiVersions: ['v1'],
      operations: ['CREATE', 'UPDATE'],
      resources: ['namespaces', 'podtemplates', 'replicationcontrollers'],
    });
    const vwc = JSON.stringify(objects[9]);
    expect(vwc).toContain(Buffer.from(CA).toString('base64'));
    expect(vwc).toContain('"NotIn","values":["mamori-system"]');
    expect(objects[5]).toMatchObject({ spec: { replicas: 2 } });
  });

  it('use cert-manager CA injection instead of a caBundle', () => {
    const objects = webhookObjects({ ...base, certManager: true, caBundlePem: undefined });
    expect(objects.map((o) => (o as { kind: string }).kind)).toContain('Certificate');
    expect(JSON.stringify(objects.at(-1))).toContain('cert-manager.io/inject-ca-from');
    expect(JSON.stringify(objects.at(-1))).not.toContain('caBundle');
  });

  it('refuse bad options and an invalid webhook configuration with exit 2', async () => {
    expect(await execute(['webhook', 'manifests', '--cert-manager', '--replicas', '1'], io())).toBe(
      2,
    );
    expect(await execute(['webhook', 'manifests'], io())).toBe(2);
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'webhook:\n  defaults: { enforce: strict }\n');
    let stderr = '';
    const out = { ...io(), stderr: { write: (text: string) => (stderr += text) } };
    const args = ['webhook', 'serve', '--tls-cert-file=a', '--tls-private-key-file=b'];
    expect(await execute([...args, `--config=${config}`], out)).toBe(2);
    expect(stderr).toContain(
      'webhook.defaults.enforce: must be one of privileged, baseline, restricted',
    );
  });
});
