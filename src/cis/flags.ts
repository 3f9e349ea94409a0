/**
 * Command-line flags of Kubernetes components, parsed the way their flag libraries do (pflag for
 * the Kubernetes binaries, Go's `flag` for etcd): `--flag=value` and `--flag value` both set a
 * value, except that a boolean flag never takes the next argument (`--anonymous-auth false` sets
 * it to true and leaves `false` as a stray argument). Parsing stops at `--`.
 */
import type { Component } from './facts.js';

/** One occurrence of a flag. */
export interface FlagOccurrence {
  name: string;
  value: string;
  /** The flag was given without a value (`--profiling`). */
  bare: boolean;
  /** Index of the flag in argv. */
  index: number;
}

export interface ParsedFlags {
  /** Every occurrence, in order. */
  occurrences: FlagOccurrence[];
  /** The effective value of each flag: the last occurrence wins. */
  last: Map<string, FlagOccurrence>;
  positionals: string[];
  /** Oddities worth reporting, e.g. a boolean flag followed by a stray value. */
  notes: string[];
}

const COMMON_BOOLEANS = ['profiling', 'contention-profiling', 'leader-elect', 'logtostderr'];

/** Flags that pflag or Go's flag package treat as booleans, per component. */
const BOOLEAN_FLAGS: Record<Component, ReadonlySet<string>> = {
  'kube-apiserver': new Set([
    ...COMMON_BOOLEANS,
    'anonymous-auth',
    'allow-privileged',
    'kubelet-https',
    'service-account-lookup',
    'service-account-extend-token-expiration',
    'enable-bootstrap-token-auth',
    'enable-aggregator-routing',
    'enable-priority-and-fairness',
    'enable-garbage-collector',
    'enable-logs-handler',
    'watch-cache',
    'audit-log-compress',
  ]),
  'kube-controller-manager': new Set([
    ...COMMON_BOOLEANS,
    'use-service-account-credentials',
    'allocate-node-cidrs',
    'configure-cloud-routes',
    'enable-hostpath-provisioner',
    'enable-dynamic-provisioning',
    'enable-garbage-collector',
    'enable-taint-manager',
  ]),
  'kube-scheduler': new Set([...COMMON_BOOLEANS]),
  kubelet: new Set([
    ...COMMON_BOOLEANS,
    'anonymous-auth',
    'authentication-token-webhook',
    'rotate-certificates',
    'rotate-server-certificates',
    'make-iptables-util-chains',
    'protect-kernel-defaults',
    'seccomp-default',
    'fail-swap-on',
    'register-node',
    'register-schedulable',
    'enable-debugging-handlers',
    'enable-server',
    'serialize-image-pulls',
    'cgroups-per-qos',
    'exit-on-lock-contention',
    'kernel-memcg-notification',
    'keep-terminated-pod-volumes',
    'enable-controller-attach-detach',
  ]),
  'kube-proxy': new Set([
    ...COMMON_BOOLEANS,
    'masquerade-all',
    'cleanup',
    'bind-address-hard-fail',
  ]),
  etcd: new Set([
    'client-cert-auth',
    'auto-tls',
    'peer-client-cert-auth',
    'peer-auto-tls',
    'enable-v2',
    'enable-pprof',
    'debug',
    'strict-reconfig-check',
    'force-new-cluster',
    'experimental-initial-corrupt-check',
    'client-crl-file-enabled',
  ]),
};

/** Whether the component treats the flag as a boolean. */
export function isBooleanFlag(component: Component, name: string): boolean {
  return BOOLEAN_FLAGS[component].has(name);
}

/**
 * Parses an argument vector (argv[0] excluded or included: a first element that is not a flag is
 * a positional either way). Single-dash long flags (`-data-dir`) are accepted, as Go's flag
 * package does for etcd; single-letter shorthands are recorded by their letter.
 */
export function parseFlags(component: Component, args: readonly string[]): ParsedFlags {
  const occurrences: FlagOccurrence[] = [];
  const positionals: string[] = [];
  const notes: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const equals = body.indexOf('=');
    if (equals >= 0) {
      occurrences.push({
        name: body.slice(0, equals),
        value: body.slice(equals + 1),
        bare: false,
        index,
      });
      continue;
    }
    const name = body;
    const next = args[index + 1];
    if (isBooleanFlag(component, name)) {
      occurrences.push({ name, value: 'true', bare: true, index });
      if (next !== undefined && /^(true|false)$/i.test(next)) {
        notes.push(
          `--${name} ${next}: a boolean flag does not take a separate value; it is true and "${next}" is a stray argument`,
        );
      }
      continue;
    }
    if (next !== undefined && (!next.startsWith('-') || next === '-' || /^-\d/.test(next))) {
      occurrences.push({ name, value: next, bare: false, index });
      index++;
      continue;
    }
    occurrences.push({ name, value: 'true', bare: true, index });
  }
  const last = new Map<string, FlagOccurrence>();
  for (const occurrence of occurrences) {
    last.set(occurrence.name, occurrence);
  }
  return { occurrences, last, positionals, notes };
}

/** Splits a comma-separated list, trimming blanks and dropping empty items. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Parses `--feature-gates`-style maps (`A=true,B=false`); later entries win. Keys keep their case.
 */
export function parseGates(value: string): Map<string, string> {
  const gates = new Map<string, string>();
  for (const item of splitList(value)) {
    const equals = item.indexOf('=');
    if (equals > 0) {
      gates.set(
        item.slice(0, equals).trim(),
        item
          .slice(equals + 1)
          .trim()
          .toLowerCase(),
      );
    }
  }
  return gates;
}

/** Renders an argument for evidence: values of flags that may carry secrets are masked. */
export function renderFlag(occurrence: FlagOccurrence): string {
  if (/(^|-)(token|password|secret)$/i.test(occurrence.name)) {
    return `--${occurrence.name}=<redacted>`;
  }
  return occurrence.bare ? `--${occurrence.name}` : `--${occurrence.name}=${occurrence.value}`;
}
