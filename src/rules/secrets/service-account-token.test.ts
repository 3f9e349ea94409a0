import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import type { Resource } from '../../core/model.js';
import { findServiceAccount } from './_objects.js';
import rule from './service-account-token.js';

function resource(kind: string, file: string, documentIndex: number, namespace?: string): Resource {
  return {
    object: { apiVersion: 'v1', kind, metadata: { name: 'api', namespace } },
    ref: { apiVersion: 'v1', kind, name: 'api', ...(namespace === undefined ? {} : { namespace }) },
    file,
    documentIndex,
    position: { line: 1, column: 1 },
  };
}

function workload(podSpecExtra: string): string {
  return deployment(`
${podSpecExtra}
containers:
  - name: app
    image: example.com/app:1.0.0
`);
}

function account(name: string, automount: string | undefined, namespace = 'shop'): string {
  return `
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: ${namespace}}
${automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`}`;
}

function messages(yaml: string): string[] {
  return findingsOf(rule, yaml).map((finding) => finding.message);
}

describe('secrets/service-account-token', () => {
  it('passes a pod spec that disables the token, whatever the service account says', () => {
    const yaml = workload('serviceAccountName: api\nautomountServiceAccountToken: false');
    expect(messages(yaml)).toEqual([]);
    expect(messages(yaml + account('api', 'true'))).toEqual([]);
  });

  it('passes a pod whose service account in the input disables the token', () => {
    expect(messages(workload('serviceAccountName: api') + account('api', 'false'))).toEqual([]);
  });

  it('lets the pod spec win over the service account', () => {
    const yaml = workload('serviceAccountName: api\nautomountServiceAccountToken: true');
    const findings = findingsOf(rule, yaml + account('api', 'false'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'medium',
      pointer: '/spec/template/spec/automountServiceAccountToken',
      message:
        'The pod spec sets automountServiceAccountToken: true, so every container gets a token of service account "api".',
    });
  });

  it('explains what the service account in the input says', () => {
    expect(messages(workload('serviceAccountName: api') + account('api', 'true'))).toEqual([
      'Service account "api" sets automountServiceAccountToken: true and the pod spec does not override it, so every container gets its token.',
    ]);
    expect(messages(workload('serviceAccountName: api') + account('api', undefined))).toEqual([
      'Neither the pod spec nor service account "api" sets automountServiceAccountToken: false, so every container gets its token.',
    ]);
  });

  it('says so when the service account is not in the input, defaulting to "default"', () => {
    const findings = findingsOf(rule, workload(''));
    expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: '/spec/template/spec/automountServiceAccountToken',
        message:
          'The pod spec does not set automountServiceAccountToken: false and service account "default" is not in the scanned input, so every container gets its token unless the service account disables it.',
      },
    ]);
  });

  it('matches service accounts by namespace, preferring an exact match', () => {
    // Another namespace's account does not count.
    expect(
      messages(workload('serviceAccountName: api') + account('api', 'false', 'other')),
    ).toHaveLength(1);
    // An account without a namespace may be applied to the pod's namespace.
    const unnamespaced = `
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api}
automountServiceAccountToken: false
`;
    expect(messages(workload('serviceAccountName: api') + unnamespaced)).toEqual([]);
    // The exact namespace wins over one without.
    expect(
      messages(workload('serviceAccountName: api') + unnamespaced + account('api', 'true')),
    ).toHaveLength(1);
  });

  it('reads the deprecated serviceAccount field', () => {
    expect(messages(workload('serviceAccount: api') + account('api', 'false'))).toEqual([]);
  });

  it('treats a mistyped service account setting as unset', () => {
    expect(messages(workload('serviceAccountName: api') + account('api', '"false"'))).toEqual([
      'Neither the pod spec nor service account "api" sets automountServiceAccountToken: false, so every container gets its token.',
    ]);
  });

  it('picks among duplicate service accounts without depending on input order', () => {
    const workload = resource('Deployment', 'apps/shop/deploy.yaml', 0, 'shop');
    const candidates = [
      resource('ServiceAccount', 'other/shop.yaml', 0, 'shop'),
      resource('ServiceAccount', 'apps/shop/rbac.yaml', 1, 'shop'),
      resource('ServiceAccount', 'apps/shop/deploy.yaml', 1),
      resource('ServiceAccount', 'apps/shop/rbac.yaml', 0, 'shop'),
      resource('ServiceAccount', 'apps/shop/deploy.yaml', 2, 'other'),
    ];
    const pick = (accounts: Resource[]) =>
      findServiceAccount({ all: accounts, ofKind: () => accounts, workloads: [] }, workload, 'api');
    // Exact namespace first, then the nearest file, then the first document.
    const expected = candidates[3];
    expect(pick(candidates)).toBe(expected);
    expect(pick([...candidates].reverse())).toBe(expected);
    // An exact namespace beats a nearer file.
    expect(pick([candidates[2]!, candidates[0]!])).toBe(candidates[0]);
    // Among accounts without a namespace, the workload's own file wins.
    const elsewhere = resource('ServiceAccount', 'a/first.yaml', 0);
    expect(pick([elsewhere, candidates[2]!])).toBe(candidates[2]);
    expect(pick([candidates[2]!, elsewhere])).toBe(candidates[2]);
  });
});
