/**
 * Probe evaluation: one typed function per probe kind, over the facts. A probe says pass or fail
 * only when it saw the value; otherwise it says unknown (a WARN) or not applicable.
 */
import { componentOf, isRecord, type Component, type NodeFacts } from './facts.js';
import { parseFlags, renderFlag } from './flags.js';
import { effectiveKubelet } from './kubelet.js';
import { flagOf, resolveFileSet } from './locate.js';
import type { ControlParams, Evidence, FileTest, Probe, ProbeOutcome } from './types.js';
import { applyTest, describeTest, textOf, type ValueTest } from './values.js';

/** Components whose absence from a node makes their checks not applicable there. */
const OPTIONAL_HERE: ReadonlySet<Component> = new Set([
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
]);

function withParams(test: ValueTest, params: ControlParams | undefined): ValueTest {
  if (params?.allowed !== undefined && test.op === 'subset') {
    return { op: 'subset', allowed: params.allowed };
  }
  if (params?.min !== undefined && test.op === 'gte') {
    return { op: 'gte', value: params.min };
  }
  return test;
}

function absentComponent(component: Component): ProbeOutcome {
  return OPTIONAL_HERE.has(component)
    ? {
        status: 'not-applicable',
        reason: `${component} does not run on this node and has no static pod manifest here`,
        evidence: [{ source: 'absent', location: component }],
      }
    : {
        status: 'unknown',
        reason: `${component} was not found on this node`,
        evidence: [{ source: 'absent', location: component }],
      };
}

function judge(
  passed: boolean,
  expected: string,
  evidence: Evidence[],
  what: string,
  note = '',
): ProbeOutcome {
  return {
    status: passed ? 'pass' : 'fail',
    reason: `${what}${note}`,
    expected,
    evidence,
  };
}

function flagProbe(
  facts: NodeFacts,
  probe: Extract<Probe, { kind: 'flag' }>,
  test: ValueTest,
): ProbeOutcome {
  const process = componentOf(facts, probe.component);
  if (process === undefined) {
    return absentComponent(probe.component);
  }
  const expected = `--${probe.flag} ${describeTest(test)}`;
  const parsed = parseFlags(probe.component, process.argv.slice(1));
  const occurrence = parsed.last.get(probe.flag);
  const source = process.source === 'process' ? 'flag' : 'manifest';
  if (occurrence !== undefined) {
    const rendered = renderFlag(occurrence);
    const passed = applyTest(test, occurrence.value);
    return judge(
      passed,
      expected,
      [{ source, location: process.location, key: `--${probe.flag}`, value: rendered }],
      `${rendered} on ${probe.component}`,
    );
  }
  const env = flagOf(facts, probe.component, probe.flag);
  if (env !== undefined) {
    const passed = applyTest(test, env.value);
    return judge(
      passed,
      expected,
      [{ source: 'env', location: env.location, key: probe.flag, value: env.value }],
      `${probe.component} environment sets ${probe.flag}=${env.value}`,
    );
  }
  const evidence: Evidence[] = [
    { source: 'absent', location: process.location, key: `--${probe.flag}` },
  ];
  if (test.op === 'unset') {
    return judge(true, expected, evidence, `--${probe.flag} is not set on ${probe.component}`);
  }
  if (probe.absent === 'pass' || probe.absent === 'fail') {
    return judge(
      probe.absent === 'pass',
      expected,
      evidence,
      `--${probe.flag} is not set on ${probe.component}`,
      probe.absent === 'pass' ? ' (compliant when absent)' : '',
    );
  }
  const older = probe.absent.olderDefault;
  const version = facts.platform.kubernetesVersion;
  const versionMatch = version === undefined ? null : /v?1\.(\d+)/.exec(version.value);
  const minor = versionMatch === null ? undefined : Number(versionMatch[1]);
  const useOlder = older !== undefined && (minor === undefined || minor < older.beforeMinor);
  const fallback = useOlder ? older.value : probe.absent.default;
  evidence.push({
    source: 'default',
    location: `${probe.component} default`,
    key: `--${probe.flag}`,
    value: fallback,
  });
  return judge(
    applyTest(test, fallback),
    expected,
    evidence,
    `--${probe.flag} is not set on ${probe.component}; its default is ${fallback}${
      older === undefined
        ? ''
        : minor === undefined
          ? ` (Kubernetes version unknown; assuming before 1.${older.beforeMinor})`
          : ` on Kubernetes 1.${minor}`
    }`,
  );
}

