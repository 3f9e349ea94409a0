/**
 * The fixtures under test/fixtures/cloud: for each provider a hardened cluster, a weak one and a
 * partial bundle. Every check's verdict on each is asserted, and every check must be seen to
 * pass, fail and be unknown somewhere (here or in the targeted cases of the check tests).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../cloud/checks/registry.js';
import { buildReport } from '../../cloud/evaluate.js';
import { bundle, doc, runCheck, testContext, verdicts } from '../../cloud/testing.js';
import type { ClusterBundle } from '../../cloud/types.js';
import type { CloudReport } from '../../cloud/types.js';
import { loadInputs } from './load.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/cloud');

function fixtureReport(name: string): CloudReport {
  const loaded = loadInputs([join(FIXTURES, name)]);
  return buildReport({
    bundles: loaded.bundles,
    context: testContext(),
    lang: 'en',
    skipped: loaded.skipped,
    problems: loaded.problems,
  });
}

const EXPECTED: Record<string, Record<string, string>> = {
  'eks-hardened': {
    'cloud/eks-endpoint-public-access': 'pass',
    'cloud/eks-endpoint-private-only': 'pass',
    'cloud/eks-endpoint-private-access': 'pass',
    'cloud/eks-public-cidrs-narrow': 'pass',
    'cloud/eks-nodegroup-ssh': 'pass',
    'cloud/eks-imdsv2-required': 'pass',
    'cloud/eks-imds-hop-limit': 'pass',
    'cloud/eks-network-policy-engine': 'pass',
    'cloud/eks-nodes-private': 'pass',
    'cloud/k8s-default-deny': 'pass',
    'cloud/k8s-imds-egress-blocked': 'pass',
    'cloud/k8s-host-network-pods': 'pass',
    'cloud/eks-audit-log': 'pass',
    'cloud/eks-control-plane-logs': 'pass',
    'cloud/eks-secrets-kms': 'pass',
    'cloud/eks-kms-key-healthy': 'pass',
    'cloud/eks-version-support': 'pass',
    'cloud/eks-upgrade-policy': 'pass',
    'cloud/eks-deletion-protection': 'pass',
    'cloud/eks-node-os': 'pass',
    'cloud/eks-nodegroup-currency': 'pass',
    'cloud/eks-node-volume-encryption': 'pass',
    'cloud/eks-ebs-storageclass-encrypted': 'pass',
    'cloud/eks-ecr-scanning': 'pass',
    'cloud/k8s-pod-security-labels': 'pass',
    'cloud/k8s-resource-quotas': 'pass',
    'cloud/eks-access-mode': 'pass',
    'cloud/eks-creator-admin': 'pass',
    'cloud/eks-cluster-admin-entries': 'pass',
    'cloud/eks-aws-auth-masters': 'pass',
    'cloud/eks-aws-auth-hygiene': 'pass',
    'cloud/eks-workload-identity': 'pass',
    'cloud/eks-aws-node-identity': 'pass',
    'cloud/eks-legacy-credential-brokers': 'pass',
    'cloud/k8s-anonymous-bindings': 'pass',
    'cloud/k8s-wildcard-rbac': 'pass',
    'cloud/k8s-default-sa-automount': 'pass',
    'cloud/k8s-cluster-admin-bindings': 'pass',
    'cloud/k8s-identity-per-service-account': 'pass',
  },
  'eks-weak': {
    'cloud/eks-endpoint-public-access': 'fail',
    'cloud/eks-endpoint-private-only': 'fail',
    'cloud/eks-endpoint-private-access': 'fail',
    'cloud/eks-public-cidrs-narrow': 'fail',
    'cloud/eks-nodegroup-ssh': 'fail',
    'cloud/eks-imdsv2-required': 'fail',
    'cloud/eks-imds-hop-limit': 'fail',
    'cloud/eks-network-policy-engine': 'fail',
    'cloud/eks-nodes-private': 'fail',
    'cloud/k8s-default-deny': 'fail',
    'cloud/k8s-imds-egress-blocked': 'fail',
    'cloud/k8s-host-network-pods': 'fail',
    'cloud/eks-audit-log': 'fail',
    'cloud/eks-control-plane-logs': 'fail',
    'cloud/eks-secrets-kms': 'fail',
    'cloud/eks-kms-key-healthy': 'pass',
    'cloud/eks-version-support': 'fail',
    'cloud/eks-upgrade-policy': 'fail',
    'cloud/eks-deletion-protection': 'fail',
    'cloud/eks-node-os': 'fail',
    'cloud/eks-nodegroup-currency': 'fail',
    'cloud/eks-node-volume-encryption': 'fail',
    'cloud/eks-ebs-storageclass-encrypted': 'fail',
    'cloud/eks-ecr-scanning': 'fail',
    'cloud/k8s-pod-security-labels': 'fail',
    'cloud/k8s-resource-quotas': 'fail',
    'cloud/eks-access-mode': 'fail',
    'cloud/eks-creator-admin': 'fail',
    'cloud/eks-cluster-admin-entries': 'fail',
    'cloud/eks-aws-auth-masters': 'fail',
    'cloud/eks-aws-auth-hygiene': 'fail',
    'cloud/eks-workload-identity': 'fail',
    'cloud/eks-aws-node-identity': 'fail',
    'cloud/eks-legacy-credential-brokers': 'fail',
    'cloud/k8s-anonymous-bindings': 'fail',
    'cloud/k8s-wildcard-rbac': 'fail',
    'cloud/k8s-default-sa-automount': 'fail',
    'cloud/k8s-cluster-admin-bindings': 'fail',
    'cloud/k8s-identity-per-service-account': 'fail',
  },
  'eks-partial': {
    'cloud/eks-endpoint-public-access': 'pass',
    'cloud/eks-endpoint-private-only': 'fail',
    'cloud/eks-endpoint-private-access': 'pass',
    'cloud/eks-public-cidrs-narrow': 'pass',
    'cloud/eks-nodegroup-ssh': 'unknown',
    'cloud/eks-imdsv2-required': 'unknown',
    'cloud/eks-imds-hop-limit': 'unknown',
    'cloud/eks-network-policy-engine': 'unknown',
    'cloud/eks-nodes-private': 'unknown',
    'cloud/k8s-default-deny': 'unknown',
    'cloud/k8s-imds-egress-blocked': 'unknown',
    'cloud/k8s-host-network-pods': 'unknown',
    'cloud/eks-audit-log': 'pass',
    'cloud/eks-control-plane-logs': 'fail',
    'cloud/eks-secrets-kms': 'fail',
    'cloud/eks-kms-key-healthy': 'pass',
    'cloud/eks-version-support': 'fail',
    'cloud/eks-upgrade-policy': 'unknown',
    'cloud/eks-deletion-protection': 'unknown',
    'cloud/eks-node-os': 'unknown',
    'cloud/eks-nodegroup-currency': 'unknown',
    'cloud/eks-node-volume-encryption': 'unknown',
    'cloud/eks-ebs-storageclass-encrypted': 'unknown',
    'cloud/eks-ecr-scanning': 'unknown',
    'cloud/k8s-pod-security-labels': 'unknown',
    'cloud/k8s-resource-quotas': 'unknown',
    'cloud/eks-access-mode': 'unknown',
    'cloud/eks-creator-admin': 'unknown',
    'cloud/eks-cluster-admin-entries': 'unknown',
    'cloud/eks-aws-auth-masters': 'unknown',
    'cloud/eks-aws-auth-hygiene': 'unknown',
    'cloud/eks-workload-identity': 'unknown',
    'cloud/eks-aws-node-identity': 'unknown',
    'cloud/eks-legacy-credential-brokers': 'unknown',
    'cloud/k8s-anonymous-bindings': 'unknown',
    'cloud/k8s-wildcard-rbac': 'unknown',
    'cloud/k8s-default-sa-automount': 'unknown',
    'cloud/k8s-cluster-admin-bindings': 'unknown',
    'cloud/k8s-identity-per-service-account': 'unknown',
  },
  'aks-hardened': {
    'cloud/aks-api-authorized-ranges': 'pass',
    'cloud/aks-authorized-ranges-not-world': 'pass',
    'cloud/aks-private-cluster': 'pass',
    'cloud/aks-private-fqdn': 'pass',
    'cloud/aks-nodes-private': 'pass',
    'cloud/aks-network-policy-engine': 'pass',
    'cloud/aks-run-command-disabled': 'pass',
    'cloud/aks-node-ssh-disabled': 'pass',
    'cloud/aks-pod-imds-blocked': 'pass',
    'cloud/aks-egress-controlled': 'pass',
    'cloud/k8s-default-deny': 'pass',
    'cloud/k8s-imds-egress-blocked': 'pass',
    'cloud/k8s-host-network-pods': 'pass',
    'cloud/aks-secrets-kms': 'pass',
    'cloud/aks-encryption-at-host': 'pass',
    'cloud/aks-disk-cmk': 'pass',
    'cloud/aks-version-support': 'pass',
    'cloud/aks-auto-upgrade': 'pass',
    'cloud/aks-node-os-upgrade': 'pass',
    'cloud/aks-defender': 'pass',
    'cloud/aks-azure-policy': 'pass',
    'cloud/aks-keyvault-secrets-provider': 'pass',
    'cloud/aks-audit-logs': 'pass',
    'cloud/aks-monitoring': 'pass',
    'cloud/aks-image-cleaner': 'pass',
    'cloud/aks-trusted-launch': 'pass',
    'cloud/aks-unsafe-addons': 'pass',
    'cloud/aks-node-resource-group-lockdown': 'pass',
    'cloud/k8s-pod-security-labels': 'pass',
    'cloud/k8s-resource-quotas': 'pass',
    'cloud/aks-entra-id': 'pass',
    'cloud/aks-azure-rbac': 'pass',
    'cloud/aks-local-accounts': 'pass',
    'cloud/aks-rbac': 'pass',
    'cloud/aks-managed-identity': 'pass',
    'cloud/aks-workload-identity': 'pass',
    'cloud/aks-admin-group': 'pass',
    'cloud/k8s-anonymous-bindings': 'pass',
    'cloud/k8s-wildcard-rbac': 'pass',
    'cloud/k8s-default-sa-automount': 'pass',
    'cloud/k8s-cluster-admin-bindings': 'pass',
    'cloud/k8s-identity-per-service-account': 'pass',
  },
  'aks-weak': {
    'cloud/aks-api-authorized-ranges': 'fail',
    'cloud/aks-authorized-ranges-not-world': 'fail',
    'cloud/aks-private-cluster': 'fail',
    'cloud/aks-private-fqdn': 'pass',
    'cloud/aks-nodes-private': 'fail',
    'cloud/aks-network-policy-engine': 'fail',
    'cloud/aks-run-command-disabled': 'fail',
    'cloud/aks-node-ssh-disabled': 'fail',
    'cloud/aks-pod-imds-blocked': 'fail',
    'cloud/aks-egress-controlled': 'fail',
    'cloud/k8s-default-deny': 'fail',
    'cloud/k8s-imds-egress-blocked': 'fail',
    'cloud/k8s-host-network-pods': 'pass',
    'cloud/aks-secrets-kms': 'fail',
    'cloud/aks-encryption-at-host': 'fail',
    'cloud/aks-disk-cmk': 'fail',
    'cloud/aks-version-support': 'fail',
    'cloud/aks-auto-upgrade': 'fail',
    'cloud/aks-node-os-upgrade': 'fail',
    'cloud/aks-defender': 'fail',
    'cloud/aks-azure-policy': 'fail',
    'cloud/aks-keyvault-secrets-provider': 'fail',
    'cloud/aks-audit-logs': 'fail',
    'cloud/aks-monitoring': 'fail',
    'cloud/aks-image-cleaner': 'fail',
    'cloud/aks-trusted-launch': 'fail',
    'cloud/aks-unsafe-addons': 'fail',
    'cloud/aks-node-resource-group-lockdown': 'fail',
    'cloud/k8s-pod-security-labels': 'fail',
    'cloud/k8s-resource-quotas': 'fail',
    'cloud/aks-entra-id': 'fail',
    'cloud/aks-azure-rbac': 'fail',
    'cloud/aks-local-accounts': 'fail',
    'cloud/aks-rbac': 'fail',
    'cloud/aks-managed-identity': 'fail',
    'cloud/aks-workload-identity': 'fail',
    'cloud/aks-admin-group': 'fail',
    'cloud/k8s-anonymous-bindings': 'fail',
    'cloud/k8s-wildcard-rbac': 'fail',
    'cloud/k8s-default-sa-automount': 'fail',
    'cloud/k8s-cluster-admin-bindings': 'fail',
    'cloud/k8s-identity-per-service-account': 'fail',
  },
  'aks-partial': {
    'cloud/aks-api-authorized-ranges': 'pass',
    'cloud/aks-authorized-ranges-not-world': 'pass',
    'cloud/aks-private-cluster': 'fail',
    'cloud/aks-private-fqdn': 'pass',
    'cloud/aks-nodes-private': 'unknown',
    'cloud/aks-network-policy-engine': 'pass',
    'cloud/aks-run-command-disabled': 'fail',
    'cloud/aks-node-ssh-disabled': 'unknown',
    'cloud/aks-pod-imds-blocked': 'unknown',
    'cloud/aks-egress-controlled': 'pass',
    'cloud/k8s-default-deny': 'unknown',
    'cloud/k8s-imds-egress-blocked': 'unknown',
    'cloud/k8s-host-network-pods': 'unknown',
    'cloud/aks-secrets-kms': 'fail',
    'cloud/aks-encryption-at-host': 'unknown',
    'cloud/aks-disk-cmk': 'fail',
    'cloud/aks-version-support': 'pass',
    'cloud/aks-auto-upgrade': 'pass',
    'cloud/aks-node-os-upgrade': 'pass',
    'cloud/aks-defender': 'fail',
    'cloud/aks-azure-policy': 'fail',
    'cloud/aks-keyvault-secrets-provider': 'fail',
    'cloud/aks-audit-logs': 'unknown',
    'cloud/aks-monitoring': 'fail',
    'cloud/aks-image-cleaner': 'fail',
    'cloud/aks-trusted-launch': 'unknown',
    'cloud/aks-unsafe-addons': 'pass',
    'cloud/aks-node-resource-group-lockdown': 'fail',
    'cloud/k8s-pod-security-labels': 'unknown',
    'cloud/k8s-resource-quotas': 'unknown',
    'cloud/aks-entra-id': 'pass',
    'cloud/aks-azure-rbac': 'pass',
    'cloud/aks-local-accounts': 'pass',
    'cloud/aks-rbac': 'pass',
    'cloud/aks-managed-identity': 'pass',
    'cloud/aks-workload-identity': 'pass',
    'cloud/aks-admin-group': 'pass',
    'cloud/k8s-anonymous-bindings': 'unknown',
    'cloud/k8s-wildcard-rbac': 'unknown',
    'cloud/k8s-default-sa-automount': 'unknown',
    'cloud/k8s-cluster-admin-bindings': 'unknown',
    'cloud/k8s-identity-per-service-account': 'unknown',
  },
  'gke-hardened': {
    'cloud/gke-authorized-networks': 'pass',
    'cloud/gke-private-cluster': 'pass',
    'cloud/gke-metadata-server': 'pass',
    'cloud/gke-network-policy': 'pass',
    'cloud/k8s-default-deny': 'pass',
    'cloud/k8s-imds-egress-blocked': 'pass',
    'cloud/k8s-host-network-pods': 'pass',
    'cloud/gke-secrets-kms': 'pass',
    'cloud/gke-auto-upgrade': 'pass',
    'cloud/gke-shielded-nodes': 'pass',
    'cloud/gke-cos-nodes': 'pass',
    'cloud/gke-logging': 'pass',
    'cloud/gke-dashboard-alpha': 'pass',
    'cloud/k8s-pod-security-labels': 'pass',
    'cloud/k8s-resource-quotas': 'pass',
    'cloud/gke-legacy-abac': 'pass',
    'cloud/gke-client-certificates': 'pass',
    'cloud/gke-workload-identity': 'pass',
    'cloud/gke-google-groups': 'pass',
    'cloud/k8s-anonymous-bindings': 'pass',
    'cloud/k8s-wildcard-rbac': 'pass',
    'cloud/k8s-default-sa-automount': 'pass',
    'cloud/k8s-cluster-admin-bindings': 'pass',
    'cloud/k8s-identity-per-service-account': 'pass',
  },
  'gke-weak': {
    'cloud/gke-authorized-networks': 'fail',
    'cloud/gke-private-cluster': 'fail',
    'cloud/gke-metadata-server': 'fail',
    'cloud/gke-network-policy': 'fail',
    'cloud/k8s-default-deny': 'fail',
    'cloud/k8s-imds-egress-blocked': 'fail',
    'cloud/k8s-host-network-pods': 'fail',
    'cloud/gke-secrets-kms': 'fail',
    'cloud/gke-auto-upgrade': 'fail',
    'cloud/gke-shielded-nodes': 'fail',
    'cloud/gke-cos-nodes': 'fail',
    'cloud/gke-logging': 'fail',
    'cloud/gke-dashboard-alpha': 'fail',
    'cloud/k8s-pod-security-labels': 'fail',
    'cloud/k8s-resource-quotas': 'fail',
    'cloud/gke-legacy-abac': 'fail',
    'cloud/gke-client-certificates': 'fail',
    'cloud/gke-workload-identity': 'fail',
    'cloud/gke-google-groups': 'fail',
    'cloud/k8s-anonymous-bindings': 'pass',
    'cloud/k8s-wildcard-rbac': 'fail',
    'cloud/k8s-default-sa-automount': 'fail',
    'cloud/k8s-cluster-admin-bindings': 'fail',
    'cloud/k8s-identity-per-service-account': 'pass',
  },
  'gke-partial': {
    'cloud/gke-authorized-networks': 'fail',
    'cloud/gke-private-cluster': 'fail',
    'cloud/gke-metadata-server': 'unknown',
    'cloud/gke-network-policy': 'pass',
    'cloud/k8s-default-deny': 'unknown',
    'cloud/k8s-imds-egress-blocked': 'unknown',
    'cloud/k8s-host-network-pods': 'unknown',
    'cloud/gke-secrets-kms': 'pass',
    'cloud/gke-auto-upgrade': 'unknown',
    'cloud/gke-shielded-nodes': 'unknown',
    'cloud/gke-cos-nodes': 'unknown',
    'cloud/gke-logging': 'pass',
    'cloud/gke-dashboard-alpha': 'pass',
    'cloud/k8s-pod-security-labels': 'unknown',
    'cloud/k8s-resource-quotas': 'unknown',
    'cloud/gke-legacy-abac': 'pass',
    'cloud/gke-client-certificates': 'pass',
    'cloud/gke-workload-identity': 'unknown',
    'cloud/gke-google-groups': 'fail',
    'cloud/k8s-anonymous-bindings': 'unknown',
    'cloud/k8s-wildcard-rbac': 'unknown',
    'cloud/k8s-default-sa-automount': 'unknown',
    'cloud/k8s-cluster-admin-bindings': 'unknown',
    'cloud/k8s-identity-per-service-account': 'unknown',
  },
};

describe('cloud fixtures', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: every check has its intended verdict`, () => {
      const report = fixtureReport(name);
      expect(report.problems).toEqual([]);
      expect(report.skipped).toEqual([]);
      expect(report.clusters).toHaveLength(1);
      const actual = Object.fromEntries(report.checks.map((check) => [check.id, check.verdict]));
      expect(actual).toEqual(expected);
    });
  }

  it('unknown verdicts name the missing input and the command that produces it', () => {
    for (const name of Object.keys(EXPECTED)) {
      for (const check of fixtureReport(name).checks) {
        if (check.verdict === 'unknown') {
          expect(check.missingInput?.length ?? 0, `${name} ${check.id}`).toBeGreaterThan(0);
          for (const missing of check.missingInput ?? []) {
            expect(missing.input).not.toBe('');
            expect(missing.command).toMatch(/^(aws|az|gcloud|kubectl) /);
          }
        }
      }
    }
  });

  it('failures carry evidence and a remediation naming a command or setting', () => {
    for (const name of Object.keys(EXPECTED)) {
      for (const check of fixtureReport(name).checks) {
        if (check.verdict === 'fail') {
          expect(check.evidence.length, `${name} ${check.id}`).toBeGreaterThan(0);
          expect(check.remediation, `${name} ${check.id}`).toMatch(/`[^`]+`/);
        }
      }
    }
  });

  it('every check is seen to pass, fail and be unknown', () => {
    const seen = new Map<string, Set<string>>();
    const record = (id: string, verdict: string): void => {
      const set = seen.get(id) ?? new Set<string>();
      set.add(verdict);
      seen.set(id, set);
    };
    for (const name of Object.keys(EXPECTED)) {
      for (const check of fixtureReport(name).checks) {
        record(check.id, check.verdict);
      }
    }
    for (const provider of ['eks', 'aks', 'gke', 'kubernetes'] as const) {
      for (const [id, verdict] of Object.entries(verdicts(bundle(provider, [])))) {
        record(id, verdict);
      }
    }
    for (const [id, input] of TARGETED) {
      record(id, runCheck(id, input).verdict);
    }
    const incomplete = ALL_CHECKS.filter((meta) => (seen.get(meta.id)?.size ?? 0) < 3).map(
      (meta) => `${meta.id}: ${[...(seen.get(meta.id) ?? [])].join(',')}`,
    );
    expect(incomplete).toEqual([]);
  });
});

/** Verdicts the fixtures do not reach. */
const TARGETED: [string, ClusterBundle][] = [
  [
    'cloud/eks-kms-key-healthy',
    bundle('eks', [
      doc('eks-cluster', {
        name: 'x',
        encryptionConfig: [
          {
            resources: ['secrets'],
            provider: { keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k' },
          },
        ],
        health: { issues: [{ code: 'KmsKeyDisabled', message: 'key disabled', resourceIds: [] }] },
      }),
    ]),
  ],
  [
    'cloud/aks-private-fqdn',
    bundle('aks', [
      doc('aks-cluster', {
        name: 'x',
        apiServerAccessProfile: {
          enablePrivateCluster: true,
          enablePrivateClusterPublicFqdn: true,
        },
      }),
    ]),
  ],
];
