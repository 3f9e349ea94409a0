import { describe, expect, it } from 'vitest';
import type { Resource } from '../../core/model.js';
import {
  cidrContains,
  parseCidr,
  parseIPv4,
  policiesIn,
  policyTypesOf,
  selectorMatches,
  tlsHostCovers,
} from './_net.js';

const labels = { app: 'web', tier: 'frontend' };

describe('selectorMatches', () => {
  it('selects everything with an empty or absent selector', () => {
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches(undefined, labels)).toBe(true);
    expect(selectorMatches(null, {})).toBe(true);
  });

  it('ANDs matchLabels', () => {
    expect(selectorMatches({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web', tier: 'frontend' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web', tier: 'backend' } }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { role: 'x' } }, labels)).toBe(false);
  });

  it('evaluates In, NotIn, Exists and DoesNotExist like the API server', () => {
    const expr = (operator: string, values?: string[], key = 'app') => ({
      matchExpressions: [values === undefined ? { key, operator } : { key, operator, values }],
    });
    expect(selectorMatches(expr('In', ['web', 'api']), labels)).toBe(true);
    expect(selectorMatches(expr('In', ['api']), labels)).toBe(false);
    expect(selectorMatches(expr('In', ['web'], 'missing'), labels)).toBe(false);
    expect(selectorMatches(expr('NotIn', ['api']), labels)).toBe(true);
    expect(selectorMatches(expr('NotIn', ['web']), labels)).toBe(false);
    // NotIn matches objects without the label.
    expect(selectorMatches(expr('NotIn', ['web'], 'missing'), labels)).toBe(true);
    expect(selectorMatches(expr('Exists'), labels)).toBe(true);
    expect(selectorMatches(expr('Exists', undefined, 'missing'), labels)).toBe(false);
    expect(selectorMatches(expr('DoesNotExist', undefined, 'missing'), labels)).toBe(true);
    expect(selectorMatches(expr('DoesNotExist'), labels)).toBe(false);
  });

  it('ANDs matchLabels with matchExpressions', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }],
    };
    expect(selectorMatches(selector, labels)).toBe(false);
  });

  it('selects nothing with an invalid selector', () => {
    expect(selectorMatches('app=web', labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { app: 1 } }, labels)).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] },
        labels,
      ),
    ).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In' }] }, labels)).toBe(
      false,
    );
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] },
        labels,
      ),
    ).toBe(false);
    expect(selectorMatches({ matchExpressions: {} }, labels)).toBe(false);
  });
});

describe('policyTypesOf', () => {
  it('defaults to Ingress, plus Egress when egress has rules', () => {
    expect([...policyTypesOf({})]).toEqual(['Ingress']);
    expect([...policyTypesOf({ policyTypes: [] })]).toEqual(['Ingress']);
    expect([...policyTypesOf({ egress: [{}] })]).toEqual(['Ingress', 'Egress']);
    // An empty egress list does not imply Egress (len(spec.egress) == 0).
    expect([...policyTypesOf({ egress: [] })]).toEqual(['Ingress']);
  });

  it('uses declared policyTypes as they are', () => {
    expect([...policyTypesOf({ policyTypes: ['Egress'] })]).toEqual(['Egress']);
    expect([...policyTypesOf({ policyTypes: ['Ingress'], egress: [{}] })]).toEqual(['Ingress']);
  });
});

describe('CIDRs', () => {
  const imds = parseIPv4('169.254.169.254') ?? -1;
  const contains = (text: string) => {
    const cidr = parseCidr(text);
    return cidr !== undefined && cidrContains(cidr, imds);
  };

  it('parses IPv4 addresses', () => {
    expect(parseIPv4('169.254.169.254')).toBe(0xa9fea9fe);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('256.0.0.1')).toBeUndefined();
    expect(parseIPv4('1.2.3')).toBeUndefined();
    expect(parseIPv4('a.b.c.d')).toBeUndefined();
  });

  it('decides containment exactly', () => {
    expect(contains('0.0.0.0/0')).toBe(true);
    expect(contains('128.0.0.0/1')).toBe(true);
    expect(contains('0.0.0.0/1')).toBe(false);
    expect(contains('169.254.0.0/16')).toBe(true);
    expect(contains('169.254.169.254/32')).toBe(true);
    expect(contains('169.254.169.255/32')).toBe(false);
    expect(contains('169.254.169.252/30')).toBe(true);
    expect(contains('169.254.169.248/30')).toBe(false);
    expect(contains('169.254.170.0/24')).toBe(false);
    expect(contains('10.10.0.0/0')).toBe(true);
    expect(contains('10.0.0.0/8')).toBe(false);
  });

  it('never finds an IPv4 address in an IPv6 block or a malformed one', () => {
    expect(contains('::/0')).toBe(false);
    expect(contains('fd00:ec2::254/128')).toBe(false);
    expect(contains('169.254.169.254')).toBe(false);
    expect(contains('169.254.169.254/33')).toBe(false);
    expect(parseCidr('::/0')).toEqual({ family: 6, prefix: 0 });
  });
});

describe('tlsHostCovers', () => {
  it('matches exact hosts without case', () => {
    expect(tlsHostCovers('Shop.Example.com', 'shop.example.com')).toBe(true);
    expect(tlsHostCovers('shop.example.com', 'api.example.com')).toBe(false);
  });

  it('lets a wildcard cover exactly one label', () => {
    expect(tlsHostCovers('*.example.com', 'shop.example.com')).toBe(true);
    expect(tlsHostCovers('*.example.com', 'example.com')).toBe(false);
    expect(tlsHostCovers('*.example.com', 'a.b.example.com')).toBe(false);
    expect(tlsHostCovers('*.example.com', '*.example.com')).toBe(true);
    expect(tlsHostCovers('shop.example.com', '*.example.com')).toBe(false);
  });
});

describe('policiesIn', () => {
  function policy(name: string, file: string, documentIndex: number): Resource {
    return {
      object: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace: 'shop' },
        spec: {},
      },
      ref: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', name, namespace: 'shop' },
      file,
      documentIndex,
      position: { line: 1, column: 1 },
    };
  }

  it('lists a namespace’s policies in input order, whatever order the index got them in', () => {
    const resources = [
      policy('c', 'b.yaml', 0),
      policy('b', 'a.yaml', 1),
      policy('a', 'a.yaml', 0),
    ];
    const index = {
      all: resources,
      ofKind: (kind: string) => (kind === 'NetworkPolicy' ? resources : []),
      workloads: [],
    };
    expect(policiesIn(index, 'shop').map((item) => item.name)).toEqual(['a', 'b', 'c']);
  });
});
