/**
 * CIS Amazon EKS Benchmark v1.8.0. The control plane (sections 1 and 2) is run by AWS.
 */
import type { Benchmark } from '../types.js';
import { a, group, m, MODE_644 } from './rows.js';

export const EKS_1_8_0: Benchmark = {
  id: 'eks-1.8.0',
  title: 'CIS Amazon Elastic Kubernetes Service (EKS) Benchmark v1.8.0',
  version: '1.8.0',
  platform: 'eks',
  sections: [
    { id: '1', title: 'Control Plane Components', area: 'control-plane-components', groups: [] },
    {
      id: '2',
      title: 'Control Plane Configuration',
      area: 'control-plane-configuration',
      groups: [
        group('2.1', 'Logging', [
          m('2.1.1', 'cloud-audit-logs'),
          m('2.1.2', 'cloud-audit-logs-retained'),
        ]),
      ],
    },
    {
      id: '3',
      title: 'Worker Nodes',
      area: 'worker-nodes',
      groups: [
        group('3.1', 'Worker Node Configuration Files', [
          a('3.1.1', 'kubelet-kubeconfig-mode', MODE_644),
          a('3.1.2', 'kubelet-kubeconfig-owner'),
          a('3.1.3', 'kubelet-config-mode', MODE_644),
          a('3.1.4', 'kubelet-config-owner'),
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
          a('4.1.1', 'rbac-cluster-admin'),
          a('4.1.2', 'rbac-secrets-access'),
          a('4.1.3', 'rbac-wildcards'),
          a('4.1.4', 'rbac-create-pods'),
          a('4.1.5', 'rbac-default-service-accounts'),
          a('4.1.6', 'rbac-token-mounts'),
          m('4.1.7', 'cloud-access-entries'),
          m('4.1.8', 'rbac-escalation-verbs'),
          m('4.1.9', 'rbac-create-pv'),
          m('4.1.10', 'rbac-node-proxy'),
          m('4.1.11', 'rbac-webhook-config'),
          m('4.1.12', 'rbac-token-creation'),
        ]),
        group('4.2', 'Pod Security Standards', [
          a('4.2.1', 'pod-privileged'),
          a('4.2.2', 'pod-host-pid'),
          a('4.2.3', 'pod-host-ipc'),
          a('4.2.4', 'pod-host-network'),
          a('4.2.5', 'pod-privilege-escalation'),
        ]),
        group('4.3', 'CNI Plugin', [
          m('4.3.1', 'network-cni-policies'),
          a('4.3.2', 'network-policies-everywhere'),
        ]),
        group('4.4', 'Secrets Management', [
          a('4.4.1', 'secrets-as-files'),
          m('4.4.2', 'secrets-external-store'),
        ]),
        group('4.5', 'General Policies', [
          m('4.5.1', 'namespaces-boundaries'),
          a('4.5.2', 'default-namespace-unused'),
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
        group('5.2', 'Identity and Access Management', [m('5.2.1', 'cloud-workload-identity')]),
        group('5.3', 'Key Management Service', [m('5.3.1', 'cloud-secrets-kms')]),
        group('5.4', 'Cluster Networking', [
          m('5.4.1', 'cloud-endpoint-restricted'),
          m('5.4.2', 'cloud-private-endpoint'),
          m('5.4.3', 'cloud-private-nodes'),
          m('5.4.4', 'cloud-network-policy'),
          m('5.4.5', 'cloud-lb-tls'),
        ]),
        group('5.5', 'Authentication and Authorization', [m('5.5.1', 'cloud-rbac-groups')]),
      ],
    },
  ],
};
