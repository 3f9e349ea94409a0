/**
 * Worker node files, the kubelet's effective configuration, and kube-proxy.
 */
import type { Recommendation } from '../types.js';
import { allOf, check, eq, gt, gte, isSet, kubelet, maxMode, ne, owner, unset } from './helpers.js';

const w = 'worker' as const;

/** Cipher suites the newest benchmark accepts for the kubelet. */
export const KUBELET_STRONG_CIPHERS = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
];

const KUBELET_RESTART = 'then restart the kubelet.';

export const WORKER_FILES: readonly Recommendation[] = [
  check(
    'kubelet-service-mode',
    w,
    'Kubelet systemd unit files have restrictive permissions',
    maxMode('kubelet-service', 0o600),
    'Run chmod 600 on the kubelet unit and its drop-ins (systemctl cat kubelet lists them).',
  ),
  check(
    'kubelet-service-owner',
    w,
    'Kubelet systemd unit files are owned by root',
    owner('kubelet-service'),
    'Run chown root:root on the kubelet unit and its drop-ins.',
  ),
  check(
    'proxy-kubeconfig-mode',
    w,
    'kube-proxy kubeconfig, if present, has restrictive permissions',
    maxMode('proxy-kubeconfig', 0o600),
    'Run chmod 600 on the file named by kube-proxy --kubeconfig.',
  ),
  check(
    'proxy-kubeconfig-owner',
    w,
    'kube-proxy kubeconfig, if present, is owned by root',
    owner('proxy-kubeconfig'),
    'Run chown root:root on the file named by kube-proxy --kubeconfig.',
  ),
  check(
    'kubelet-kubeconfig-mode',
    w,
    'Kubelet kubeconfig has restrictive permissions',
    maxMode('kubelet-kubeconfig', 0o600, 'fail'),
    'Run chmod 600 on the file named by kubelet --kubeconfig.',
  ),
  check(
    'kubelet-kubeconfig-owner',
    w,
    'Kubelet kubeconfig is owned by root',
    owner('kubelet-kubeconfig', 'root:root', 'fail'),
    'Run chown root:root on the file named by kubelet --kubeconfig.',
  ),
  check(
    'kubelet-client-ca-mode',
    w,
    'Kubelet client CA file is not writable by group or others',
    maxMode('kubelet-client-ca', 0o644),
    'Run chmod 644 on the kubelet client CA file (authentication.x509.clientCAFile).',
  ),
  check(
    'kubelet-client-ca-owner',
    w,
    'Kubelet client CA file is owned by root',
    owner('kubelet-client-ca'),
    'Run chown root:root on the kubelet client CA file.',
  ),
  check(
    'kubelet-config-mode',
    w,
    'Kubelet configuration file has restrictive permissions',
    maxMode('kubelet-config', 0o600),
    'Run chmod 600 on the file named by kubelet --config and on its drop-ins.',
  ),
  check(
    'kubelet-config-owner',
    w,
    'Kubelet configuration file is owned by root',
    owner('kubelet-config'),
    'Run chown root:root on the file named by kubelet --config and on its drop-ins.',
  ),
  check(
    'azure-json-mode',
    w,
    'azure.json has restrictive permissions',
    maxMode('azure-json', 0o644),
    'Run chmod 644 (or stricter) on /etc/kubernetes/azure.json.',
  ),
  check(
    'azure-json-owner',
    w,
    'azure.json is owned by root',
    owner('azure-json'),
    'Run chown root:root on /etc/kubernetes/azure.json.',
  ),
];

export const KUBELET: readonly Recommendation[] = [
  check(
    'kubelet-anonymous-auth',
    w,
    'Kubelet rejects anonymous requests',
    kubelet('authentication.anonymous.enabled', eq('false')),
    `Set authentication.anonymous.enabled: false in the kubelet config (or --anonymous-auth=false), ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-authz-mode',
    w,
    'Kubelet authorization is not AlwaysAllow',
    kubelet('authorization.mode', ne('AlwaysAllow')),
    `Set authorization.mode: Webhook in the kubelet config, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-client-ca-file',
    w,
    'Kubelet verifies client certificates against a CA',
    kubelet('authentication.x509.clientCAFile', isSet),
    `Set authentication.x509.clientCAFile in the kubelet config, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-read-only-port',
    w,
    'Kubelet read-only port is disabled',
    kubelet('readOnlyPort', eq('0')),
    `Set readOnlyPort: 0 in the kubelet config (or --read-only-port=0), ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-streaming-timeout',
    w,
    'Idle streaming connections time out',
    kubelet('streamingConnectionIdleTimeout', { op: 'duration-nonzero' }),
    `Set streamingConnectionIdleTimeout to a non-zero duration such as 5m, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-protect-kernel-defaults',
    w,
    'Kubelet refuses to run with kernel settings that differ from its defaults',
    kubelet('protectKernelDefaults', eq('true')),
    `Set protectKernelDefaults: true after tuning the kernel parameters, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-iptables-chains',
    w,
    'Kubelet manages its iptables utility chains',
    kubelet('makeIPTablesUtilChains', eq('true')),
    `Remove makeIPTablesUtilChains: false (or --make-iptables-util-chains=false), ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-hostname-override',
    w,
    'Kubelet does not override the node host name',
    { kind: 'kubelet-flag', flag: 'hostname-override', test: unset, absent: 'pass' },
    `Remove --hostname-override from the kubelet command line, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-event-qps',
    w,
    'Kubelet event rate allows events to be captured',
    kubelet('eventRecordQPS', gte(0)),
    `Set eventRecordQPS to 0 or a level that keeps the events you need, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-tls-cert',
    w,
    'Kubelet serves TLS with its own certificate',
    allOf(kubelet('tlsCertFile', isSet), kubelet('tlsPrivateKeyFile', isSet)),
    `Set tlsCertFile and tlsPrivateKeyFile (or serverTLSBootstrap: true), ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-rotate-certificates',
    w,
    'Kubelet client certificate rotation is not turned off',
    kubelet('rotateCertificates', eq('true'), 'pass'),
    `Remove rotateCertificates: false (or --rotate-certificates=false), ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-rotate-server-cert',
    w,
    'Kubelet serving certificate rotation is on',
    kubelet('featureGates.RotateKubeletServerCertificate', ne('false')),
    `Remove RotateKubeletServerCertificate=false from the kubelet feature gates, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-strong-ciphers',
    w,
    'Kubelet offers only strong TLS cipher suites',
    kubelet('tlsCipherSuites', { op: 'subset', allowed: KUBELET_STRONG_CIPHERS }),
    `Set tlsCipherSuites to AEAD suites with forward secrecy only, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-pod-pids-limit',
    w,
    'Pods have a process ID limit',
    kubelet('podPidsLimit', gt(0)),
    `Set podPidsLimit (or --pod-max-pids) to a suitable limit, ${KUBELET_RESTART}`,
  ),
  check(
    'kubelet-seccomp-default',
    w,
    'Kubelet applies the RuntimeDefault seccomp profile by default',
    kubelet('seccompDefault', eq('true')),
    `Set seccompDefault: true in the kubelet config, ${KUBELET_RESTART}`,
  ),
  check(
    'proxy-metrics-bind',
    w,
    'kube-proxy metrics listen on loopback only',
    {
      kind: 'proxy',
      flag: 'metrics-bind-address',
      key: 'metricsBindAddress',
      test: { op: 'loopback' },
      absent: 'pass',
    },
    'Remove non-loopback values of metricsBindAddress (--metrics-bind-address) from kube-proxy.',
  ),
];
