import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './ingress-tls.js';

function ingress(spec: string, annotations = '', apiVersion = 'networking.k8s.io/v1'): string {
  return `apiVersion: ${apiVersion}
kind: Ingress
metadata:
  name: shop
  namespace: shop
${annotations === '' ? '' : `  annotations:\n${annotations.trim().replace(/^/gm, '    ')}\n`}spec:
${spec.trim().replace(/^/gm, '  ')}
`;
}

const BACKEND =
  'http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}';

const RULES = `rules:
  - host: shop.example.com
    ${BACKEND}
  - host: api.example.com
    ${BACKEND}`;

describe('network/ingress-tls', () => {
  it('reports an Ingress without spec.tls once, naming its hosts', () => {
    expect(findingsOf(rule, ingress(RULES))).toMatchObject([
      {
        ruleId: 'network/ingress-tls',
        severity: 'medium',
        pointer: '/spec',
        message:
          'Ingress has no TLS configuration (spec.tls), so these hosts are served over plain HTTP: "shop.example.com", "api.example.com".',
      },
    ]);
    const noHosts = ingress(`defaultBackend: {service: {name: shop, port: {number: 80}}}`);
    expect(findingsOf(rule, noHosts).map((finding) => finding.message)).toEqual([
      'Ingress has no TLS configuration (spec.tls), so it serves traffic over plain HTTP.',
    ]);
    expect(findingsOf(rule, ingress(`tls: []\n${RULES}`))).toHaveLength(1);
  });

  it('passes when every host is covered', () => {
    const yaml = ingress(`tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  - hosts: [API.example.com]
    secretName: api-tls
${RULES}`);
    expect(findingsOf(rule, yaml)).toEqual([]);
    const wildcard = ingress(`tls: [{hosts: ["*.example.com"], secretName: wildcard}]\n${RULES}`);
    expect(findingsOf(rule, wildcard)).toEqual([]);
  });

  it('reports each host that no TLS entry covers', () => {
    const yaml = ingress(`tls: [{hosts: [shop.example.com], secretName: shop-tls}]\n${RULES}`);
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        pointer: '/spec/rules/1/host',
        message:
          'Host "api.example.com" is not covered by any spec.tls[].hosts entry, so it is served over plain HTTP.',
      },
    ]);
    const deeper = ingress(`tls: [{hosts: ["*.example.com"]}]
rules:
  - host: a.b.example.com
    ${BACKEND}
  - host: example.com
    ${BACKEND}`);
    expect(findingsOf(rule, deeper)).toHaveLength(2);
  });

  it('treats a TLS entry without hosts as covering every host', () => {
    const yaml = ingress(`tls: [{secretName: default-cert}]\n${RULES}\n  - ${BACKEND}`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a rule without a host when every TLS entry names hosts', () => {
    const yaml = ingress(`tls: [{hosts: [shop.example.com], secretName: shop-tls}]
rules:
  - host: shop.example.com
    ${BACKEND}
  - ${BACKEND}`);
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        pointer: '/spec/rules/1',
        message:
          'Rule spec.rules[1] has no host, and every spec.tls entry names specific hosts, so requests matching it are not protected by a listed certificate.',
      },
    ]);
  });

  it('accepts certificates attached by annotation', () => {
    const alb =
      'alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:111122223333:certificate/abc';
    expect(findingsOf(rule, ingress(RULES, alb))).toEqual([]);
    const gke = 'networking.gke.io/managed-certificates: shop-cert';
    expect(findingsOf(rule, ingress(RULES, gke))).toEqual([]);
    expect(findingsOf(rule, ingress(RULES, gke), { options: { tlsAnnotations: [] } })).toHaveLength(
      1,
    );
  });

  it('reads extensions/v1beta1 Ingresses and ignores other APIs', () => {
    expect(findingsOf(rule, ingress(RULES, '', 'extensions/v1beta1'))).toHaveLength(1);
    expect(findingsOf(rule, ingress(RULES, '', 'example.com/v1'))).toEqual([]);
  });

  it('validates tlsAnnotations', () => {
    expect(rule.meta.validateOptions?.({ tlsAnnotations: 'x' })).toEqual([
      'tlsAnnotations must be a list of strings',
    ]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, ingress(RULES), { lang: 'ja' })[0]?.message).toBe(
      'Ingress に TLS の設定 (spec.tls) がないため、次のホストが平文の HTTP で提供されます: "shop.example.com", "api.example.com"。',
    );
  });
});
