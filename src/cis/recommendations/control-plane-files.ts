/**
 * Control-plane node files: static pod manifests, kubeconfigs, the etcd data directory and the PKI.
 * Modes default to the newest benchmark's 600; older benchmarks pass 644 as a control parameter.
 */
import type { Recommendation } from '../types.js';
import { check, maxMode, owner } from './helpers.js';

const CHMOD = 'Run chmod 600 on the file (or as the benchmark allows) on each control-plane node.';
const CHOWN = 'Run chown root:root on the file on each control-plane node.';

export const CONTROL_PLANE_FILES: readonly Recommendation[] = [
  check(
    'apiserver-manifest-mode',
    'control-plane',
    'API server static pod manifest is not writable by group or others',
    maxMode('apiserver-manifest', 0o600),
    CHMOD,
  ),
  check(
    'apiserver-manifest-owner',
    'control-plane',
    'API server static pod manifest is owned by root',
    owner('apiserver-manifest'),
    CHOWN,
  ),
  check(
    'controller-manager-manifest-mode',
    'control-plane',
    'Controller manager static pod manifest has restrictive permissions',
    maxMode('controller-manager-manifest', 0o600),
    CHMOD,
  ),
  check(
    'controller-manager-manifest-owner',
    'control-plane',
    'Controller manager static pod manifest is owned by root',
    owner('controller-manager-manifest'),
    CHOWN,
  ),
  check(
    'scheduler-manifest-mode',
    'control-plane',
    'Scheduler static pod manifest has restrictive permissions',
    maxMode('scheduler-manifest', 0o600),
    CHMOD,
  ),
  check(
    'scheduler-manifest-owner',
    'control-plane',
    'Scheduler static pod manifest is owned by root',
    owner('scheduler-manifest'),
    CHOWN,
  ),
  check(
    'etcd-manifest-mode',
    'control-plane',
    'etcd static pod manifest has restrictive permissions',
    maxMode('etcd-manifest', 0o600),
    CHMOD,
  ),
  check(
    'etcd-manifest-owner',
    'control-plane',
    'etcd static pod manifest is owned by root',
    owner('etcd-manifest'),
    CHOWN,
  ),
  check(
    'cni-files-mode',
    'control-plane',
    'CNI configuration files have restrictive permissions',
    maxMode('cni-files', 0o600),
    'Restrict the files under the CNI configuration directory to mode 600.',
  ),
  check(
    'cni-files-owner',
    'control-plane',
    'CNI configuration files are owned by root',
    owner('cni-files'),
    'Make root:root the owner of the CNI configuration files.',
  ),
  check(
    'etcd-data-dir-mode',
    'control-plane',
    'etcd data directory is accessible to its owner only',
    maxMode('etcd-data-dir', 0o700),
    'Find the directory from etcd --data-dir and run chmod 700 on it.',
  ),
  check(
    'etcd-data-dir-owner',
    'control-plane',
    'etcd data directory is owned by the etcd user',
    owner('etcd-data-dir', 'etcd:etcd'),
    'Run etcd as a dedicated etcd user and chown etcd:etcd its data directory.',
  ),
  check(
    'admin-kubeconfig-mode',
    'control-plane',
    'Administrator kubeconfigs (admin.conf, super-admin.conf) have restrictive permissions',
    maxMode('admin-kubeconfigs', 0o600),
    'Run chmod 600 on /etc/kubernetes/admin.conf and, where present, super-admin.conf.',
  ),
  check(
    'admin-kubeconfig-owner',
    'control-plane',
    'Administrator kubeconfigs are owned by root',
    owner('admin-kubeconfigs'),
    'Run chown root:root on /etc/kubernetes/admin.conf and super-admin.conf.',
  ),
  check(
    'scheduler-kubeconfig-mode',
    'control-plane',
    'Scheduler kubeconfig has restrictive permissions',
    maxMode('scheduler-kubeconfig', 0o600),
    'Run chmod 600 on the file named by kube-scheduler --kubeconfig.',
  ),
  check(
    'scheduler-kubeconfig-owner',
    'control-plane',
    'Scheduler kubeconfig is owned by root',
    owner('scheduler-kubeconfig'),
    'Run chown root:root on the file named by kube-scheduler --kubeconfig.',
  ),
  check(
    'controller-manager-kubeconfig-mode',
    'control-plane',
    'Controller manager kubeconfig has restrictive permissions',
    maxMode('controller-manager-kubeconfig', 0o600),
    'Run chmod 600 on the file named by kube-controller-manager --kubeconfig.',
  ),
  check(
    'controller-manager-kubeconfig-owner',
    'control-plane',
    'Controller manager kubeconfig is owned by root',
    owner('controller-manager-kubeconfig'),
    'Run chown root:root on the file named by kube-controller-manager --kubeconfig.',
  ),
  check(
    'pki-owner',
    'control-plane',
    'The PKI directory and everything in it belong to root',
    owner('pki-all'),
    'Run chown -R root:root /etc/kubernetes/pki.',
  ),
  check(
    'pki-cert-mode',
    'control-plane',
    'Certificates in the PKI directory are not writable by group or others',
    maxMode('pki-certs', 0o644),
    'Run chmod 644 on /etc/kubernetes/pki/*.crt.',
  ),
  check(
    'pki-key-mode',
    'control-plane',
    'Private keys in the PKI directory are readable by their owner only',
    maxMode('pki-keys', 0o600),
    'Run chmod 600 on /etc/kubernetes/pki/*.key.',
  ),
];
