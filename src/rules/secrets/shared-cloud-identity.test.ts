import { describe, expect, it } from 'vitest';
import { CLONE_SETS, cloneSet, findingsOf } from '../../../test/rule-tester.js';
import rule from './shared-cloud-identity.js';

const ROLE = 'arn:aws:iam::123456789012:role/shared';

function account(
  namespace: string | undefined,
  name: string,
  annotations: Record<string, string>,
  labels: Record<string, string> = {},
): string {
  return `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
${namespace === undefined ? '' : `  namespace: ${namespace}\n`}  labels: ${JSON.stringify(labels)}
  annotations: ${JSON.stringify(annotations)}
`;
}

function workload(namespace: string, name: string, serviceAccount: string, app: string): string {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      serviceAccountName: ${serviceAccount}
      containers: [{name: app, image: "example.com/${app}:1.0.0"}]
`;
}

function messages(yaml: string): string[] {
  return findingsOf(rule, yaml).map((finding) => `${finding.severity} ${finding.message}`);
}

const IRSA = { 'eks.amazonaws.com/role-arn': ROLE };

describe('secrets/shared-cloud-identity', () => {
  it('reports an identity shared across namespaces, on each account', () => {
    const findings = findingsOf(
      rule,
      account('billing', 'api', IRSA) + account('search', 'indexer', IRSA),
    );
    expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: '/metadata/annotations/eks.amazonaws.com~1role-arn',
        message: `Service account "billing/api" shares cloud identity "${ROLE}" (eks.amazonaws.com/role-arn) with unrelated service accounts: "search/indexer".`,
      },
      {
        pointer: '/metadata/annotations/eks.amazonaws.com~1role-arn',
        message: `Service account "search/indexer" shares cloud identity "${ROLE}" (eks.amazonaws.com/role-arn) with unrelated service accounts: "billing/api".`,
      },
    ]);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('reports accounts of one namespace whose workloads are different applications', () => {
    const yaml =
      account('shop', 'cart', IRSA) +
      account('shop', 'checkout', IRSA) +
      workload('shop', 'cart', 'cart', 'cart') +
      workload('shop', 'checkout', 'checkout', 'checkout');
    expect(messages(yaml)).toHaveLength(2);
  });

  it('passes accounts of one application, judged by labels of the accounts or their pods', () => {
    const labelled =
      account('shop', 'web', IRSA, { 'app.kubernetes.io/part-of': 'shop' }) +
      account('shop', 'worker', IRSA, { 'app.kubernetes.io/part-of': 'shop' });
    expect(messages(labelled)).toEqual([]);
    const byPods =
      account('shop', 'web', IRSA) +
      account('shop', 'web-migrate', IRSA) +
      workload('shop', 'web', 'web', 'web') +
      workload('shop', 'web-migrate', 'web-migrate', 'web');
    expect(messages(byPods)).toEqual([]);
  });

  it('passes accounts of one namespace when it cannot tell the applications apart', () => {
    expect(messages(account('shop', 'a', IRSA) + account('shop', 'b', IRSA))).toEqual([]);
    expect(messages(account(undefined, 'a', IRSA) + account('shop', 'b', IRSA))).toEqual([]);
  });

  it('compares Azure client ids and Google accounts without case', () => {
    const azure = (id: string) => ({ 'azure.workload.identity/client-id': id });
    expect(
      messages(account('a', 'x', azure('AAAA-bbbb')) + account('b', 'y', azure('aaaa-BBBB'))),
    ).toHaveLength(2);
    const google = (email: string) => ({ 'iam.gke.io/gcp-service-account': email });
    expect(
      messages(account('a', 'x', google('Sa@p.iam')) + account('b', 'y', google('sa@p.iam'))),
    ).toHaveLength(2);
    expect(
      messages(account('a', 'x', google('one@p.iam')) + account('b', 'y', google('two@p.iam'))),
    ).toEqual([]);
  });

  it('reports an identity on a default service account', () => {
    expect(messages(account('shop', 'default', IRSA))).toEqual([
      `medium The default service account "shop/default" carries cloud identity "${ROLE}" (eks.amazonaws.com/role-arn), so every pod in its namespace that names no service account gets it.`,
    ]);
  });

  it('names at most three other accounts', () => {
    const yaml = ['a', 'b', 'c', 'd', 'e'].map((ns) => account(ns, 'api', IRSA)).join('');
    expect(messages(yaml)[0]).toBe(
      `medium Service account "a/api" shares cloud identity "${ROLE}" (eks.amazonaws.com/role-arn) with unrelated service accounts: "b/api", "c/api", "d/api" (+1).`,
    );
  });

  it('tells applications apart by the pods of custom workload kinds the configuration maps', () => {
    const yaml =
      account('shop', 'cart', IRSA) +
      account('shop', 'checkout', IRSA) +
      workload('shop', 'cart', 'cart', 'cart') +
      '---\n' +
      cloneSet(
        'checkout',
        '{app: checkout}',
        '{serviceAccountName: checkout, containers: [{name: app, image: "example.com/checkout:1.0.0"}]}',
      );
    expect(
      findingsOf(rule, yaml, { config: CLONE_SETS }).map((finding) => finding.resource.name),
    ).toEqual(['cart', 'checkout']);
    // Unmapped, the CloneSet's pods are unknown, so the accounts cannot be told apart.
    expect(messages(yaml)).toEqual([]);
  });
});
