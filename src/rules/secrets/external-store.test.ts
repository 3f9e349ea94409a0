import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './external-store.js';

const USES_SECRETS = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    env:
      - name: DB_PASSWORD
        valueFrom:
          secretKeyRef: {name: db, key: password}
      - name: MODE
        valueFrom:
          configMapKeyRef: {name: settings, key: mode}
    envFrom:
      - configMapRef: {name: settings}
      - secretRef: {name: api-keys}
volumes:
  - name: tls
    secret: {secretName: web-tls}
  - name: bundle
    projected:
      sources:
        - configMap: {name: ca}
        - secret: {name: signing-key}
`);

describe('secrets/external-store', () => {
  it('reports each use of a Secret at info severity, at the reference', () => {
    const findings = findingsOf(rule, USES_SECRETS);
    expect(
      findings.map(({ severity, pointer, message, container }) => ({
        severity,
        pointer,
        message,
        container,
      })),
    ).toEqual([
      {
        severity: 'info',
        pointer: '/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef',
        message:
          'Container "app" reads Secret "db" into environment variable "DB_PASSWORD"; consider a file mounted from an external store instead.',
        container: 'app',
      },
      {
        severity: 'info',
        pointer: '/spec/template/spec/containers/0/envFrom/1/secretRef',
        message:
          'Container "app" imports every key of Secret "api-keys" as environment variables; consider files mounted from an external store instead.',
        container: 'app',
      },
      {
        severity: 'info',
        pointer: '/spec/template/spec/volumes/0/secret',
        message:
          'Volume "tls" mounts Secret "web-tls"; consider serving it from an external store through the Secrets Store CSI driver.',
        container: undefined,
      },
      {
        severity: 'info',
        pointer: '/spec/template/spec/volumes/1/projected/sources/1/secret',
        message:
          'Projected volume "bundle" includes Secret "signing-key"; consider serving it from an external store through the Secrets Store CSI driver.',
        container: undefined,
      },
    ]);
  });

  it('passes a pod that mounts its credentials with the Secrets Store CSI driver', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    volumeMounts: [{name: creds, mountPath: /mnt/creds, readOnly: true}]
volumes:
  - name: creds
    csi:
      driver: secrets-store.csi.k8s.io
      readOnly: true
      volumeAttributes: {secretProviderClass: app-creds}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('passes Secrets that the input syncs from a store or issues in the cluster', () => {
    const producers = `
---
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata: {name: app-creds, namespace: shop}
spec:
  provider: azure
  secretObjects:
    - secretName: db
      type: Opaque
      data: [{objectName: db-password, key: password}]
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: api-keys, namespace: shop}
spec:
  secretStoreRef: {name: aws, kind: ClusterSecretStore}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: web, namespace: shop}
spec:
  secretName: web-tls
---
apiVersion: secrets.hashicorp.com/v1beta1
kind: VaultStaticSecret
metadata: {name: signing, namespace: shop}
spec:
  destination: {name: signing-key, create: true}
`;
    expect(findingsOf(rule, USES_SECRETS + producers)).toEqual([]);
  });

  it('does not trust producers in another namespace or of another API group', () => {
    const producers = `
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: api-keys, namespace: other}
---
apiVersion: example.com/v1
kind: Certificate
metadata: {name: web, namespace: shop}
spec: {secretName: web-tls}
`;
    const messages = findingsOf(rule, USES_SECRETS + producers).map((finding) => finding.message);
    expect(messages).toHaveLength(4);
  });

  it('reads malformed producers without crashing', () => {
    const producers = `
---
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata: {name: broken, namespace: shop}
spec:
  secretObjects: [42, {secretName: 7}, null]
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: other, namespace: shop}
spec: {target: "db"}
`;
    expect(findingsOf(rule, USES_SECRETS + producers)).toHaveLength(4);
  });
});
