/**
 * CIS Kubernetes Benchmark section 5 ("Policies") control numbers per benchmark version, keyed
 * by stable rule id. The numbers move between versions (privileged containers are 5.2.1 in 1.6
 * and 5.2.2 from 1.8 on), so they live in these tables and never in rule ids.
 */

export type CisSection5Table = Readonly<Record<string, readonly string[]>>;

/**
 * CIS Kubernetes Benchmark v1.12. Against v1.8 to v1.10, section 5.2 lost "added capabilities"
 * (5.2.9 is now capabilities assigned, 5.2.10 Windows HostProcess, 5.2.11 hostPath, 5.2.12
 * hostPorts) and "General Policies" moved from 5.7 to 5.6.
 */
const CIS_1_12: CisSection5Table = {
  'hardening/allow-privilege-escalation': ['5.2.6'],
  'hardening/capabilities': ['5.2.8', '5.2.9'],
  'hardening/privileged': ['5.2.2'],
  'hardening/read-only-root-filesystem': ['5.6.3'],
  'hardening/run-as-non-root': ['5.2.7'],
  'hardening/run-as-non-root-group': ['5.6.3'],
  'hardening/seccomp': ['5.6.2'],
  'hardening/selinux': ['5.6.3'],
  'hardening/apparmor': ['5.6.3'],
  'images/allowed-registries': ['5.5.1'],
  'network/egress-isolation': ['5.3.2'],
  'network/host-port': ['5.2.12'],
  'network/ingress-isolation': ['5.3.2'],
  'network/metadata-access': ['5.3.2'],
  'pss/allow-privilege-escalation': ['5.2.6'],
  'pss/capabilities-baseline': ['5.2.9'],
  'pss/capabilities-restricted': ['5.2.8', '5.2.9'],
  'pss/host-namespaces': ['5.2.3', '5.2.4', '5.2.5'],
  'pss/host-path-volumes': ['5.2.11'],
  'pss/host-ports': ['5.2.12'],
  'pss/privileged': ['5.2.2'],
  'pss/run-as-non-root': ['5.2.7'],
  'pss/seccomp-profile-restricted': ['5.6.2'],
  'pss/windows-host-process': ['5.2.10'],
  'rbac/admission-config': ['5.1.12'],
  'rbac/cluster-admin-binding': ['5.1.1'],
  'rbac/create-workloads': ['5.1.4'],
  'rbac/csr-approval': ['5.1.11'],
  'rbac/default-service-account-binding': ['5.1.5'],
  'rbac/escalation-verbs': ['5.1.8'],
  'rbac/nodes-proxy': ['5.1.10'],
  'rbac/persistent-volume-write': ['5.1.9'],
  'rbac/secrets-read': ['5.1.2'],
  'rbac/system-masters-binding': ['5.1.7'],
  'rbac/token-create': ['5.1.13'],
  'rbac/wildcard': ['5.1.3'],
  'secrets/aks-env-collection': ['5.4.1'],
  'secrets/env-literal': ['5.4.1'],
  'secrets/external-store': ['5.4.2'],
  'secrets/service-account-token': ['5.1.6'],
  'workload/container-runtime-socket': ['5.2.11'],
  'workload/default-namespace': ['5.6.4'],
  'workload/sensitive-host-path': ['5.2.11'],
  'workload/writable-host-path': ['5.2.11'],
};

/** CIS Kubernetes Benchmark v1.6: section 5.2 numbered one lower, no 5.1.7–5.1.13. */
const CIS_1_6: CisSection5Table = {
  'hardening/allow-privilege-escalation': ['5.2.5'],
  'hardening/capabilities': ['5.2.7', '5.2.8', '5.2.9'],
  'hardening/privileged': ['5.2.1'],
  'hardening/read-only-root-filesystem': ['5.7.3'],
  'hardening/run-as-non-root': ['5.2.6'],
  'hardening/run-as-non-root-group': ['5.7.3'],
  'hardening/seccomp': ['5.7.2'],
  'hardening/selinux': ['5.7.3'],
  'hardening/apparmor': ['5.7.3'],
  'images/allowed-registries': ['5.5.1'],
  'network/egress-isolation': ['5.3.2'],
  'network/ingress-isolation': ['5.3.2'],
  'pss/allow-privilege-escalation': ['5.2.5'],
  'pss/capabilities-baseline': ['5.2.8'],
  'pss/capabilities-restricted': ['5.2.7', '5.2.9'],
  'pss/host-namespaces': ['5.2.2', '5.2.3', '5.2.4'],
  'pss/privileged': ['5.2.1'],
  'pss/run-as-non-root': ['5.2.6'],
  'pss/seccomp-profile-restricted': ['5.7.2'],
  'rbac/cluster-admin-binding': ['5.1.1'],
  'rbac/create-workloads': ['5.1.4'],
  'rbac/default-service-account-binding': ['5.1.5'],
  'rbac/secrets-read': ['5.1.2'],
  'rbac/wildcard': ['5.1.3'],
  'secrets/env-literal': ['5.4.1'],
  'secrets/external-store': ['5.4.2'],
  'secrets/service-account-token': ['5.1.6'],
  'workload/default-namespace': ['5.7.4'],
};

export const CIS_SECTION5: Readonly<Record<'cis-1.12' | 'cis-1.6', CisSection5Table>> = {
  'cis-1.12': CIS_1_12,
  'cis-1.6': CIS_1_6,
};
