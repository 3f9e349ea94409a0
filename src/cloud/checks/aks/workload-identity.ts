/**
 * AUTH-AKS-006: workloads use Entra workload identity (with the OIDC issuer), not the deprecated
 * pod-managed identity.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksWorkloadIdentity: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-workload-identity',
    catalogueId: 'AUTH-AKS-006',
    group: 'Auth',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Workload identity replaces pod-managed identity',
      ja: 'ポッドマネージド ID ではなくワークロード ID を使っている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --enable-oidc-issuer --enable-workload-identity`, migrate identities, then `az aks pod-identity delete`.',
      ja: '`az aks update --resource-group {rg} --name {name} --enable-oidc-issuer --enable-workload-identity` を実行して ID を移行し、その後 `az aks pod-identity delete` を実行する。',
    },
    references: ['Azure Policy: Azure Kubernetes Service Clusters should enable workload identity'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const workload = aksField(facts, 'securityProfile', 'workloadIdentity', 'enabled');
    const oidc = aksField(facts, 'oidcIssuerProfile', 'enabled');
    const podIdentity = aksField(facts, 'podIdentityProfile', 'enabled');
    const evidence = [workload, oidc, podIdentity];
    const problems = [
      ...(workload.bool() === true
        ? []
        : [{ en: 'workload identity is not enabled', ja: 'ワークロード ID が有効になっていない' }]),
      ...(oidc.bool() === true
        ? []
        : [{ en: 'the OIDC issuer is not enabled', ja: 'OIDC 発行者が有効になっていない' }]),
      ...(podIdentity.bool() === true
        ? [
            {
              en: 'deprecated pod-managed identity is enabled',
              ja: '非推奨のポッドマネージド ID が有効になっている',
            },
          ]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems), evidence);
    }
    return pass(
      {
        en: 'Workload identity and the OIDC issuer are enabled; pod-managed identity is not.',
        ja: 'ワークロード ID と OIDC 発行者が有効で、ポッドマネージド ID は使われていない。',
      },
      evidence,
    );
  },
};
