import { describe, expect, it } from 'vitest';
import { parseFlags, parseGates, renderFlag, splitList } from './flags.js';

describe('parseFlags', () => {
  it('reads --flag=value and --flag value alike', () => {
    const flags = parseFlags('kubelet', ['--config=/a.yaml', '--kubeconfig', '/b.conf']);
    expect(flags.last.get('config')?.value).toBe('/a.yaml');
    expect(flags.last.get('kubeconfig')?.value).toBe('/b.conf');
  });

  it('never lets a boolean flag take the next argument', () => {
    const flags = parseFlags('kubelet', ['--anonymous-auth', 'false', '--v=2']);
    expect(flags.last.get('anonymous-auth')?.value).toBe('true');
    expect(flags.positionals).toEqual(['false']);
    expect(flags.notes[0]).toMatch(/stray/);
  });

  it('keeps the last occurrence and every occurrence', () => {
    const flags = parseFlags('kube-apiserver', ['--profiling=true', '--profiling=false']);
    expect(flags.last.get('profiling')?.value).toBe('false');
    expect(flags.occurrences).toHaveLength(2);
  });

  it('treats a flag followed by another flag as bare, and stops at --', () => {
    const flags = parseFlags('kube-apiserver', ['--foo', '--bar=1', '--', '--baz=2']);
    expect(flags.last.get('foo')).toMatchObject({ value: 'true', bare: true });
    expect(flags.last.has('baz')).toBe(false);
    expect(flags.positionals).toEqual(['--baz=2']);
  });

  it('accepts single-dash long flags (etcd) and negative numbers as values', () => {
    const flags = parseFlags('etcd', ['-data-dir', '/var/lib/etcd', '--oom-score-adj', '-998']);
    expect(flags.last.get('data-dir')?.value).toBe('/var/lib/etcd');
    expect(flags.last.get('oom-score-adj')?.value).toBe('-998');
  });
});

describe('helpers', () => {
  it('splits lists and feature gates', () => {
    expect(splitList(' a, b,,c ,')).toEqual(['a', 'b', 'c']);
    expect(parseGates('A=true,B=False,A=false').get('A')).toBe('false');
    expect(parseGates('A=true,B=False').get('B')).toBe('false');
  });

  it('redacts secret-valued flags only', () => {
    expect(renderFlag({ name: 'token', value: 'abc', bare: false, index: 0 })).toBe(
      '--token=<redacted>',
    );
    expect(renderFlag({ name: 'token-auth-file', value: '/t.csv', bare: false, index: 0 })).toBe(
      '--token-auth-file=/t.csv',
    );
    expect(
      renderFlag({
        name: 'service-account-extend-token-expiration',
        value: 'false',
        bare: false,
        index: 0,
      }),
    ).toBe('--service-account-extend-token-expiration=false');
  });
});
