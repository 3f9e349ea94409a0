/**
 * Recommendations about managed services (EKS, AKS, GKE): settings of the cloud provider, which
 * only its API or console can show.
 */
import type { Recommendation } from '../types.js';
import { judgement } from './helpers.js';

const k = 'cloud' as const;

export const MANAGED: readonly Recommendation[] = [
  judgement(
    'cloud-audit-logs',
    k,
    'Control plane audit logs are enabled',
    "Turn on the API server audit log category in the provider's control plane logging.",
  ),
  judgement(
    'cloud-audit-logs-retained',
    k,
    'Control plane audit logs are collected and retained',
    'Ship control plane audit logs to a log store with a retention policy.',
  ),
  judgement(
    'cloud-access-entries',
    k,
    'Cluster access is managed through the provider access API',
    'Use EKS access entries (API authentication mode) rather than the aws-auth ConfigMap.',
  ),
  judgement(
    'cloud-image-scanning',
    k,
    'Container images are scanned for vulnerabilities',
    "Enable the registry's image scanning or a third-party scanner.",
  ),
  judgement(
    'cloud-registry-user-access',
    k,
    'User access to the image registry is minimal',
    'Grant registry write and admin roles only to the people and pipelines that need them.',
  ),
  judgement(
    'cloud-registry-read-only',
    k,
    'Nodes have read-only access to the image registry',
    "Give the nodes' identity pull-only registry permissions.",
  ),
  judgement(
    'cloud-approved-registries',
    k,
    'Only approved registries are used',
    'Restrict image sources with admission policy or egress rules.',
  ),
  judgement(
    'cloud-trusted-images',
    k,
    'Only trusted container images are deployed',
    'Enable Binary Authorization with a policy that admits signed or allow-listed images.',
  ),
  judgement(
    'cloud-workload-identity',
    k,
    'Workloads use dedicated cloud identities',
    'Use IRSA / Pod Identity, Entra Workload ID or GKE Workload Identity instead of node credentials.',
  ),
  judgement(
    'cloud-node-service-account',
    k,
    'Nodes do not use the default compute service account',
    'Create a minimal service account for node pools.',
  ),
  judgement(
    'cloud-secrets-kms',
    k,
    'Kubernetes Secrets are encrypted with a customer-managed key',
    "Turn on envelope encryption of Secrets with the provider's KMS.",
  ),
  judgement(
    'cloud-metadata-server',
    k,
    'Pods cannot reach the node metadata credentials',
    'Enable the GKE metadata server on every node pool.',
  ),
  judgement(
    'cloud-node-image',
    k,
    'Nodes run the hardened container-optimized image',
    'Use Container-Optimized OS with containerd for node pools.',
  ),
  judgement(
    'cloud-node-auto-repair',
    k,
    'Node auto-repair is on',
    'Enable auto-repair on node pools.',
  ),
  judgement(
    'cloud-node-auto-upgrade',
    k,
    'Node auto-upgrade is on',
    'Enable auto-upgrade on node pools.',
  ),
  judgement(
    'cloud-release-channel',
    k,
    'The cluster follows a release channel',
    'Enrol the cluster in the regular or stable release channel.',
  ),
  judgement(
    'cloud-shielded-nodes',
    k,
    'Shielded nodes are on',
    'Enable shielded nodes for the cluster.',
  ),
  judgement(
    'cloud-integrity-monitoring',
    k,
    'Integrity monitoring is on for shielded nodes',
    'Create node pools with integrity monitoring enabled.',
  ),
  judgement(
    'cloud-secure-boot',
    k,
    'Secure Boot is on for shielded nodes',
    'Create node pools with Secure Boot enabled.',
  ),
  judgement(
    'cloud-flow-logs',
    k,
    'VPC flow logs and intranode visibility are on',
    "Enable flow logs on the cluster's subnet and intranode visibility.",
  ),
  judgement('cloud-vpc-native', k, 'The cluster is VPC-native', 'Create clusters with alias IPs.'),
  judgement(
    'cloud-endpoint-restricted',
    k,
    'Access to the control plane endpoint is restricted',
    'Limit the public endpoint to known CIDR ranges, or disable it.',
  ),
  judgement(
    'cloud-private-endpoint',
    k,
    'The control plane endpoint is private',
    'Enable the private endpoint and disable public access.',
  ),
  judgement(
    'cloud-private-nodes',
    k,
    'Nodes have no public addresses',
    'Create clusters with private nodes.',
  ),
  judgement(
    'cloud-node-firewall',
    k,
    'Worker nodes are firewalled',
    'Restrict traffic to nodes with firewall rules.',
  ),
  judgement(
    'cloud-network-policy',
    k,
    'Network policy enforcement is enabled',
    "Enable the provider's network policy engine (or Calico, Cilium).",
  ),
  judgement(
    'cloud-lb-tls',
    k,
    'Load balancers serve HTTPS with TLS certificates',
    'Terminate TLS on load balancers with managed certificates.',
  ),
  judgement(
    'cloud-logging-monitoring',
    k,
    'Cluster logging and monitoring are on',
    "Enable the provider's logging and monitoring for the cluster.",
  ),
  judgement(
    'cloud-auditd',
    k,
    'Node auditd logging is collected',
    'Deploy node auditd log collection.',
  ),
  judgement(
    'cloud-no-client-cert-auth',
    k,
    'Legacy client certificate authentication is off',
    'Create clusters without issuing a client certificate.',
  ),
  judgement(
    'cloud-rbac-groups',
    k,
    "RBAC users and groups come from the provider's identity service",
    'Manage users through IAM, Entra ID or Google Groups and bind roles to groups.',
  ),
  judgement(
    'cloud-azure-rbac',
    k,
    'Azure RBAC authorizes Kubernetes access',
    'Enable Azure RBAC for Kubernetes authorization.',
  ),
  judgement(
    'cloud-legacy-abac-off',
    k,
    'Legacy ABAC authorization is off',
    'Disable legacy authorization.',
  ),
  judgement(
    'cloud-cmek-disks',
    k,
    'Persistent disks use customer-managed keys',
    'Use a StorageClass with a customer-managed encryption key.',
  ),
  judgement(
    'cloud-cmek-boot-disks',
    k,
    'Node boot disks use customer-managed keys',
    'Create node pools with a boot disk KMS key.',
  ),
  judgement(
    'cloud-dashboard-off',
    k,
    'The Kubernetes web UI add-on is off',
    'Disable the dashboard add-on.',
  ),
  judgement(
    'cloud-no-alpha',
    k,
    'Alpha clusters are not used for production',
    'Do not enable Kubernetes alpha features.',
  ),
  judgement(
    'cloud-sandbox',
    k,
    'Untrusted workloads run in a sandbox',
    'Run untrusted workloads in a GKE Sandbox node pool.',
  ),
  judgement(
    'cloud-security-posture',
    k,
    'Security posture scanning is on',
    'Enable the security posture dashboard.',
  ),
  judgement(
    'cloud-managed-certificates',
    k,
    'Ingresses use provider-managed TLS certificates',
    'Use managed certificates on Ingresses instead of public LoadBalancer Services.',
  ),
];
