/**
 * CIS Azure Kubernetes Service (AKS) Benchmark v1.8. The control plane is run by Microsoft.
 */
import type { Benchmark } from '../types.js';
import { a, group, m, MODE_644 } from './rows.js';

export const AKS_1_8: Benchmark = {
  id: 'aks-1.8',
  title: 'CIS Azure Kubernetes Service (AKS) Benchmark v1.8',
  version: '1.8.0',
  platform: 'aks',
  sections: [
    { id: '1', title: 'Control Plane Components', area: 'control-plane-components', groups: [] },
    {
      id: '2',
      title: 'Control Plane Configuration',
      area: 'control-plane-configuration',
      groups: [group('2.1', 'Logging', [m('2.1.1', 'cloud-audit-logs')])],
    },
    {
      id: '3',
      title: 'Worker Nodes',
      area: 'worker-nodes',
      groups: [
        group('3.1', 'Worker Node Configuration Files', [
          a('3.1.1', 'kubelet-kubeconfig-mode', MODE_644),
          a('3.1.2', 'kubelet-kubeconfig-owner'),
          a('3.1.3', 'azure-json-mode'),
          a('3.1.4', 'azure-json-owner'),
        ]),
        group('3.2', 'Kubelet', [
          a('3.2.1', 'kubelet-anonymous-auth'),
          a('3.2.2', 'kubelet-authz-mode'),
          a('3.2.3', 'kubelet-client-ca-file'),
          a('3.2.4', 'kubelet-read-only-port'),
          a('3.2.5', 'kubelet-streaming-timeout'),
          a('3.2.6', 'kubelet-iptables-chains'),
          a('3.2.7', 'kubelet-event-qps'),
          a('3.2.8', 'kubelet-rotate-certificates'),
          a('3.2.9', 'kubelet-rotate-server-cert'),
        ]),
      ],
    },
    {
      id: '4',
      title: 'Policies',
      area: 'policies',
      groups: [
        group('4.1', 'RBAC and Service Accounts', [
          m('4.1.1', 'rbac-cluster-admin'),
          m('4.1.2', 'rbac-secrets-access'),
          m('4.1.3', 'rbac-wildcards'),
          m('4.1.4', 'rbac-create-pods'),
          m('4.1.5', 'rbac-default-service-accounts'),
          m('4.1.6', 'rbac-token-mounts'),
          m('4.1.7', 'rbac-escalation-verbs'),
          m('4.1.8', 'rbac-create-pv'),
          m('4.1.9', 'rbac-node-proxy'),
          m('4.1.10', 'rbac-csr-approval'),
          m('4.1.11', 'rbac-webhook-config'),
          m('4.1.12', 'rbac-token-creation'),
        ]),
        group('4.2', 'Pod Security Policies', [
          m('4.2.1', 'pod-privileged'),
          m('4.2.2', 'pod-host-pid'),
          m('4.2.3', 'pod-host-ipc'),
          m('4.2.4', 'pod-host-network'),
          m('4.2.5', 'pod-privilege-escalation'),
        ]),
        group('4.3', 'Azure Policy / OPA', []),
        group('4.4', 'CNI Plugin', [
          m('4.4.1', 'network-cni-current'),
          a('4.4.2', 'network-policies-everywhere'),
        ]),
        group('4.5', 'Secrets Management', [
          a('4.5.1', 'secrets-as-files'),
          m('4.5.2', 'secrets-external-store'),
        ]),
        group('4.6', 'General Policies', [
          m('4.6.1', 'namespaces-boundaries'),
          m('4.6.2', 'pod-security-context'),
          a('4.6.3', 'default-namespace-unused'),
        ]),
      ],
    },
    {
      id: '5',
      title: 'Managed Services',
      area: 'managed-services',
      groups: [
        group('5.1', 'Image Registry and Image Scanning', [
          m('5.1.1', 'cloud-image-scanning'),
          m('5.1.2', 'cloud-registry-user-access'),
          m('5.1.3', 'cloud-registry-read-only'),
          m('5.1.4', 'cloud-approved-registries'),
        ]),
        group('5.2', 'Access and identity options', [m('5.2.1', 'cloud-workload-identity')]),
        group('5.3', 'Key Management Service', [m('5.3.1', 'cloud-secrets-kms')]),
        group('5.4', 'Cluster Networking', [
          m('5.4.1', 'cloud-endpoint-restricted'),
          m('5.4.2', 'cloud-private-endpoint'),
          m('5.4.3', 'cloud-private-nodes'),
          m('5.4.4', 'cloud-network-policy'),
          m('5.4.5', 'cloud-lb-tls'),
        ]),
        group('5.5', 'Authentication and Authorization', [
          m('5.5.1', 'cloud-rbac-groups'),
          m('5.5.2', 'cloud-azure-rbac'),
        ]),
      ],
    },
  ],
};
