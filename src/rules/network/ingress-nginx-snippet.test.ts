import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './ingress-nginx-snippet.js';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
    nginx.ingress.kubernetes.io/server-snippet: ""
    nginx.ingress.kubernetes.io/auth-snippet: proxy_set_header X-Debug 1;
    nginx.org/location-snippets: add_header X-Test 1;
    example.com/config-snippet: anything
spec:
  ingressClassName: nginx
  rules: [{host: shop.example.com}]
`;

const CONTROLLER_CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
data:
  allow-snippet-annotations: "true"
  annotations-risk-level: Critical
  use-forwarded-headers: "true"
`;

describe('network/ingress-nginx-snippet', () => {
  it('reports every non-empty snippet annotation, at the annotation', () => {
    expect(
      findingsOf(rule, INGRESS).map(({ pointer, line, message }) => ({ pointer, line, message })),
    ).toEqual([
      {
        pointer: '/metadata/annotations/nginx.ingress.kubernetes.io~1configuration-snippet',
        line: 8,
        message:
          'Ingress annotation "nginx.ingress.kubernetes.io/configuration-snippet" injects raw NGINX configuration into the shared ingress controller.',
      },
      {
        pointer: '/metadata/annotations/nginx.ingress.kubernetes.io~1auth-snippet',
        line: 11,
        message:
          'Ingress annotation "nginx.ingress.kubernetes.io/auth-snippet" injects raw NGINX configuration into the shared ingress controller.',
      },
      {
        pointer: '/metadata/annotations/nginx.org~1location-snippets',
        line: 12,
        message:
          'Ingress annotation "nginx.org/location-snippets" injects raw NGINX configuration into the shared ingress controller.',
      },
    ]);
  });

  it('reports the controller settings that allow snippets', () => {
    expect(
      findingsOf(rule, CONTROLLER_CONFIG).map(({ severity, pointer }) => ({ severity, pointer })),
    ).toEqual([
      { severity: 'high', pointer: '/data/allow-snippet-annotations' },
      { severity: 'medium', pointer: '/data/annotations-risk-level' },
    ]);
    expect(
      findingsOf(rule, CONTROLLER_CONFIG.replace('"true"', '"false"').replace('Critical', 'High')),
    ).toEqual([]);
  });

  it('takes the prefixes from annotationPrefixes', () => {
    expect(
      findingsOf(rule, INGRESS, { options: { annotationPrefixes: ['example.com'] } }).map(
        (finding) => finding.pointer,
      ),
    ).toEqual(['/metadata/annotations/example.com~1config-snippet']);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, CONTROLLER_CONFIG, { lang: 'ja' })[0]?.message).toBe(
      'ingress-nginx の設定 allow-snippet-annotations が "true" のため、すべての Ingress がコントローラーに NGINX の設定をそのまま注入できます。',
    );
  });
});
