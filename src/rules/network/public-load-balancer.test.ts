import { describe, expect, it } from 'vitest';
import { findingsOf, runRules } from '../../../test/rule-tester.js';
import rule from './public-load-balancer.js';

function service(extraSpec = '', annotations = '', apiVersion = 'v1'): string {
  return `apiVersion: ${apiVersion}
kind: Service
metadata:
  name: shop
  namespace: shop
${annotations === '' ? '' : `  annotations:\n${annotations.trim().replace(/^/gm, '    ')}\n`}spec:
  type: LoadBalancer
  selector: {app: shop}
  ports:
    - {name: http, port: 80, targetPort: 8080}
    - {name: https, port: 443, targetPort: 8443}
${extraSpec.trim().replace(/^/gm, '  ')}
`;
}

describe('network/public-load-balancer', () => {
  it('reports a LoadBalancer without source ranges at spec.type', () => {
    expect(findingsOf(rule, service())).toMatchObject([
      {
        ruleId: 'network/public-load-balancer',
        severity: 'medium',
        pointer: '/spec/type',
        line: 7,
        message:
          'Service of type LoadBalancer exposes 80/TCP, 443/TCP to any address: it sets no loadBalancerSourceRanges and no internal load-balancer annotation.',
      },
    ]);
  });

  it('passes restricted source ranges', () => {
    const yaml = service('loadBalancerSourceRanges: [203.0.113.0/24, "2001:db8::/32"]');
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('reports a source range that admits every address', () => {
    const yaml = service('loadBalancerSourceRanges: [203.0.113.0/24, 0.0.0.0/0, "::/0"]');
    expect(findingsOf(rule, yaml)).toMatchObject([
      {
        pointer: '/spec/loadBalancerSourceRanges/1',
        message:
          'Source range "0.0.0.0/0" in spec.loadBalancerSourceRanges admits every address, so the load balancer exposes 80/TCP, 443/TCP to the internet.',
      },
      { pointer: '/spec/loadBalancerSourceRanges/2' },
    ]);
  });

  it('reads the legacy source-ranges annotation when the field is empty', () => {
    const key = 'service.beta.kubernetes.io/load-balancer-source-ranges';
    expect(findingsOf(rule, service('', `${key}: "10.0.0.0/8, 192.168.0.0/16"`))).toEqual([]);
    expect(findingsOf(rule, service('', `${key}: "10.0.0.0/8,0.0.0.0/0"`))).toMatchObject([
      {
        pointer: '/metadata/annotations/service.beta.kubernetes.io~1load-balancer-source-ranges',
        message: `Source range "0.0.0.0/0" in ${key} admits every address, so the load balancer exposes 80/TCP, 443/TCP to the internet.`,
      },
    ]);
    // The field wins over the annotation.
    const both = service('loadBalancerSourceRanges: [0.0.0.0/0]', `${key}: "10.0.0.0/8"`);
    expect(findingsOf(rule, both)).toHaveLength(1);
  });

  it.each([
    'service.beta.kubernetes.io/aws-load-balancer-internal: "true"',
    'service.beta.kubernetes.io/aws-load-balancer-internal: 0.0.0.0/0',
    'service.beta.kubernetes.io/aws-load-balancer-scheme: internal',
    'service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
    'networking.gke.io/load-balancer-type: Internal',
    'cloud.google.com/load-balancer-type: Internal',
  ])('passes an internal load balancer (%s)', (annotation) => {
    expect(findingsOf(rule, service('', annotation))).toEqual([]);
    // Internal load balancers are private even when the source ranges are open.
    expect(findingsOf(rule, service('loadBalancerSourceRanges: [0.0.0.0/0]', annotation))).toEqual(
      [],
    );
  });

  it.each([
    'service.beta.kubernetes.io/aws-load-balancer-internal: "false"',
    'service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing',
    'service.beta.kubernetes.io/azure-load-balancer-internal: "false"',
    'networking.gke.io/load-balancer-type: External',
  ])('reports a load balancer that is not internal (%s)', (annotation) => {
    expect(findingsOf(rule, service('', annotation))).toHaveLength(1);
  });

  it('accepts internal annotations of other providers through internalAnnotations', () => {
    const annotation = 'service.beta.kubernetes.io/oci-load-balancer-internal: "true"';
    expect(findingsOf(rule, service('', annotation))).toHaveLength(1);
    const options = {
      internalAnnotations: { 'service.beta.kubernetes.io/oci-load-balancer-internal': 'true' },
    };
    expect(findingsOf(rule, service('', annotation), { options })).toEqual([]);
  });

  it('rejects a malformed internalAnnotations option', () => {
    expect(rule.meta.validateOptions?.({ internalAnnotations: ['a'] })).toEqual([
      'internalAnnotations must map annotation names to string values',
    ]);
  });

  it('ignores other Service types and other Service APIs', () => {
    const clusterIp = service().replace('type: LoadBalancer', 'type: ClusterIP');
    expect(findingsOf(rule, clusterIp)).toEqual([]);
    expect(findingsOf(rule, service('', '', 'serving.knative.dev/v1'))).toEqual([]);
  });

  it('does not crash on malformed fields', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: odd, annotations: [x]}
spec:
  type: LoadBalancer
  ports: oops
  loadBalancerSourceRanges: [1, {}]
`;
    const output = runRules([rule], yaml);
    expect(output.problems).toEqual([]);
    expect(output.findings).toEqual([]);
  });
});
