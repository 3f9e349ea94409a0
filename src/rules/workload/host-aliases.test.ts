import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import rule from './host-aliases.js';

const PINNED = deployment(`
hostAliases:
  - ip: 203.0.113.10
    hostnames: [api.payments.example, login.example]
  - ip: 127.0.0.1
    hostnames: []
  - ip: 10.0.0.5
    hostnames: [a, b, c, d, e, f, g]
containers:
  - name: app
    image: example.com/app:1.0.0
`);

describe('workload/host-aliases', () => {
  it('reports every entry that adds host names, at the entry', () => {
    expect(
      findingsOf(rule, PINNED).map(({ severity, pointer, line, message }) => ({
        severity,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        severity: 'low',
        pointer: '/spec/template/spec/hostAliases/0',
        line: 14,
        message:
          'The pod\'s /etc/hosts maps "api.payments.example", "login.example" to 203.0.113.10 (spec.hostAliases), bypassing DNS.',
      },
      {
        severity: 'low',
        pointer: '/spec/template/spec/hostAliases/2',
        line: 18,
        message:
          'The pod\'s /etc/hosts maps "a", "b", "c", "d", "e" (+2) to 10.0.0.5 (spec.hostAliases), bypassing DNS.',
      },
    ]);
  });

  it('passes pods without hostAliases', () => {
    expect(
      findingsOf(rule, deployment('containers: [{name: app, image: example.com/app:1.0.0}]')),
    ).toEqual([]);
  });

  it('reports a malformed hostAliases as an input problem, not a finding', () => {
    const output = runRules(
      [rule],
      deployment(
        'hostAliases: {ip: 1.2.3.4}\ncontainers: [{name: app, image: example.com/app:1.0.0}]',
      ),
    );
    expect(output.findings).toEqual([]);
    expect(output.problems.map((problem) => problem.code)).toEqual(['INVALID_TYPE']);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, PINNED, { lang: 'ja' })[0]?.message).toBe(
      'Pod の /etc/hosts で "api.payments.example", "login.example" が 203.0.113.10 に対応付けられており (spec.hostAliases)、DNS が迂回されます。',
    );
  });
});
