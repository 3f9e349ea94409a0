/**
 * kube-controller-manager, kube-scheduler and etcd flags, plus the control-plane configuration
 * recommendations (authentication of users, audit logging).
 */
import type { Recommendation } from '../types.js';
import { allOf, check, eq, flag, isSet, judgement } from './helpers.js';

const CM = 'kube-controller-manager';
const S = 'kube-scheduler';
const E = 'etcd';
const cp = 'control-plane' as const;
const loopback = { op: 'loopback' } as const;

export const CONTROLLER_MANAGER_AND_SCHEDULER: readonly Recommendation[] = [
  check(
    'controller-manager-gc-threshold',
    cp,
    'Terminated pods are garbage-collected at a suitable threshold',
    flag(CM, 'terminated-pod-gc-threshold', isSet),
    'Set --terminated-pod-gc-threshold on kube-controller-manager (e.g. 10).',
  ),
  check(
    'controller-manager-profiling',
    cp,
    'Controller manager profiling is off',
    flag(CM, 'profiling', eq('false'), { default: 'true' }),
    'Set --profiling=false on kube-controller-manager.',
  ),
  check(
    'controller-manager-sa-credentials',
    cp,
    'Controllers use individual service account credentials',
    flag(CM, 'use-service-account-credentials', eq('true'), { default: 'false' }),
    'Set --use-service-account-credentials=true on kube-controller-manager.',
  ),
  check(
    'controller-manager-sa-private-key',
    cp,
    'Controller manager signs service account tokens with a private key',
    flag(CM, 'service-account-private-key-file', isSet),
    'Set --service-account-private-key-file on kube-controller-manager.',
  ),
  check(
    'controller-manager-root-ca',
    cp,
    'Controller manager hands the cluster CA to service accounts',
    flag(CM, 'root-ca-file', isSet),
    'Set --root-ca-file on kube-controller-manager.',
  ),
  check(
    'controller-manager-rotate-server-cert',
    cp,
    'Kubelet serving certificate rotation is not turned off',
    flag(
      CM,
      'feature-gates',
      { op: 'gate-not-false', gate: 'RotateKubeletServerCertificate' },
      'pass',
    ),
    'Remove RotateKubeletServerCertificate=false from --feature-gates.',
  ),
  check(
    'controller-manager-bind-address',
    cp,
    'Controller manager listens on loopback only',
    flag(CM, 'bind-address', loopback, { default: '0.0.0.0' }),
    'Set --bind-address=127.0.0.1 on kube-controller-manager.',
  ),
  check(
    'scheduler-profiling',
    cp,
    'Scheduler profiling is off',
    flag(S, 'profiling', eq('false'), { default: 'true' }),
    'Set --profiling=false on kube-scheduler.',
  ),
  check(
    'scheduler-bind-address',
    cp,
    'Scheduler listens on loopback only',
    flag(S, 'bind-address', loopback, { default: '0.0.0.0' }),
    'Set --bind-address=127.0.0.1 on kube-scheduler.',
  ),
];

export const ETCD: readonly Recommendation[] = [
  check(
    'etcd-tls',
    'etcd',
    'etcd serves clients over TLS',
    allOf(flag(E, 'cert-file', isSet), flag(E, 'key-file', isSet)),
    'Set --cert-file and --key-file on etcd.',
  ),
  check(
    'etcd-client-cert-auth',
    'etcd',
    'etcd requires client certificates',
    flag(E, 'client-cert-auth', eq('true'), { default: 'false' }),
    'Set --client-cert-auth=true on etcd.',
  ),
  check(
    'etcd-auto-tls',
    'etcd',
    'etcd does not use self-signed client certificates',
    flag(E, 'auto-tls', eq('false'), 'pass'),
    'Remove --auto-tls=true from etcd.',
  ),
  check(
    'etcd-peer-tls',
    'etcd',
    'etcd peers talk over TLS',
    allOf(flag(E, 'peer-cert-file', isSet), flag(E, 'peer-key-file', isSet)),
    'Set --peer-cert-file and --peer-key-file on etcd.',
  ),
  check(
    'etcd-peer-client-cert-auth',
    'etcd',
    'etcd peers require client certificates',
    flag(E, 'peer-client-cert-auth', eq('true'), { default: 'false' }),
    'Set --peer-client-cert-auth=true on etcd.',
  ),
  check(
    'etcd-peer-auto-tls',
    'etcd',
    'etcd peers do not use self-signed certificates',
    flag(E, 'peer-auto-tls', eq('false'), 'pass'),
    'Remove --peer-auto-tls=true from etcd.',
  ),
  check(
    'etcd-unique-ca',
    'etcd',
    'etcd trusts a CA of its own, not the cluster CA',
    flag(E, 'trusted-ca-file', isSet),
    "Give etcd its own CA in --trusted-ca-file, separate from the cluster's CA.",
  ),
];

export const CONTROL_PLANE_CONFIGURATION: readonly Recommendation[] = [
  judgement(
    'users-no-client-certs',
    'cluster',
    'People do not authenticate with client certificates',
    'Give users OIDC or another revocable mechanism instead of client certificates.',
  ),
  judgement(
    'users-no-sa-tokens',
    'cluster',
    'People do not authenticate with service account tokens',
    'Give users OIDC identities; keep service account tokens for workloads.',
  ),
  judgement(
    'users-no-bootstrap-tokens',
    'cluster',
    'People do not authenticate with bootstrap tokens',
    'Use bootstrap tokens only to join nodes, and expire them.',
  ),
  check(
    'audit-policy-file',
    'control-plane',
    'An audit policy is configured',
    flag('kube-apiserver', 'audit-policy-file', isSet),
    'Write an audit policy and pass it with --audit-policy-file.',
  ),
  judgement(
    'audit-policy-coverage',
    'control-plane',
    'The audit policy covers the security-relevant requests',
    'Log Secrets, ConfigMaps and TokenReviews at Metadata; log pod exec, attach, port-forward and proxy.',
    'reading the audit policy and human judgement',
  ),
];
