/**
 * Cluster policies: RBAC, pod security, network policy, secrets and general hygiene. These need
 * the cluster's API objects, which a node assessment does not read; they are reported as WARN with
 * what to review.
 */
import type { Recommendation } from '../types.js';
import { judgement } from './helpers.js';

const c = 'cluster' as const;

export const POLICIES: readonly Recommendation[] = [
  judgement(
    'rbac-cluster-admin',
    c,
    'cluster-admin is bound only where needed',
    'Review ClusterRoleBindings to cluster-admin; bind narrower roles instead and delete the rest.',
  ),
  judgement(
    'rbac-secrets-access',
    c,
    'Access to Secrets is minimal',
    'Remove get, list and watch on secrets from roles that do not need them.',
  ),
  judgement(
    'rbac-wildcards',
    c,
    'Roles avoid wildcards',
    'Replace "*" in verbs, resources and apiGroups with explicit lists.',
  ),
  judgement(
    'rbac-create-pods',
    c,
    'Permission to create pods is minimal',
    'Remove create on pods from roles that do not need it.',
  ),
  judgement(
    'rbac-default-service-accounts',
    c,
    'Default service accounts are not used',
    'Set automountServiceAccountToken: false on each default service account; give workloads their own.',
  ),
  judgement(
    'rbac-token-mounts',
    c,
    'Service account tokens are mounted only where needed',
    'Set automountServiceAccountToken: false on pods and service accounts that do not call the API.',
  ),
  judgement(
    'rbac-system-masters',
    c,
    'Nobody authenticates as a member of system:masters',
    'Issue no credentials in the system:masters group; use RBAC bindings instead.',
  ),
  judgement(
    'rbac-escalation-verbs',
    c,
    'bind, impersonate and escalate are granted sparingly',
    'Remove the bind, impersonate and escalate verbs from subjects that do not need them.',
  ),
  judgement(
    'rbac-create-pv',
    c,
    'Permission to create PersistentVolumes is minimal',
    'Limit create on persistentvolumes to administrators (hostPath volumes escape containers).',
  ),
  judgement(
    'rbac-node-proxy',
    c,
    'Access to the nodes/proxy subresource is minimal',
    'Remove access to nodes/proxy; it bypasses audit and admission on the kubelet.',
  ),
  judgement(
    'rbac-csr-approval',
    c,
    'Approving certificate signing requests is restricted',
    'Limit update on certificatesigningrequests/approval to administrators.',
  ),
  judgement(
    'rbac-webhook-config',
    c,
    'Access to webhook configurations is restricted',
    'Limit write access to validating and mutating webhook configurations to administrators.',
  ),
  judgement(
    'rbac-token-creation',
    c,
    'Creating service account tokens is restricted',
    'Limit create on serviceaccounts/token to identities that need it.',
  ),
  judgement(
    'rbac-anonymous-bindings',
    c,
    'No role is bound to system:anonymous',
    'Delete RoleBindings and ClusterRoleBindings whose subject is the user system:anonymous.',
  ),
  judgement(
    'rbac-unauthenticated-bindings',
    c,
    'No non-default bindings to system:unauthenticated',
    'Delete non-default bindings whose subject is the group system:unauthenticated.',
  ),
  judgement(
    'rbac-authenticated-bindings',
    c,
    'No non-default bindings to system:authenticated',
    'Delete non-default bindings whose subject is the group system:authenticated.',
  ),
  judgement(
    'pod-policy-mechanism',
    c,
    'At least one pod admission policy mechanism is active',
    'Enable Pod Security Admission labels or an external policy engine in every workload namespace.',
  ),
  judgement(
    'pod-policy-baseline-everywhere',
    c,
    'Every namespace enforces the Baseline pod security level or stricter',
    'Label each namespace with pod-security.kubernetes.io/enforce=baseline or restricted.',
  ),
  judgement(
    'pod-privileged',
    c,
    'Privileged containers are not admitted',
    'Enforce a policy that rejects privileged: true in workload namespaces.',
  ),
  judgement(
    'pod-host-pid',
    c,
    'Pods sharing the host PID namespace are not admitted',
    'Enforce a policy that rejects hostPID: true.',
  ),
  judgement(
    'pod-host-ipc',
    c,
    'Pods sharing the host IPC namespace are not admitted',
    'Enforce a policy that rejects hostIPC: true.',
  ),
  judgement(
    'pod-host-network',
    c,
    'Pods sharing the host network are not admitted',
    'Enforce a policy that rejects hostNetwork: true.',
  ),
  judgement(
    'pod-privilege-escalation',
    c,
    'Containers allowing privilege escalation are not admitted',
    'Enforce a policy that requires allowPrivilegeEscalation: false.',
  ),
  judgement(
    'pod-root',
    c,
    'Containers running as root are not admitted',
    'Enforce runAsNonRoot or a UID range without 0.',
  ),
  judgement(
    'pod-net-raw',
    c,
    'Containers with NET_RAW are not admitted',
    'Enforce a policy that drops NET_RAW (or ALL).',
  ),
  judgement(
    'pod-added-capabilities',
    c,
    'Containers adding capabilities are not admitted',
    'Allow no added capabilities beyond an explicit, reviewed list.',
  ),
  judgement(
    'pod-capabilities',
    c,
    'Containers keep no capabilities they do not need',
    'Require capabilities to be dropped (drop: [ALL]) where workloads allow it.',
  ),
  judgement(
    'pod-windows-host-process',
    c,
    'Windows HostProcess containers are not admitted',
    'Enforce a policy that rejects windowsOptions.hostProcess: true.',
  ),
  judgement(
    'pod-host-path',
    c,
    'HostPath volumes are not admitted',
    'Enforce a policy that rejects hostPath volumes.',
  ),
  judgement(
    'pod-host-ports',
    c,
    'Host ports are not admitted',
    'Enforce a policy that rejects hostPort.',
  ),
  judgement(
    'network-cni-policies',
    c,
    'The CNI plugin enforces NetworkPolicy',
    'Use a CNI plugin that implements NetworkPolicy, or another way to restrict traffic.',
  ),
  judgement(
    'network-policies-everywhere',
    c,
    'Every namespace has NetworkPolicies',
    'Create a default-deny NetworkPolicy in each namespace and allow what is needed.',
  ),
  judgement(
    'network-cni-current',
    c,
    'The CNI plugin is kept current',
    "Keep the cluster's CNI plugin at a supported, current version.",
  ),
  judgement(
    'secrets-as-files',
    c,
    'Secrets are mounted as files, not environment variables',
    'Mount Secrets as volumes instead of env/envFrom secretKeyRef.',
  ),
  judgement(
    'secrets-external-store',
    c,
    'An external secret store is considered',
    "Consider the cloud provider's secret manager or a dedicated secret store.",
  ),
  judgement(
    'image-provenance',
    c,
    'Image provenance is enforced at admission',
    'Verify image signatures or origins with an admission webhook or policy.',
  ),
  judgement(
    'namespaces-boundaries',
    c,
    'Namespaces separate teams and applications',
    'Create namespaces per application or team and scope access to them.',
  ),
  judgement(
    'pod-seccomp',
    c,
    'Pods use the RuntimeDefault seccomp profile',
    'Set securityContext.seccompProfile.type: RuntimeDefault in pod specs.',
  ),
  judgement(
    'pod-security-context',
    c,
    'Pods and containers set a security context',
    'Give every pod and container a securityContext (non-root, read-only root, dropped capabilities).',
  ),
  judgement(
    'default-namespace-unused',
    c,
    'The default namespace holds no workloads',
    'Create workloads in their own namespaces, not in default.',
  ),
];
