import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AKS_CHECKS } from '../registry.js';
import { bundle, doc, runCheck, testContext, verdicts } from '../../testing.js';
import type { InputDocument } from '../../types.js';

const FIXTURE = join(
  import.meta.dirname,
  '../../../../test/fixtures/cloud/aks-hardened/aks/show.json',
);
const cli = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

/** The ARM spelling of az's camelCase keys. */
const ARM_KEYS: Record<string, string> = {
  enableRbac: 'enableRBAC',
  enableNodePublicIp: 'enableNodePublicIP',
  nodeOsUpgradeChannel: 'nodeOSUpgradeChannel',
  enableAzureRbac: 'enableAzureRBAC',
  diskEncryptionSetId: 'diskEncryptionSetID',
  authorizedIpRanges: 'authorizedIPRanges',
  osDiskSizeGb: 'osDiskSizeGB',
  issuerUrl: 'issuerURL',
  azurepolicy: 'azurePolicy',
  omsagent: 'omsAgent',
};

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => mapKeys(item, rename));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [rename(key), mapKeys(inner, rename)]),
    );
  }
  return value;
}

function armForm(): unknown {
  const { id, name, type, location, identity, sku, ...rest } = mapKeys(
    cli,
    (key) => ARM_KEYS[key] ?? key,
  ) as Record<string, unknown>;
  return { id, name, type, location, identity, sku, properties: rest };
}

const pascalForm = (): unknown => mapKeys(cli, (key) => key.charAt(0).toUpperCase() + key.slice(1));
const aks = (...documents: InputDocument[]) => bundle('aks', documents);
const cluster = (fields: Record<string, unknown>) => doc('aks-cluster', { name: 'c', ...fields });

describe('AKS input forms', () => {
  it('gives the same verdicts for az CLI, ARM and PascalCase SDK output', () => {
    const fromCli = verdicts(aks(doc('aks-cluster', cli)));
    expect(Object.values(fromCli).filter((verdict) => verdict === 'fail')).toEqual([]);
    expect(verdicts(aks(doc('aks-cluster', armForm())))).toEqual(fromCli);
    expect(verdicts(aks(doc('aks-cluster', pascalForm())))).toEqual(fromCli);
  });

  it('points evidence at the field as the document spells it', () => {
    const outcome = runCheck('cloud/aks-rbac', aks(doc('aks-cluster', armForm())));
    expect(outcome.evidence[0]).toMatchObject({ path: 'properties.enableRBAC', value: true });
  });

  it('registers every AKS check once', () => {
    expect(new Set(AKS_CHECKS.map((check) => check.meta.id)).size).toBe(AKS_CHECKS.length);
  });
});

describe('AKS network policy', () => {
  it('treats null and "none" as no engine', () => {
    for (const networkPolicy of [null, 'none', 'None', undefined]) {
      const outcome = runCheck(
        'cloud/aks-network-policy-engine',
        aks(cluster({ networkProfile: { networkPlugin: 'azure', networkPolicy } })),
      );
      expect(outcome.verdict, String(networkPolicy)).toBe('fail');
    }
    for (const networkPolicy of ['azure', 'Calico', 'cilium']) {
      expect(
        runCheck(
          'cloud/aks-network-policy-engine',
          aks(cluster({ networkProfile: { networkPolicy } })),
        ).verdict,
      ).toBe('pass');
    }
  });
});

describe('AKS API server access', () => {
  it('accepts the 0.0.0.0/32 marker and rejects 0.0.0.0/0', () => {
    const marker = aks(cluster({ apiServerAccessProfile: { authorizedIpRanges: ['0.0.0.0/32'] } }));
    expect(runCheck('cloud/aks-api-authorized-ranges', marker).verdict).toBe('pass');
    expect(runCheck('cloud/aks-authorized-ranges-not-world', marker).verdict).toBe('pass');
    const world = aks(
      cluster({ apiServerAccessProfile: { authorizedIpRanges: ['10.0.0.0/8', '0.0.0.0/0'] } }),
    );
    expect(runCheck('cloud/aks-authorized-ranges-not-world', world).verdict).toBe('fail');
  });

  it('fails a plain public cluster, whose access profile is null', () => {
    expect(
      runCheck('cloud/aks-api-authorized-ranges', aks(cluster({ apiServerAccessProfile: null })))
        .verdict,
    ).toBe('fail');
  });
});

describe('AKS upgrades and versions', () => {
  it('accepts node-image as the cluster channel for node OS updates', () => {
    const input = aks(cluster({ autoUpgradeProfile: { upgradeChannel: 'node-image' } }));
    expect(runCheck('cloud/aks-node-os-upgrade', input).verdict).toBe('pass');
    expect(
      runCheck(
        'cloud/aks-node-os-upgrade',
        aks(cluster({ autoUpgradeProfile: { nodeOsUpgradeChannel: 'Unmanaged' } })),
      ).verdict,
    ).toBe('fail');
  });

  it('honours the long-term support plan', () => {
    const lts = aks(
      cluster({ currentKubernetesVersion: '1.31.9', supportPlan: 'AKSLongTermSupport' }),
    );
    const official = aks(
      cluster({ currentKubernetesVersion: '1.31.9', supportPlan: 'KubernetesOfficial' }),
    );
    const june = testContext({}, new Date('2026-06-01T00:00:00Z'));
    expect(runCheck('cloud/aks-version-support', lts, june).verdict).toBe('pass');
    expect(runCheck('cloud/aks-version-support', official, june).verdict).toBe('fail');
    expect(
      runCheck(
        'cloud/aks-version-support',
        official,
        testContext({}, new Date('2026-01-15T00:00:00Z')),
      ),
    ).toMatchObject({ verdict: 'fail', severity: 'medium' });
  });

  it('reads node pools from az aks nodepool list when the cluster lacks them', () => {
    const pools = doc('aks-nodepools', [
      { name: 'p1', vmSize: 'Standard_D2s_v5', mode: 'System', enableNodePublicIp: true },
    ]);
    expect(runCheck('cloud/aks-nodes-private', aks(cluster({}), pools)).verdict).toBe('fail');
    expect(runCheck('cloud/aks-nodes-private', aks(cluster({}))).verdict).toBe('unknown');
  });
});
