import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './ingress-wildcard-host.js';

const OPEN = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  defaultBackend:
    service: {name: web, port: {number: 80}}
  rules:
    - host: shop.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
    - host: "*.tenants.example.com"
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
    - http:
        paths: [{path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]
`;

describe('network/ingress-wildcard-host', () => {
  it('reports the default backend, wildcard hosts and rules without a host', () => {
    expect(
      findingsOf(rule, OPEN).map(({ severity, pointer, message }) => ({
        severity,
        pointer,
        message,
      })),
    ).toEqual([
      {
        severity: 'low',
        pointer: '/spec/defaultBackend',
        message:
          'The Ingress sets spec.defaultBackend, which receives every request no rule matches, whatever its host name.',
      },
      {
        severity: 'low',
        pointer: '/spec/rules/1/host',
        message:
          'Rule spec.rules[1] has the wildcard host "*.tenants.example.com", so it routes requests for every name it matches to its backends.',
      },
      {
        severity: 'low',
        pointer: '/spec/rules/2',
        message:
          'Rule spec.rules[2] has no host, so it routes requests for any host name to its backends.',
      },
    ]);
  });

  it('reads spec.backend of the old API versions', () => {
    const yaml = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old}
spec:
  backend: {serviceName: web, servicePort: 80}
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.pointer)).toEqual(['/spec/backend']);
  });

  it('passes Ingresses whose rules all name a host, and other API groups', () => {
    const named = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
    - host: shop.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
`;
    expect(findingsOf(rule, named)).toEqual([]);
    expect(
      findingsOf(
        rule,
        'apiVersion: example.com/v1\nkind: Ingress\nmetadata: {name: x}\nspec: {rules: [{}]}\n',
      ),
    ).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, OPEN, { lang: 'ja' })[2]?.message).toBe(
      'spec.rules[2] にはホストがないため、任意のホスト名へのリクエストをバックエンドへ転送します。',
    );
  });
});
