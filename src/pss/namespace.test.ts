import { describe, expect, it } from 'vitest';

import {
  aggregateErrors,
  defaultPolicy,
  levelVersionString,
  namespaceInvalidMessage,
  resolveNamespacePolicy,
} from './namespace.js';
import type { NamespacePolicy } from './namespace.js';

const labels = (entries: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = { 'other-label': 'foo-bar' };
  for (const [key, value] of Object.entries(entries)) {
    out[`pod-security.kubernetes.io/${key}`] = value;
  }
  return out;
};

const summary = (policy: NamespacePolicy) => ({
  enforce: levelVersionString(policy.enforce),
  audit: levelVersionString(policy.audit),
  warn: levelVersionString(policy.warn),
});

describe('resolveNamespacePolicy', () => {
  it.each([
    ['no labels', {}, 'privileged:latest', 'privileged:latest', 'privileged:latest'],
    [
      'simple enforce',
      { enforce: 'baseline' },
      'baseline:latest',
      'privileged:latest',
      'baseline:latest',
    ],
    [
      'simple warn',
      { warn: 'restricted' },
      'privileged:latest',
      'privileged:latest',
      'restricted:latest',
    ],
    [
      'simple audit',
      { audit: 'baseline' },
      'privileged:latest',
      'baseline:latest',
      'privileged:latest',
    ],
    [
      'enforce and warn',
      { enforce: 'baseline', warn: 'restricted' },
      'baseline:latest',
      'privileged:latest',
      'restricted:latest',
    ],
    [
      'enforce version copied to warn',
      { enforce: 'baseline', 'enforce-version': 'v1.22' },
      'baseline:v1.22',
      'privileged:latest',
      'baseline:v1.22',
    ],
    [
      'explicit warn-version kept',
      { enforce: 'baseline', 'enforce-version': 'v1.22', 'warn-version': 'latest' },
      'baseline:v1.22',
      'privileged:latest',
      'baseline:latest',
    ],
    [
      'warn-version alone',
      { enforce: 'baseline', 'warn-version': 'v1.23' },
      'baseline:latest',
      'privileged:latest',
      'baseline:v1.23',
    ],
    [
      'explicit privileged warn is kept',
      { enforce: 'baseline', warn: 'privileged' },
      'baseline:latest',
      'privileged:latest',
      'privileged:latest',
    ],
    [
      'fully specified',
      {
        enforce: 'baseline',
        'enforce-version': 'v1.20',
        warn: 'restricted',
        'warn-version': 'v1.21',
        audit: 'restricted',
        'audit-version': 'v1.22',
      },
      'baseline:v1.20',
      'restricted:v1.22',
      'restricted:v1.21',
    ],
    [
      'audit is never defaulted',
      { enforce: 'restricted' },
      'restricted:latest',
      'privileged:latest',
      'restricted:latest',
    ],
  ])('%s', (_name, entries, enforce, audit, warn) => {
    const result = resolveNamespacePolicy(labels(entries));
    expect(result.errors).toEqual([]);
    expect(summary(result.policy)).toEqual({ enforce, audit, warn });
  });

  it('fails closed for enforce and open for audit and warn', () => {
    const result = resolveNamespacePolicy(
      labels({ enforce: 'bogus', audit: 'strict', warn: 'foo', 'audit-version': 'v1.01' }),
    );
    expect(summary(result.policy)).toEqual({
      enforce: 'restricted:latest',
      audit: 'privileged:latest',
      warn: 'privileged:latest',
    });
    expect(result.errors.map((e) => e.message)).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "bogus": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/audit-version]: Invalid value: "v1.01": must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "foo": must be one of privileged, baseline, restricted',
    ]);
  });

  it('does not default warn from an invalid enforce label', () => {
    const result = resolveNamespacePolicy(labels({ enforce: 'foo' }));
    expect(summary(result.policy).warn).toBe('privileged:latest');
    expect(summary(result.policy).enforce).toBe('restricted:latest');
  });

  it('keeps the version text as written', () => {
    const result = resolveNamespacePolicy(
      labels({ enforce: 'restricted', 'enforce-version': 'v1.99' }),
    );
    expect(levelVersionString(result.policy.enforce)).toBe('restricted:v1.99');
    const bad = resolveNamespacePolicy(
      labels({ enforce: 'restricted', 'enforce-version': '1.25' }),
    );
    expect(levelVersionString(bad.policy.enforce)).toBe('restricted:latest');
    expect(bad.errors).toHaveLength(1);
  });

  it('starts from the configuration defaults', () => {
    const defaults = { enforce: 'baseline', auditVersion: 'v1.30', warn: 'restricted' } as const;
    expect(summary(resolveNamespacePolicy(undefined, defaults).policy)).toEqual({
      enforce: 'baseline:latest',
      audit: 'privileged:v1.30',
      warn: 'restricted:latest',
    });
    expect(
      summary(resolveNamespacePolicy(labels({ enforce: 'restricted' }), defaults).policy).warn,
    ).toBe('restricted:latest');
    expect(summary(defaultPolicy()).enforce).toBe('privileged:latest');
  });
});

describe('error texts', () => {
  it('aggregates like apimachinery', () => {
    expect(aggregateErrors(['a'])).toBe('a');
    expect(aggregateErrors(['a', 'b', 'a'])).toBe('[a, b]');
  });

  it('formats the namespace 422 error', () => {
    const { errors } = resolveNamespacePolicy(labels({ enforce: 'bogus' }));
    expect(namespaceInvalidMessage('ns', errors)).toBe(
      'Namespace "ns" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "bogus": must be one of privileged, baseline, restricted',
    );
    const two = resolveNamespacePolicy(labels({ enforce: 'bogus', 'warn-version': 'x' })).errors;
    expect(namespaceInvalidMessage('ns', two)).toBe(
      'Namespace "ns" is invalid: [metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "bogus": must be one of privileged, baseline, restricted, metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "x": must be "latest" or "v1.x"]',
    );
  });
});