function kubeletProbe(
  facts: NodeFacts,
  probe: Extract<Probe, { kind: 'kubelet' }>,
  test: ValueTest,
): ProbeOutcome {
  const kubelet = effectiveKubelet(facts);
  if (kubelet === undefined) {
    return absentComponent('kubelet');
  }
  const setting = kubelet.setting(probe.key);
  const expected = `${probe.key} ${describeTest(test)}`;
  if (!setting.explicit && kubelet.problems.length > 0) {
    return {
      status: 'unknown',
      reason: `${probe.key} could not be determined: ${kubelet.problems.join('; ')}`,
      expected,
      evidence: [setting.evidence],
    };
  }
  if (!setting.explicit && probe.absent === 'pass') {
    return judge(
      true,
      expected,
      [setting.evidence],
      `${probe.key} is not set explicitly (compliant when absent)`,
    );
  }
  const value = setting.value === undefined ? undefined : textOf(setting.value);
  const from =
    setting.evidence.source === 'flag'
      ? `(flag ${setting.evidence.value ?? ''} in ${setting.evidence.location})`
      : setting.evidence.source === 'config' || setting.evidence.source === 'drop-in'
        ? `(${setting.evidence.source === 'config' ? 'config file' : 'drop-in'} ${setting.evidence.location})`
        : `(${setting.evidence.location})`;
  return judge(
    applyTest(test, value),
    expected,
    [setting.evidence],
    value === undefined ? `${probe.key} is not set ${from}` : `${probe.key}=${value} ${from}`,
  );
}

function kubeletFlagProbe(
  facts: NodeFacts,
  probe: Extract<Probe, { kind: 'kubelet-flag' }>,
): ProbeOutcome {
  return flagProbe(
    facts,
    {
      kind: 'flag',
      component: 'kubelet',
      flag: probe.flag,
      test: probe.test,
      absent: probe.absent,
    },
    probe.test,
  );
}

function proxyProbe(
  facts: NodeFacts,
  probe: Extract<Probe, { kind: 'proxy' }>,
  test: ValueTest,
): ProbeOutcome {
  const process = componentOf(facts, 'kube-proxy');
  if (process === undefined) {
    return absentComponent('kube-proxy');
  }
  const occurrence = parseFlags('kube-proxy', process.argv.slice(1)).last.get(probe.flag);
  const expected = `--${probe.flag} ${describeTest(test)}`;
  if (occurrence !== undefined) {
    return judge(
      applyTest(test, occurrence.value),
      expected,
      [
        {
          source: 'flag',
          location: process.location,
          key: `--${probe.flag}`,
          value: occurrence.value,
        },
      ],
      `${renderFlag(occurrence)} on kube-proxy`,
    );
  }
  const config = flagOf(facts, 'kube-proxy', 'config');
  if (config !== undefined) {
    const document = facts.documents[config.value];
    if (document?.content === undefined) {
      return {
        status: 'unknown',
        reason: `kube-proxy --config ${config.value}: ${document?.error ?? 'not collected'}`,
        expected,
        evidence: [{ source: 'absent', location: config.value, key: probe.key }],
      };
    }
    const value = isRecord(document.content) ? document.content[probe.key] : undefined;
    if (value !== undefined && value !== null && textOf(value) !== '') {
      return judge(
        applyTest(test, textOf(value)),
        expected,
        [{ source: 'config', location: config.value, key: probe.key, value: textOf(value) }],
        `${probe.key}=${textOf(value)} in ${config.value}`,
      );
    }
  }
  return judge(
    probe.absent === 'pass',
    expected,
    [{ source: 'absent', location: process.location, key: `--${probe.flag}` }],
    `--${probe.flag} is not set on kube-proxy`,
    probe.absent === 'pass' ? ' (the default is safe)' : '',
  );
}

function octal(mode: number): string {
  return mode.toString(8).padStart(3, '0');
}

function fileProbe(
  facts: NodeFacts,
  probe: Extract<Probe, { kind: 'file' }>,
  params: ControlParams | undefined,
): ProbeOutcome {
  const test: FileTest =
    'maxMode' in probe.test && params?.maxMode !== undefined
      ? { maxMode: params.maxMode }
      : probe.test;
  const expected =
    'maxMode' in test ? `mode ${octal(test.maxMode)} or stricter` : `owned by ${test.owner}`;
  const refs = resolveFileSet(facts, probe.files);
  const evidence: Evidence[] = [];
  const failures: string[] = [];
  const unknown: string[] = [];
  let seen = 0;
  for (const ref of refs) {
    const file = facts.files[ref.path];
    if (file === undefined || file.type === 'unreadable') {
      unknown.push(`${ref.path} (${file?.error ?? 'not collected'})`);
      continue;
    }
    if (file.type === 'missing') {
      continue;
    }
    seen++;
    const location = file.resolvedAt ?? ref.path;
    if ('maxMode' in test) {
      if (file.mode === undefined) {
        unknown.push(`${ref.path} (mode unknown)`);
        continue;
      }
      const value = octal(file.mode);
      evidence.push({ source: 'stat', location, key: 'mode', value });
      if ((file.mode & ~test.maxMode & 0o7777) !== 0) {
        failures.push(`${ref.path} has mode ${value}`);
      }
    } else {
      const owner = `${file.user ?? String(file.uid ?? '?')}:${file.group ?? String(file.gid ?? '?')}`;
      evidence.push({ source: 'stat', location, key: 'owner', value: owner });
      if (owner !== test.owner) {
        failures.push(`${ref.path} is owned by ${owner}`);
      }
    }
  }
  if (failures.length > 0) {
    return { status: 'fail', reason: failures.join('; '), expected, evidence };
  }
  if (unknown.length > 0) {
    return {
      status: 'unknown',
      reason: `could not read ${unknown.join(', ')}`,
      expected,
      evidence,
    };
  }
  if (seen === 0) {
    const where = refs.map((ref) => ref.path).join(', ');
    const missingEvidence: Evidence[] = refs.map((ref) => ({
      source: 'absent',
      location: ref.path,
      key: ref.via,
    }));
    if (probe.missing === 'not-applicable') {
      return {
        status: 'not-applicable',
        reason: where === '' ? 'no such file on this node' : `not present: ${where}`,
        expected,
        evidence: missingEvidence,
      };
    }
    return {
      status: 'fail',
      reason: where === '' ? 'the file was not found' : `not found: ${where}`,
      expected,
      evidence: missingEvidence,
    };
  }
  const files = refs
    .filter((ref) => facts.files[ref.path]?.type !== 'missing')
    .map((ref) => ref.path);
  return {
    status: 'pass',
    reason: `${files.length === 1 ? (files[0] ?? '') : `${files.length} files`}: ${expected}`,
    expected,
    evidence,
  };
}

