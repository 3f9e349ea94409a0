/**
 * kube-apiserver flags. Absent flags are judged by the API server's own defaults (for example
 * profiling is on and authorization is AlwaysAllow unless configured).
 */
import type { Recommendation } from '../types.js';
import { allOf, anyOf, check, eq, flag, gt, gte, has, isSet, lacks, unset } from './helpers.js';

const A = 'kube-apiserver';
const EDIT = 'Edit the kube-apiserver static pod manifest (or unit) and';

/** Cipher suites the newest benchmark accepts for the API server. */
export const APISERVER_STRONG_CIPHERS = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
];

/** The older list, which still accepted two RSA key-exchange suites. */
export const LEGACY_STRONG_CIPHERS = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
];

const cp = 'control-plane' as const;

export const APISERVER: readonly Recommendation[] = [
  check(
    'apiserver-anonymous-auth',
    cp,
    'API server rejects anonymous requests',
    flag(A, 'anonymous-auth', eq('false'), { default: 'true' }),
    `${EDIT} set --anonymous-auth=false (health probes then need authorized credentials).`,
  ),
  check(
    'apiserver-basic-auth-file',
    cp,
    'API server does not use a static password file',
    flag(A, 'basic-auth-file', unset),
    `${EDIT} remove --basic-auth-file; use certificates, OIDC or webhook tokens.`,
  ),
  check(
    'apiserver-token-auth-file',
    cp,
    'API server does not use a static token file',
    flag(A, 'token-auth-file', unset),
    `${EDIT} remove --token-auth-file; use certificates, OIDC or webhook tokens.`,
  ),
  check(
    'apiserver-deny-service-external-ips',
    cp,
    'The DenyServiceExternalIPs admission plugin is enabled',
    flag(A, 'enable-admission-plugins', has('DenyServiceExternalIPs')),
    `${EDIT} add DenyServiceExternalIPs to --enable-admission-plugins.`,
  ),
  check(
    'apiserver-kubelet-https',
    cp,
    'API server talks to kubelets over HTTPS',
    flag(A, 'kubelet-https', eq('true'), 'pass'),
    `${EDIT} remove --kubelet-https=false.`,
  ),
  check(
    'apiserver-kubelet-client-cert',
    cp,
    'API server authenticates to kubelets with a client certificate',
    allOf(flag(A, 'kubelet-client-certificate', isSet), flag(A, 'kubelet-client-key', isSet)),
    `${EDIT} set --kubelet-client-certificate and --kubelet-client-key.`,
  ),
  check(
    'apiserver-kubelet-ca',
    cp,
    "API server verifies kubelets' serving certificates",
    flag(A, 'kubelet-certificate-authority', isSet),
    `${EDIT} set --kubelet-certificate-authority to the CA that signs kubelet serving certificates.`,
  ),
  check(
    'apiserver-authz-not-always-allow',
    cp,
    'API server authorization is not AlwaysAllow',
    flag(A, 'authorization-mode', lacks('AlwaysAllow'), { default: 'AlwaysAllow' }),
    `${EDIT} set --authorization-mode to Node,RBAC.`,
  ),
  check(
    'apiserver-authz-node',
    cp,
    'API server authorization includes the Node authorizer',
    flag(A, 'authorization-mode', has('Node'), { default: 'AlwaysAllow' }),
    `${EDIT} include Node in --authorization-mode.`,
  ),
  check(
    'apiserver-authz-rbac',
    cp,
    'API server authorization includes RBAC',
    flag(A, 'authorization-mode', has('RBAC'), { default: 'AlwaysAllow' }),
    `${EDIT} include RBAC in --authorization-mode.`,
  ),
  check(
    'apiserver-event-rate-limit',
    cp,
    'The EventRateLimit admission plugin is enabled',
    flag(A, 'enable-admission-plugins', has('EventRateLimit')),
    `${EDIT} enable EventRateLimit and give its limits in --admission-control-config-file.`,
  ),
  check(
    'apiserver-always-admit',
    cp,
    'The AlwaysAdmit admission plugin is not enabled',
    flag(A, 'enable-admission-plugins', lacks('AlwaysAdmit'), 'pass'),
    `${EDIT} remove AlwaysAdmit from --enable-admission-plugins.`,
  ),
  check(
    'apiserver-always-pull-images',
    cp,
    'The AlwaysPullImages admission plugin is enabled',
    flag(A, 'enable-admission-plugins', has('AlwaysPullImages')),
    `${EDIT} add AlwaysPullImages to --enable-admission-plugins (multi-tenant clusters).`,
  ),
  check(
    'apiserver-security-context-deny',
    cp,
    'SecurityContextDeny is enabled where PodSecurityPolicy is not used',
    anyOf(
      flag(A, 'enable-admission-plugins', has('SecurityContextDeny')),
      flag(A, 'enable-admission-plugins', has('PodSecurityPolicy')),
    ),
    `${EDIT} enable SecurityContextDeny unless PodSecurityPolicy is in place.`,
  ),
  check(
    'apiserver-service-account-plugin',
    cp,
    'The ServiceAccount admission plugin is not disabled',
    flag(A, 'disable-admission-plugins', lacks('ServiceAccount'), 'pass'),
    `${EDIT} remove ServiceAccount from --disable-admission-plugins.`,
  ),
  check(
    'apiserver-namespace-lifecycle',
    cp,
    'The NamespaceLifecycle admission plugin is not disabled',
    flag(A, 'disable-admission-plugins', lacks('NamespaceLifecycle'), 'pass'),
    `${EDIT} remove NamespaceLifecycle from --disable-admission-plugins.`,
  ),
  check(
    'apiserver-pod-security-policy',
    cp,
    'The PodSecurityPolicy admission plugin is enabled',
    flag(A, 'enable-admission-plugins', has('PodSecurityPolicy')),
    `${EDIT} add PodSecurityPolicy to --enable-admission-plugins after creating policies.`,
  ),
  check(
    'apiserver-node-restriction',
    cp,
    'The NodeRestriction admission plugin is enabled',
    flag(A, 'enable-admission-plugins', has('NodeRestriction')),
    `${EDIT} add NodeRestriction to --enable-admission-plugins.`,
  ),
  check(
    'apiserver-insecure-bind-address',
    cp,
    'API server sets no insecure bind address',
    flag(A, 'insecure-bind-address', unset),
    `${EDIT} remove --insecure-bind-address.`,
  ),
  check(
    'apiserver-insecure-port',
    cp,
    'API server serves no insecure port',
    flag(A, 'insecure-port', eq('0'), {
      default: '0',
      olderDefault: { beforeMinor: 20, value: '8080' },
    }),
    `${EDIT} set --insecure-port=0 (before Kubernetes 1.20 it listens on 8080 by default).`,
  ),
  check(
    'apiserver-secure-port',
    cp,
    'API server serves its secure port',
    flag(A, 'secure-port', gt(0), 'pass'),
    `${EDIT} remove --secure-port=0.`,
  ),
  check(
    'apiserver-profiling',
    cp,
    'API server profiling is off',
    flag(A, 'profiling', eq('false'), { default: 'true' }),
    `${EDIT} set --profiling=false.`,
  ),
  check(
    'apiserver-audit-log-path',
    cp,
    'API server writes an audit log',
    flag(A, 'audit-log-path', isSet),
    `${EDIT} set --audit-log-path (and an audit policy with --audit-policy-file).`,
  ),
  check(
    'apiserver-audit-log-maxage',
    cp,
    'Audit logs are kept for at least 30 days',
    flag(A, 'audit-log-maxage', gte(30), { default: '0' }),
    `${EDIT} set --audit-log-maxage=30 or more.`,
  ),
  check(
    'apiserver-audit-log-maxbackup',
    cp,
    'At least 10 rotated audit log files are kept',
    flag(A, 'audit-log-maxbackup', gte(10), { default: '0' }),
    `${EDIT} set --audit-log-maxbackup=10 or more.`,
  ),
  check(
    'apiserver-audit-log-maxsize',
    cp,
    'Audit log files rotate at 100 MB or more',
    flag(A, 'audit-log-maxsize', gte(100), { default: '0' }),
    `${EDIT} set --audit-log-maxsize=100 or more.`,
  ),
  check(
    'apiserver-request-timeout',
    cp,
    'API server request timeout is appropriate',
    flag(A, 'request-timeout', { op: 'duration-nonzero' }, 'pass'),
    `${EDIT} leave --request-timeout at its default or set a suitable value such as 300s.`,
  ),
  check(
    'apiserver-service-account-lookup',
    cp,
    'API server checks that service account tokens still exist',
    flag(A, 'service-account-lookup', eq('true'), 'pass'),
    `${EDIT} remove --service-account-lookup=false.`,
  ),
  check(
    'apiserver-service-account-key-file',
    cp,
    'API server has a service account verification key',
    flag(A, 'service-account-key-file', isSet),
    `${EDIT} set --service-account-key-file to the public key of the token signer.`,
  ),
  check(
    'apiserver-etcd-client-cert',
    cp,
    'API server authenticates to etcd with a client certificate',
    allOf(flag(A, 'etcd-certfile', isSet), flag(A, 'etcd-keyfile', isSet)),
    `${EDIT} set --etcd-certfile and --etcd-keyfile.`,
  ),
  check(
    'apiserver-tls-cert',
    cp,
    'API server serves TLS with its own certificate',
    allOf(flag(A, 'tls-cert-file', isSet), flag(A, 'tls-private-key-file', isSet)),
    `${EDIT} set --tls-cert-file and --tls-private-key-file.`,
  ),
  check(
    'apiserver-client-ca',
    cp,
    'API server verifies client certificates against a CA',
    flag(A, 'client-ca-file', isSet),
    `${EDIT} set --client-ca-file.`,
  ),
  check(
    'apiserver-etcd-ca',
    cp,
    "API server verifies etcd's certificate",
    flag(A, 'etcd-cafile', isSet),
    `${EDIT} set --etcd-cafile.`,
  ),
  check(
    'apiserver-encryption-config',
    cp,
    'API server encrypts Secrets at rest',
    flag(A, 'encryption-provider-config', isSet),
    `${EDIT} set --encryption-provider-config to an EncryptionConfiguration file.`,
  ),
  check(
    'apiserver-encryption-providers',
    cp,
    'The encryption configuration uses a strong provider first',
    { kind: 'encryption-providers', allowed: ['aescbc', 'kms', 'secretbox'] },
    'List kms (preferred), aescbc or secretbox before identity in the EncryptionConfiguration.',
  ),
  check(
    'apiserver-strong-ciphers',
    cp,
    'API server offers only strong TLS cipher suites',
    flag(A, 'tls-cipher-suites', { op: 'subset', allowed: APISERVER_STRONG_CIPHERS }),
    `${EDIT} set --tls-cipher-suites to AEAD suites with forward secrecy only.`,
  ),
  check(
    'apiserver-extend-token-expiration',
    cp,
    'API server does not extend service account token lifetimes',
    flag(A, 'service-account-extend-token-expiration', eq('false'), { default: 'true' }),
    `${EDIT} set --service-account-extend-token-expiration=false.`,
  ),
];
