/**
 * The explicit check registry, per provider, in report order (group, then catalogue id).
 * Adding a check means adding its module here; nothing is discovered at run time.
 */
import { aksAdminGroup } from './aks/admin-group.js';
import { aksApiAuthorizedRanges } from './aks/api-authorized-ranges.js';
import { aksAuditLogs } from './aks/audit-logs.js';
import { aksAuthorizedRangesNotWorld } from './aks/authorized-ranges-not-world.js';
import { aksAutoUpgrade } from './aks/auto-upgrade.js';
import { aksAzurePolicy } from './aks/azure-policy.js';
import { aksAzureRbac } from './aks/azure-rbac.js';
import { aksDefender } from './aks/defender.js';
import { aksDiskCmk } from './aks/disk-cmk.js';
import { aksEgressControlled } from './aks/egress-controlled.js';
import { aksEncryptionAtHost } from './aks/encryption-at-host.js';
import { aksEntraId } from './aks/entra-id.js';
import { aksImageCleaner } from './aks/image-cleaner.js';
import { aksKeyvaultSecretsProvider } from './aks/keyvault-secrets-provider.js';
import { aksLocalAccounts } from './aks/local-accounts.js';
import { aksManagedIdentity } from './aks/managed-identity.js';
import { aksMonitoring } from './aks/monitoring.js';
import { aksNetworkPolicyEngine } from './aks/network-policy-engine.js';
import { aksNodeOsUpgrade } from './aks/node-os-upgrade.js';
import { aksNodeResourceGroupLockdown } from './aks/node-resource-group-lockdown.js';
import { aksNodeSshDisabled } from './aks/node-ssh-disabled.js';
import { aksNodesPrivate } from './aks/nodes-private.js';
import { aksPodImdsBlocked } from './aks/pod-imds-blocked.js';
import { aksPrivateCluster } from './aks/private-cluster.js';
import { aksPrivateFqdn } from './aks/private-fqdn.js';
import { aksRbac } from './aks/rbac.js';
import { aksRunCommandDisabled } from './aks/run-command-disabled.js';
import { aksSecretsKms } from './aks/secrets-kms.js';
import { aksTrustedLaunch } from './aks/trusted-launch.js';
import { aksUnsafeAddons } from './aks/unsafe-addons.js';
import { aksVersionSupport } from './aks/version-support.js';
import { aksWorkloadIdentity } from './aks/workload-identity.js';
import { eksAccessMode } from './eks/access-mode.js';
import { eksAuditLog } from './eks/audit-log.js';
import { eksAwsAuthHygiene } from './eks/aws-auth-hygiene.js';
import { eksAwsAuthMasters } from './eks/aws-auth-masters.js';
import { eksAwsNodeIdentity } from './eks/aws-node-identity.js';
import { eksClusterAdminEntries } from './eks/cluster-admin-entries.js';
import { eksControlPlaneLogs } from './eks/control-plane-logs.js';
import { eksCreatorAdmin } from './eks/creator-admin.js';
import { eksDeletionProtection } from './eks/deletion-protection.js';
import { eksEbsStorageClassEncrypted } from './eks/ebs-storageclass-encrypted.js';
import { eksEcrScanning } from './eks/ecr-scanning.js';
import { eksEndpointPrivateAccess } from './eks/endpoint-private-access.js';
import { eksEndpointPrivateOnly } from './eks/endpoint-private-only.js';
import { eksEndpointPublicAccess } from './eks/endpoint-public-access.js';
import { eksImdsHopLimit } from './eks/imds-hop-limit.js';
import { eksImdsv2Required } from './eks/imdsv2-required.js';
import { eksKmsKeyHealthy } from './eks/kms-key-healthy.js';
import { eksLegacyCredentialBrokers } from './eks/legacy-credential-brokers.js';
import { eksNetworkPolicyEngine } from './eks/network-policy-engine.js';
import { eksNodeOs } from './eks/node-os.js';
import { eksNodeVolumeEncryption } from './eks/node-volume-encryption.js';
import { eksNodegroupCurrency } from './eks/nodegroup-currency.js';
import { eksNodegroupSsh } from './eks/nodegroup-ssh.js';
import { eksNodesPrivate } from './eks/nodes-private.js';
import { eksPublicCidrsNarrow } from './eks/public-cidrs-narrow.js';
import { eksSecretsKms } from './eks/secrets-kms.js';
import { eksUpgradePolicy } from './eks/upgrade-policy.js';
import { eksVersionSupport } from './eks/version-support.js';
import { eksWorkloadIdentity } from './eks/workload-identity.js';
import { gkeAuthorizedNetworks } from './gke/authorized-networks.js';
import { gkeAutoUpgrade } from './gke/auto-upgrade.js';
import { gkeClientCertificates } from './gke/client-certificates.js';
import { gkeCosNodes } from './gke/cos-nodes.js';
import { gkeDashboardAlpha } from './gke/dashboard-alpha.js';
import { gkeGoogleGroups } from './gke/google-groups.js';
import { gkeLegacyAbac } from './gke/legacy-abac.js';
import { gkeLogging } from './gke/logging.js';
import { gkeMetadataServer } from './gke/metadata-server.js';
import { gkeNetworkPolicy } from './gke/network-policy.js';
import { gkePrivateCluster } from './gke/private-cluster.js';
import { gkeSecretsKms } from './gke/secrets-kms.js';
import { gkeShieldedNodes } from './gke/shielded-nodes.js';
import { gkeWorkloadIdentity } from './gke/workload-identity.js';
import { k8sAnonymousBindings } from './k8s/anonymous-bindings.js';
import { k8sClusterAdminBindings } from './k8s/cluster-admin-bindings.js';
import { k8sDefaultDeny } from './k8s/default-deny.js';
import { k8sDefaultSaAutomount } from './k8s/default-sa-automount.js';
import { k8sHostNetworkPods } from './k8s/host-network-pods.js';
import { k8sIdentityPerServiceAccount } from './k8s/identity-per-service-account.js';
import { k8sImdsEgressBlocked } from './k8s/imds-egress-blocked.js';
import { k8sPodSecurityLabels } from './k8s/pod-security-labels.js';
import { k8sResourceQuotas } from './k8s/resource-quotas.js';
import { k8sWildcardRbac } from './k8s/wildcard-rbac.js';
import type { AksFacts } from '../facts/aks.js';
import type { EksFacts } from '../facts/eks.js';
import type { GkeFacts } from '../facts/gke.js';
import type { ClusterFacts } from '../facts/index.js';
import type { CheckMeta, CloudCheck } from '../types.js';