function encryptionProbe(
  facts: NodeFacts,
  probe: Extract<Probe, { kind: 'encryption-providers' }>,
): ProbeOutcome {
  const expected = `first provider one of ${probe.allowed.join(', ')}`;
  const apiserver = componentOf(facts, 'kube-apiserver');
  if (apiserver === undefined) {
    return absentComponent('kube-apiserver');
  }
  const flag = flagOf(facts, 'kube-apiserver', 'encryption-provider-config');
  if (flag === undefined) {
    return {
      status: 'fail',
      reason: 'kube-apiserver has no --encryption-provider-config: secrets are stored unencrypted',
      expected,
      evidence: [
        { source: 'absent', location: apiserver.location, key: '--encryption-provider-config' },
      ],
    };
  }
  const encryption = facts.encryption;
  if (
    encryption === undefined ||
    encryption.path !== flag.value ||
    encryption.error !== undefined
  ) {
    return {
      status: 'unknown',
      reason: `${flag.value}: ${encryption?.error ?? 'not collected'}`,
      expected,
      evidence: [
        {
          source: 'flag',
          location: flag.location,
          key: '--encryption-provider-config',
          value: flag.value,
        },
      ],
    };
  }
  const first = encryption.providers[0];
  return judge(
    first !== undefined && probe.allowed.includes(first),
    expected,
    [
      {
        source: 'config',
        location: encryption.path,
        key: 'providers',
        value: encryption.providers.join(','),
      },
    ],
    `providers ${encryption.providers.join(', ') || '(none)'} in ${encryption.path}`,
  );
}

/** Combines outcomes: `all` needs every one to pass, `any` needs one. */
function combine(kind: 'all' | 'any', outcomes: ProbeOutcome[]): ProbeOutcome {
  const evidence = outcomes.flatMap((outcome) => outcome.evidence);
  const expected = outcomes
    .map((outcome) => outcome.expected)
    .filter((text) => text !== undefined)
    .join(kind === 'all' ? ' and ' : ' or ');
  const reason = outcomes.map((outcome) => outcome.reason).join('; ');
  const decided = (status: ProbeOutcome['status']): ProbeOutcome => ({
    status,
    reason,
    expected,
    evidence,
  });
  const statuses = new Set(outcomes.map((outcome) => outcome.status));
  if (statuses.has('not-applicable')) {
    return decided('not-applicable');
  }
  if (kind === 'all') {
    return decided(statuses.has('fail') ? 'fail' : statuses.has('unknown') ? 'unknown' : 'pass');
  }
  return decided(statuses.has('pass') ? 'pass' : statuses.has('unknown') ? 'unknown' : 'fail');
}

/** Evaluates a probe with a control's parameters. */
export function runProbe(
  facts: NodeFacts,
  probe: Probe,
  params: ControlParams | undefined,
): ProbeOutcome {
  switch (probe.kind) {
    case 'flag':
      return flagProbe(facts, probe, withParams(probe.test, params));
    case 'kubelet':
      return kubeletProbe(facts, probe, withParams(probe.test, params));
    case 'kubelet-flag':
      return kubeletFlagProbe(facts, probe);
    case 'proxy':
      return proxyProbe(facts, probe, withParams(probe.test, params));
    case 'file':
      return fileProbe(facts, probe, params);
    case 'encryption-providers':
      return encryptionProbe(facts, probe);
    case 'all':
    case 'any':
      return combine(
        probe.kind,
        probe.probes.map((inner) => runProbe(facts, inner, params)),
      );
  }
}
