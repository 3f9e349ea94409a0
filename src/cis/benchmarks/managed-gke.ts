/**
 * CIS Google Kubernetes Engine (GKE) Benchmark v1.9.0. Google runs the control plane; the
 * benchmark keeps only the node's files in section 3 because GKE manages the kubelet settings.
 */
import type { Benchmark } from '../types.js';
import { a, group, m, MODE_644 } from './rows.js';

export const GKE_1_9_0: Benchmark = {
  id: 'gke-1.9.0',
  title: 'CIS Google Kubernetes Engine (GKE) Benchmark v1.9.0',
  version: '1.9.0',
  platform: 'gke',
  sections: [
    { id: '1', title: 'Control Plane Components', area: 'control-plane-components', groups: [] },
    {
      id: '2',
      title: 'Control Plane Configuration',
      area: 'control-plane-configuration',
      groups: [],
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
      ],
    },
    {
      id: '4',
      title: 'Kubernetes Policies',
      area: 'policies',
      groups: [
        group('4.1', 'RBAC and Service Accounts', [
          a('4.1.1', 'rbac-cluster-admin'),
          a('4.1.2', 'rbac-secrets-access'),
          a('4.1.3', 'rbac-wildcards'),
          a('4.1.4', 'rbac-default-service-accounts'),
          a('4.1.5', 'rbac-token-mounts'),
          a('4.1.6', 'rbac-system-masters'),
          m('4.1.7', 'rbac-escalation-verbs'),
          a('4.1.8', 'rbac-anonymous-bindings'),
          a('4.1.9', 'rbac-unauthenticated-bindings'),
          a('4.1.10', 'rbac-authenticated-bindings'),
        ]),
        group('4.2', 'Pod Security Standards', [m('4.2.1', 'pod-policy-baseline-everywhere')]),
        group('4.3', 'Network Policies and CNI', [
          m('4.3.1', 'network-cni-policies'),
          a('4.3.2', 'network-policies-everywhere'),
        ]),
        group('4.4', 'Secrets Management', [
          a('4.4.1', 'secrets-as-files'),
          m('4.4.2', 'secrets-external-store'),
        ]),
        group('4.5', 'Extensible Admission Control', [m('4.5.1', 'image-provenance')]),
        group('4.6', 'General Policies', [
          m('4.6.1', 'namespaces-boundaries'),
          a('4.6.2', 'pod-seccomp'),
          m('4.6.3', 'pod-security-context'),
          a('4.6.4', 'default-namespace-unused'),
        ]),
      ],
    },
    {
      id: '5',
      title: 'Managed Services',
      area: 'managed-services',
      groups: [
        group('5.1', 'Image Registry and Image Scanning', [
          a('5.1.1', 'cloud-image-scanning'),
          m('5.1.2', 'cloud-registry-user-access'),
          m('5.1.3', 'cloud-registry-read-only'),
          m('5.1.4', 'cloud-trusted-images'),
        ]),
        group('5.2', 'Identity and Access Management', [
          a('5.2.1', 'cloud-node-service-account'),
          m('5.2.2', 'cloud-workload-identity'),
        ]),
        group('5.3', 'Cloud Key Management Service', [a('5.3.1', 'cloud-secrets-kms')]),
        group('5.4', 'Node Metadata', [a('5.4.1', 'cloud-metadata-server')]),
        group('5.5', 'Node Configuration and Maintenance', [
          a('5.5.1', 'cloud-node-image'),
          a('5.5.2', 'cloud-node-auto-repair'),
          a('5.5.3', 'cloud-node-auto-upgrade'),
          a('5.5.4', 'cloud-release-channel'),
          a('5.5.5', 'cloud-shielded-nodes'),
          a('5.5.6', 'cloud-integrity-monitoring'),
          a('5.5.7', 'cloud-secure-boot'),
        ]),
        group('5.6', 'Cluster Networking', [
          a('5.6.1', 'cloud-flow-logs'),
          a('5.6.2', 'cloud-vpc-native'),
          a('5.6.3', 'cloud-endpoint-restricted'),
          a('5.6.4', 'cloud-private-endpoint'),
          a('5.6.5', 'cloud-private-nodes'),
          m('5.6.6', 'cloud-node-firewall'),
          a('5.6.7', 'cloud-managed-certificates'),
        ]),
        group('5.7', 'Logging', [
          a('5.7.1', 'cloud-logging-monitoring'),
          m('5.7.2', 'cloud-auditd'),
        ]),
        group('5.8', 'Authentication and Authorization', [
          a('5.8.1', 'cloud-no-client-cert-auth'),
          m('5.8.2', 'cloud-rbac-groups'),
          a('5.8.3', 'cloud-legacy-abac-off'),
        ]),
        group('5.9', 'Storage', [
          m('5.9.1', 'cloud-cmek-disks'),
          a('5.9.2', 'cloud-cmek-boot-disks'),
        ]),
        group('5.10', 'Other Cluster Configurations', [
          a('5.10.1', 'cloud-dashboard-off'),
          a('5.10.2', 'cloud-no-alpha'),
          a('5.10.3', 'cloud-sandbox'),
          a('5.10.4', 'cloud-security-posture'),
        ]),
      ],
    },
  ],
};