export const EKS_CHECKS: readonly CloudCheck<EksFacts>[] = [
  eksEndpointPublicAccess,
  eksEndpointPrivateOnly,
  eksEndpointPrivateAccess,
  eksPublicCidrsNarrow,
  eksNodegroupSsh,
  eksImdsv2Required,
  eksImdsHopLimit,
  eksNetworkPolicyEngine,
  eksNodesPrivate,
  eksAuditLog,
  eksControlPlaneLogs,
  eksSecretsKms,
  eksKmsKeyHealthy,
  eksVersionSupport,
  eksUpgradePolicy,
  eksDeletionProtection,
  eksNodeOs,
  eksNodegroupCurrency,
  eksNodeVolumeEncryption,
  eksEbsStorageClassEncrypted,
  eksEcrScanning,
  eksAccessMode,
  eksCreatorAdmin,
  eksClusterAdminEntries,
  eksAwsAuthMasters,
  eksAwsAuthHygiene,
  eksWorkloadIdentity,
  eksAwsNodeIdentity,
  eksLegacyCredentialBrokers,
];

export const AKS_CHECKS: readonly CloudCheck<AksFacts>[] = [
  aksApiAuthorizedRanges,
  aksAuthorizedRangesNotWorld,
  aksPrivateCluster,
  aksPrivateFqdn,
  aksNodesPrivate,
  aksNetworkPolicyEngine,
  aksRunCommandDisabled,
  aksNodeSshDisabled,
  aksPodImdsBlocked,
  aksEgressControlled,
  aksSecretsKms,
  aksEncryptionAtHost,
  aksDiskCmk,
  aksVersionSupport,
  aksAutoUpgrade,
  aksNodeOsUpgrade,
  aksDefender,
  aksAzurePolicy,
  aksKeyvaultSecretsProvider,
  aksAuditLogs,
  aksMonitoring,
  aksImageCleaner,
  aksTrustedLaunch,
  aksUnsafeAddons,
  aksNodeResourceGroupLockdown,
  aksEntraId,
  aksAzureRbac,
  aksLocalAccounts,
  aksRbac,
  aksManagedIdentity,
  aksWorkloadIdentity,
  aksAdminGroup,
];

export const GKE_CHECKS: readonly CloudCheck<GkeFacts>[] = [
  gkeAuthorizedNetworks,
  gkePrivateCluster,
  gkeMetadataServer,
  gkeNetworkPolicy,
  gkeSecretsKms,
  gkeAutoUpgrade,
  gkeShieldedNodes,
  gkeCosNodes,
  gkeLogging,
  gkeDashboardAlpha,
  gkeLegacyAbac,
  gkeClientCertificates,
  gkeWorkloadIdentity,
  gkeGoogleGroups,
];

export const KUBERNETES_CHECKS: readonly CloudCheck<ClusterFacts>[] = [
  k8sDefaultDeny,
  k8sImdsEgressBlocked,
  k8sHostNetworkPods,
  k8sPodSecurityLabels,
  k8sResourceQuotas,
  k8sAnonymousBindings,
  k8sWildcardRbac,
  k8sDefaultSaAutomount,
  k8sClusterAdminBindings,
  k8sIdentityPerServiceAccount,
];

/** Every check's metadata, for SARIF rules, documentation and tests. */
export const ALL_CHECKS: readonly CheckMeta[] = [
  ...EKS_CHECKS.map((check) => check.meta),
  ...AKS_CHECKS.map((check) => check.meta),
  ...GKE_CHECKS.map((check) => check.meta),
  ...KUBERNETES_CHECKS.map((check) => check.meta),
];
