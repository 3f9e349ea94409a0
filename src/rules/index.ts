/**
 * The explicit registry of every rule, sorted by id. A rule that is not listed here does not run;
 * the catalogue test fails when a rule module is missing from this list.
 */
import type { AnyRule } from '../core/rule.js';
import apiDeprecatedVersion from './api/deprecated-version.js';
import allowPrivilegeEscalation from './hardening/allow-privilege-escalation.js';
import apparmor from './hardening/apparmor.js';
import capabilities from './hardening/capabilities.js';
import imageReference from './hardening/image-reference.js';
import privileged from './hardening/privileged.js';
import readOnlyRootFilesystem from './hardening/read-only-root-filesystem.js';
import resources from './hardening/resources.js';
import runAsNonRoot from './hardening/run-as-non-root.js';
import runAsNonRootGroup from './hardening/run-as-non-root-group.js';
import seccomp from './hardening/seccomp.js';
import selinux from './hardening/selinux.js';
import imagesAllowedRegistries from './images/allowed-registries.js';
import imagesDeprecatedRegistry from './images/deprecated-registry.js';
import networkEgressIsolation from './network/egress-isolation.js';
import networkExternalIps from './network/external-ips.js';
import networkHostPort from './network/host-port.js';
import networkIngressIsolation from './network/ingress-isolation.js';
import networkIngressNginxSnippet from './network/ingress-nginx-snippet.js';
import networkIngressTls from './network/ingress-tls.js';
import networkIngressWildcardHost from './network/ingress-wildcard-host.js';
import networkMetadataAccess from './network/metadata-access.js';
import networkNodePort from './network/node-port.js';
import networkPolicySelectsNothing from './network/policy-selects-nothing.js';
import networkPublicLoadBalancer from './network/public-load-balancer.js';
import networkSshPort from './network/ssh-port.js';
import pssAllowPrivilegeEscalation from './pss/allow-privilege-escalation.js';
import pssAppArmorProfile from './pss/app-armor-profile.js';
import pssCapabilitiesBaseline from './pss/capabilities-baseline.js';
import pssCapabilitiesRestricted from './pss/capabilities-restricted.js';
import pssHostNamespaces from './pss/host-namespaces.js';
import pssHostPathVolumes from './pss/host-path-volumes.js';
import pssHostPorts from './pss/host-ports.js';
import pssHostProbesAndHostLifecycle from './pss/host-probes-and-host-lifecycle.js';
import pssPrivileged from './pss/privileged.js';
import pssProcMount from './pss/proc-mount.js';
import pssProcMountRestricted from './pss/proc-mount-restricted.js';
import pssRestrictedVolumes from './pss/restricted-volumes.js';
import pssRunAsNonRoot from './pss/run-as-non-root.js';
import pssRunAsUser from './pss/run-as-user.js';
import pssSeLinuxOptions from './pss/se-linux-options.js';
import pssSeccompProfileBaseline from './pss/seccomp-profile-baseline.js';
import pssSeccompProfileRestricted from './pss/seccomp-profile-restricted.js';
import pssSysctls from './pss/sysctls.js';
import pssWindowsHostProcess from './pss/windows-host-process.js';
import rbacAdmissionConfig from './rbac/admission-config.js';
import rbacAnonymousBinding from './rbac/anonymous-binding.js';
import rbacClusterAdminBinding from './rbac/cluster-admin-binding.js';
import rbacConfigmapWrite from './rbac/configmap-write.js';
import rbacCreateWorkloads from './rbac/create-workloads.js';
import rbacCsrApproval from './rbac/csr-approval.js';
import rbacDefaultServiceAccountBinding from './rbac/default-service-account-binding.js';
import rbacDeleteEvidence from './rbac/delete-evidence.js';
import rbacEscalationVerbs from './rbac/escalation-verbs.js';
import rbacNodesProxy from './rbac/nodes-proxy.js';
import rbacPersistentVolumeWrite from './rbac/persistent-volume-write.js';
import rbacPodExec from './rbac/pod-exec.js';
import rbacSecretsRead from './rbac/secrets-read.js';
import rbacSystemMastersBinding from './rbac/system-masters-binding.js';
import rbacTokenCreate from './rbac/token-create.js';
import rbacWildcard from './rbac/wildcard.js';
import rbacWorkloadIdentityGrant from './rbac/workload-identity-grant.js';
import secretsAksEnvCollection from './secrets/aks-env-collection.js';
import secretsCloudIdentity from './secrets/cloud-identity.js';
import secretsConfigmapCredential from './secrets/configmap-credential.js';
import secretsDeprecatedServiceAccountField from './secrets/deprecated-service-account-field.js';
import secretsEnvLiteral from './secrets/env-literal.js';
import secretsExternalStore from './secrets/external-store.js';
import secretsServiceAccountToken from './secrets/service-account-token.js';
import secretsSharedCloudIdentity from './secrets/shared-cloud-identity.js';
import workloadContainerRuntimeSocket from './workload/container-runtime-socket.js';
import workloadDefaultNamespace from './workload/default-namespace.js';
import workloadHostAliases from './workload/host-aliases.js';
import workloadKubeSystem from './workload/kube-system.js';
import workloadMountPropagation from './workload/mount-propagation.js';
import workloadNamespaceQuota from './workload/namespace-quota.js';
import workloadPrivilegedPort from './workload/privileged-port.js';
import workloadProbes from './workload/probes.js';
import workloadSensitiveHostPath from './workload/sensitive-host-path.js';
import workloadWritableHostPath from './workload/writable-host-path.js';

