/**
 * The kubelet's effective configuration, resolved the way the kubelet itself does it:
 *
 * 1. defaults: the KubeletConfiguration v1beta1 defaults when `--config` is given, otherwise the
 *    older flag defaults (anonymous auth on, AlwaysAllow, read-only port 10255);
 * 2. the `--config` file;
 * 3. the `--config-dir` drop-ins (`*.conf`, in lexical order, later wins; objects merge key by
 *    key, lists are replaced);
 * 4. command-line flags, which override both (feature gates merge gate by gate).
 *
 * Every value keeps its provenance, so that a verdict can say where the value came from.
 */
import { componentOf, isRecord, type NodeFacts, type ProcessFact } from './facts.js';
import { parseFlags, parseGates, renderFlag, type ParsedFlags } from './flags.js';
import type { Evidence } from './types.js';
import { textOf } from './values.js';

/** Kubelet flags and the KubeletConfiguration field each one sets. */
export const KUBELET_FLAG_KEYS: Readonly<Record<string, string>> = {
  'anonymous-auth': 'authentication.anonymous.enabled',
  'authentication-token-webhook': 'authentication.webhook.enabled',
  'client-ca-file': 'authentication.x509.clientCAFile',
  'authorization-mode': 'authorization.mode',
  'read-only-port': 'readOnlyPort',
  'streaming-connection-idle-timeout': 'streamingConnectionIdleTimeout',
  'protect-kernel-defaults': 'protectKernelDefaults',
  'make-iptables-util-chains': 'makeIPTablesUtilChains',
  'event-qps': 'eventRecordQPS',
  'tls-cert-file': 'tlsCertFile',
  'tls-private-key-file': 'tlsPrivateKeyFile',
  'tls-cipher-suites': 'tlsCipherSuites',
  'rotate-certificates': 'rotateCertificates',
  'rotate-server-certificates': 'serverTLSBootstrap',
  'pod-max-pids': 'podPidsLimit',
  'seccomp-default': 'seccompDefault',
  'pod-manifest-path': 'staticPodPath',
  'feature-gates': 'featureGates',
};

/** Defaults of fields that recommendations read, when a `--config` file is used. */
const CONFIG_DEFAULTS: Readonly<Record<string, unknown>> = {
  'authentication.anonymous.enabled': false,
  'authentication.webhook.enabled': true,
  'authorization.mode': 'Webhook',
  readOnlyPort: 0,
  streamingConnectionIdleTimeout: '4h0m0s',
  protectKernelDefaults: false,
  makeIPTablesUtilChains: true,
  eventRecordQPS: 50,
  rotateCertificates: false,
  serverTLSBootstrap: false,
  podPidsLimit: -1,
  seccompDefault: false,
  'featureGates.RotateKubeletServerCertificate': true,
};

/** The flag-era defaults that differ, used when the kubelet runs without `--config`. */
const LEGACY_DEFAULTS: Readonly<Record<string, unknown>> = {
  ...CONFIG_DEFAULTS,
  'authentication.anonymous.enabled': true,
  'authentication.webhook.enabled': false,
  'authorization.mode': 'AlwaysAllow',
  readOnlyPort: 10255,
};

/** One effective setting. */
export interface KubeletSetting {
  key: string;
  /** The effective value (undefined: no value at all). */
  value: unknown;
  /** Whether a file, drop-in or flag set it (false: a default, or nothing). */
  explicit: boolean;
  evidence: Evidence;
}

export interface EffectiveKubelet {
  process: ProcessFact;
  flags: ParsedFlags;
  configPath?: string;
  dropIns: string[];
  /** Problems reading the configuration (unreadable or unparsable files). */
  problems: string[];
  setting(key: string): KubeletSetting;
}

function lookup(document: unknown, key: string): unknown {
  let node: unknown = document;
  for (const part of key.split('.')) {
    if (!isRecord(node)) {
      return undefined;
    }
    node = node[part];
  }
  return node;
}

function processLocation(process: ProcessFact): string {
  return process.location;
}

/** Resolves the kubelet's effective configuration; undefined when no kubelet is known. */
export function effectiveKubelet(facts: NodeFacts): EffectiveKubelet | undefined {
  const process = componentOf(facts, 'kubelet');
  if (process === undefined) {
    return undefined;
  }
  const flags = parseFlags('kubelet', process.argv.slice(1));
  const problems: string[] = [];
  const layers: { source: 'config' | 'drop-in'; path: string; content: unknown }[] = [];
  const configPath = flags.last.get('config')?.value;
  if (configPath !== undefined) {
    const document = facts.documents[configPath];
    if (document === undefined || document.content === undefined) {
      problems.push(
        `kubelet config file ${configPath}: ${document?.error ?? 'not collected'}; its settings are unknown`,
      );
    } else {
      layers.push({ source: 'config', path: configPath, content: document.content });
    }
  }
  const dropIns: string[] = [];
  const configDir = flags.last.get('config-dir')?.value;
  if (configDir !== undefined) {
    const listing = facts.listings[configDir];
    if (listing === undefined) {
      problems.push(`kubelet --config-dir ${configDir}: not listed; drop-ins are unknown`);
    } else {
      for (const path of listing.filter((entry) => entry.endsWith('.conf')).sort()) {
        dropIns.push(path);
        const document = facts.documents[path];
        if (document?.content === undefined) {
          problems.push(`kubelet drop-in ${path}: ${document?.error ?? 'not collected'}`);
        } else {
          layers.push({ source: 'drop-in', path, content: document.content });
        }
      }
    }
  }
  const defaults = configPath === undefined ? LEGACY_DEFAULTS : CONFIG_DEFAULTS;
  const flagFor = (key: string): string | undefined =>
    Object.keys(KUBELET_FLAG_KEYS).find((flag) => KUBELET_FLAG_KEYS[flag] === key);

  const setting = (key: string): KubeletSetting => {
    const gate = /^featureGates\.(.+)$/.exec(key)?.[1];
    const flagName = gate === undefined ? flagFor(key) : 'feature-gates';
    const flag = flagName === undefined ? undefined : flags.last.get(flagName);
    if (flag !== undefined) {
      if (gate === undefined) {
        return {
          key,
          value: flag.value,
          explicit: true,
          evidence: {
            source: 'flag',
            location: processLocation(process),
            key,
            value: renderFlag(flag),
          },
        };
      }
      const gateValue = parseGates(
        flags.occurrences
          .filter((o) => o.name === 'feature-gates')
          .map((o) => o.value)
          .join(','),
      ).get(gate);
      if (gateValue !== undefined) {
        return {
          key,
          value: gateValue,
          explicit: true,
          evidence: {
            source: 'flag',
            location: processLocation(process),
            key,
            value: `--feature-gates ${gate}=${gateValue}`,
          },
        };
      }
    }
    for (const layer of [...layers].reverse()) {
      const value = lookup(layer.content, key);
      if (value !== undefined && value !== null) {
        return {
          key,
          value,
          explicit: true,
          evidence: { source: layer.source, location: layer.path, key, value: textOf(value) },
        };
      }
    }
    const value = defaults[key];
    return {
      key,
      value,
      explicit: false,
      evidence:
        value === undefined
          ? { source: 'absent', location: 'kubelet', key }
          : {
              source: 'default',
              location:
                configPath === undefined
                  ? 'kubelet flag default (no --config)'
                  : 'KubeletConfiguration v1beta1 default',
              key,
              value: textOf(value),
            },
    };
  };
  return {
    process,
    flags,
    ...(configPath === undefined ? {} : { configPath }),
    dropIns,
    problems,
    setting,
  };
}
