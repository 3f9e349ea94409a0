import { describe, expect, it } from 'vitest';
import { runProbe } from './probes.js';
import { factsWith } from './testing.js';
import type { Probe } from './types.js';

const apiserver = (...args: string[]) =>
  factsWith([{ component: 'kube-apiserver', argv: ['kube-apiserver', ...args] }]);

describe('flag probes', () => {
  const profiling: Probe = {
    kind: 'flag',
    component: 'kube-apiserver',
    flag: 'profiling',
    test: { op: 'eq', value: 'false' },
    absent: { default: 'true' },
  };

  it('passes and fails on the flag value', () => {
    expect(runProbe(apiserver('--profiling=false'), profiling, undefined).status).toBe('pass');
    expect(runProbe(apiserver('--profiling=true'), profiling, undefined).status).toBe('fail');
  });

  it('judges an absent flag by the default', () => {
    const outcome = runProbe(apiserver(), profiling, undefined);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/default is true/);
  });

  it('is not applicable where the component does not run', () => {
    expect(runProbe(factsWith([]), profiling, undefined).status).toBe('not-applicable');
  });

  it('reads etcd settings from the environment', () => {
    const facts = factsWith([{ component: 'etcd', argv: ['etcd'] }]);
    facts.processes[0]!.env = { ETCD_CLIENT_CERT_AUTH: 'true' };
    const probe: Probe = {
      kind: 'flag',
      component: 'etcd',
      flag: 'client-cert-auth',
      test: { op: 'eq', value: 'true' },
      absent: 'fail',
    };
    expect(runProbe(facts, probe, undefined)).toMatchObject({
      status: 'pass',
      evidence: [{ source: 'env' }],
    });
  });

  it('combines probes with all and any', () => {
    const cert: Probe = {
      kind: 'flag',
      component: 'kube-apiserver',
      flag: 'tls-cert-file',
      test: { op: 'set' },
      absent: 'fail',
    };
    const key: Probe = { ...cert, flag: 'tls-private-key-file' };
    const facts = apiserver('--tls-cert-file=/c');
    expect(runProbe(facts, { kind: 'all', probes: [cert, key] }, undefined).status).toBe('fail');
    expect(runProbe(facts, { kind: 'any', probes: [cert, key] }, undefined).status).toBe('pass');
  });
});

describe('kubelet probes', () => {
  const anonymous: Probe = {
    kind: 'kubelet',
    key: 'authentication.anonymous.enabled',
    test: { op: 'eq', value: 'false' },
  };

  it('passes on the config-file default and fails on an overriding flag', () => {
    const docs = { '/k.yaml': {} };
    const ok = factsWith(
      [{ component: 'kubelet', argv: ['kubelet', '--config=/k.yaml'] }],
      [],
      docs,
    );
    expect(runProbe(ok, anonymous, undefined).status).toBe('pass');
    const bad = factsWith(
      [{ component: 'kubelet', argv: ['kubelet', '--config=/k.yaml', '--anonymous-auth=true'] }],
      [],
      docs,
    );
    expect(runProbe(bad, anonymous, undefined)).toMatchObject({
      status: 'fail',
      evidence: [{ source: 'flag' }],
    });
  });

  it('is unknown when the config file could not be read', () => {
    const facts = factsWith([{ component: 'kubelet', argv: ['kubelet', '--config=/k.yaml'] }]);
    expect(runProbe(facts, anonymous, undefined).status).toBe('unknown');
  });

  it('accepts an unset value when the recommendation allows it', () => {
    const probe: Probe = {
      kind: 'kubelet',
      key: 'rotateCertificates',
      test: { op: 'eq', value: 'true' },
      absent: 'pass',
    };
    const facts = factsWith([{ component: 'kubelet', argv: ['kubelet'] }]);
    expect(runProbe(facts, probe, undefined).status).toBe('pass');
    facts.processes[0]!.argv.push('--rotate-certificates=false');
    expect(runProbe(facts, probe, undefined).status).toBe('fail');
  });

  it('checks kubelet-only flags', () => {
    const probe: Probe = {
      kind: 'kubelet-flag',
      flag: 'hostname-override',
      test: { op: 'unset' },
      absent: 'pass',
    };
    const facts = factsWith([{ component: 'kubelet', argv: ['kubelet', '--hostname-override=x'] }]);
    expect(runProbe(facts, probe, undefined).status).toBe('fail');
  });
});