export const RULES: readonly AnyRule[] = [
  apiDeprecatedVersion,
  allowPrivilegeEscalation,
  apparmor,
  capabilities,
  imageReference,
  privileged,
  readOnlyRootFilesystem,
  resources,
  runAsNonRoot,
  runAsNonRootGroup,
  seccomp,
  selinux,
  imagesAllowedRegistries,
  imagesDeprecatedRegistry,
  networkEgressIsolation,
  networkExternalIps,
  networkHostPort,
  networkIngressIsolation,
  networkIngressNginxSnippet,
  networkIngressTls,
  networkIngressWildcardHost,
  networkMetadataAccess,
  networkNodePort,
  networkPolicySelectsNothing,
  networkPublicLoadBalancer,
  networkSshPort,
  pssAllowPrivilegeEscalation,
  pssAppArmorProfile,
  pssCapabilitiesBaseline,
  pssCapabilitiesRestricted,
  pssHostNamespaces,
  pssHostPathVolumes,
  pssHostPorts,
  pssHostProbesAndHostLifecycle,
  pssPrivileged,
  pssProcMount,
  pssProcMountRestricted,
  pssRestrictedVolumes,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeLinuxOptions,
  pssSeccompProfileBaseline,
  pssSeccompProfileRestricted,
  pssSysctls,
  pssWindowsHostProcess,
  rbacAdmissionConfig,
  rbacAnonymousBinding,
  rbacClusterAdminBinding,
  rbacConfigmapWrite,
  rbacCreateWorkloads,
  rbacCsrApproval,
  rbacDefaultServiceAccountBinding,
  rbacDeleteEvidence,
  rbacEscalationVerbs,
  rbacNodesProxy,
  rbacPersistentVolumeWrite,
  rbacPodExec,
  rbacSecretsRead,
  rbacSystemMastersBinding,
  rbacTokenCreate,
  rbacWildcard,
  rbacWorkloadIdentityGrant,
  secretsAksEnvCollection,
  secretsCloudIdentity,
  secretsConfigmapCredential,
  secretsDeprecatedServiceAccountField,
  secretsEnvLiteral,
  secretsExternalStore,
  secretsServiceAccountToken,
  secretsSharedCloudIdentity,
  workloadContainerRuntimeSocket,
  workloadDefaultNamespace,
  workloadHostAliases,
  workloadKubeSystem,
  workloadMountPropagation,
  workloadNamespaceQuota,
  workloadPrivilegedPort,
  workloadProbes,
  workloadSensitiveHostPath,
  workloadWritableHostPath,
];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(
  RULES.map((rule) => [rule.meta.id, rule]),
);