describe('kube-proxy probes', () => {
  const probe: Probe = {
    kind: 'proxy',
    flag: 'metrics-bind-address',
    key: 'metricsBindAddress',
    test: { op: 'loopback' },
    absent: 'pass',
  };

  it('reads the flag first, then the --config file', () => {
    const flag = factsWith([
      { component: 'kube-proxy', argv: ['kube-proxy', '--metrics-bind-address=0.0.0.0:10249'] },
    ]);
    expect(runProbe(flag, probe, undefined).status).toBe('fail');
    const file = factsWith(
      [{ component: 'kube-proxy', argv: ['kube-proxy', '--config=/p.yaml'] }],
      [],
      { '/p.yaml': { metricsBindAddress: '127.0.0.1:10249' } },
    );
    expect(runProbe(file, probe, undefined).status).toBe('pass');
  });
});

describe('file probes', () => {
  const kubelet = { component: 'kubelet' as const, argv: ['kubelet', '--kubeconfig=/kc'] };
  const mode: Probe = {
    kind: 'file',
    files: 'kubelet-kubeconfig',
    test: { maxMode: 0o600 },
    missing: 'fail',
  };
  const owner: Probe = {
    kind: 'file',
    files: 'kubelet-kubeconfig',
    test: { owner: 'root:root' },
    missing: 'fail',
  };

  it('compares modes bit by bit, with per-benchmark parameters', () => {
    const facts = factsWith([kubelet], [{ path: '/kc', mode: 0o644, user: 'root', group: 'root' }]);
    expect(runProbe(facts, mode, undefined).status).toBe('fail');
    expect(runProbe(facts, mode, { maxMode: 0o644 }).status).toBe('pass');
    facts.files['/kc']!.mode = 0o400;
    expect(runProbe(facts, mode, undefined).status).toBe('pass');
  });

  it('checks owners', () => {
    const facts = factsWith([kubelet], [{ path: '/kc', mode: 0o600, user: 'root', group: 'root' }]);
    expect(runProbe(facts, owner, undefined).status).toBe('pass');
    facts.files['/kc']!.user = 'ubuntu';
    expect(runProbe(facts, owner, undefined).reason).toMatch(/ubuntu:root/);
  });

  it('treats missing files as the recommendation says', () => {
    const facts = factsWith([kubelet], [{ path: '/kc', type: 'missing' }]);
    expect(runProbe(facts, mode, undefined).status).toBe('fail');
    expect(runProbe(facts, { ...mode, missing: 'not-applicable' }, undefined).status).toBe(
      'not-applicable',
    );
    facts.files['/kc'] = { path: '/kc', type: 'unreadable', error: 'EACCES' };
    expect(runProbe(facts, mode, undefined).status).toBe('unknown');
  });
});

describe('encryption provider probes', () => {
  const probe: Probe = { kind: 'encryption-providers', allowed: ['aescbc', 'kms', 'secretbox'] };

  it('needs a strong first provider', () => {
    const facts = apiserver('--encryption-provider-config=/e.yaml');
    facts.encryption = { path: '/e.yaml', providers: ['aescbc', 'identity'] };
    expect(runProbe(facts, probe, undefined).status).toBe('pass');
    facts.encryption = { path: '/e.yaml', providers: ['identity', 'aescbc'] };
    expect(runProbe(facts, probe, undefined).status).toBe('fail');
    expect(runProbe(apiserver(), probe, undefined).status).toBe('fail');
  });
});
