/**
 * The objects that run mamori's webhook in a cluster: Namespace, ServiceAccount, least-privilege
 * RBAC (namespaces: get, list, watch; pods: list), ConfigMap, Deployment (two or more replicas, hardened),
 * Service, NetworkPolicy, PodDisruptionBudget and the ValidatingWebhookConfiguration, with either
 * a caBundle or cert-manager (self-signed Issuer, Certificate, CA injection).
 */
import { stringify } from 'yaml';

export interface ManifestOptions {
  namespace: string;
  image: string;
  replicas: number;
  failurePolicy: 'Fail' | 'Ignore';
  /** PEM of the CA that signed the serving certificate (without cert-manager). */
  caBundlePem?: string;
  certManager: boolean;
}

export const WEBHOOK_NAME = 'pod-security.webhook.mamori.dev';
const APP = 'mamori-webhook';
const TLS_SECRET = 'mamori-webhook-tls';
const PORT = 8443;

function deployment(options: ManifestOptions): object {
  const labels = { 'app.kubernetes.io/name': APP };
  const probe = (path: string) => ({
    httpGet: { path, port: PORT, scheme: 'HTTPS' },
    periodSeconds: 10,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: APP,
      namespace: options.namespace,
      labels,
      annotations: {
        'mamori.dev/ignore': 'secrets/service-account-token,secrets/external-store',
        'mamori.dev/ignore-reason':
          'the webhook reads namespaces and pods with its token; its serving key is issued in-cluster',
      },
    },
    spec: {
      replicas: options.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: APP,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 65532,
            runAsGroup: 65532,
            seccompProfile: { type: 'RuntimeDefault' },
            appArmorProfile: { type: 'RuntimeDefault' },
          },
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    labelSelector: { matchLabels: labels },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          containers: [
            {
              name: 'webhook',
              image: options.image,
              // A tag may move: pull it every time; a digest cannot.
              imagePullPolicy: options.image.includes('@sha256:') ? 'IfNotPresent' : 'Always',
              args: [
                'webhook',
                'serve',
                '--bind-address=0.0.0.0',
                `--port=${PORT}`,
                '--tls-cert-file=/tls/tls.crt',
                '--tls-private-key-file=/tls/tls.key',
                '--config=/config/mamori.yaml',
              ],
              ports: [{ name: 'https', containerPort: PORT }],
              readinessProbe: probe('/readyz'),
              livenessProbe: probe('/healthz'),
              resources: {
                requests: { cpu: '100m', memory: '64Mi' },
                limits: { cpu: '1', memory: '256Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
                runAsNonRoot: true,
              },
              volumeMounts: [
                { name: 'tls', mountPath: '/tls', readOnly: true },
                { name: 'config', mountPath: '/config', readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'tls', secret: { secretName: TLS_SECRET } },
            { name: 'config', configMap: { name: APP } },
          ],
        },
      },
    },
  };
}

function webhookConfiguration(options: ManifestOptions): object {
  const annotations = options.certManager
    ? { 'cert-manager.io/inject-ca-from': `${options.namespace}/${APP}` }
    : undefined;
  const clientConfig: Record<string, unknown> = {
    service: { namespace: options.namespace, name: APP, path: '/validate', port: 443 },
  };
  if (!options.certManager && options.caBundlePem !== undefined) {
    clientConfig.caBundle = Buffer.from(options.caBundlePem).toString('base64');
  }
  const ops = ['CREATE', 'UPDATE'];
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: APP, ...(annotations === undefined ? {} : { annotations }) },
    webhooks: [
      {
        name: WEBHOOK_NAME,
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        failurePolicy: options.failurePolicy,
        matchPolicy: 'Equivalent',
        timeoutSeconds: 10,
        clientConfig,
        // Never admit the webhook's own pods through itself.
        namespaceSelector: {
          matchExpressions: [
            { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [options.namespace] },
          ],
        },
        rules: [
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            operations: ops,
            resources: ['pods', 'pods/ephemeralcontainers'],
          },
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            operations: ops,
            resources: ['namespaces', 'podtemplates', 'replicationcontrollers'],
          },
          {
            apiGroups: ['apps'],
            apiVersions: ['v1'],
            operations: ops,
            resources: ['replicasets', 'deployments', 'statefulsets', 'daemonsets'],
          },
          {
            apiGroups: ['batch'],
            apiVersions: ['v1'],
            operations: ops,
            resources: ['jobs', 'cronjobs'],
          },
        ],
      },
    ],
  };
}

/** The objects, in apply order. */
export function webhookObjects(options: ManifestOptions): object[] {
  const { namespace } = options;
  const labels = { 'app.kubernetes.io/name': APP };
  const config = stringify({
    webhook: {
      defaults: { enforce: 'privileged', audit: 'privileged', warn: 'privileged' },
      exemptions: { namespaces: [namespace, 'kube-system'], usernames: [], runtimeClasses: [] },
    },
  });
  const objects: object[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: APP, namespace, labels },
      automountServiceAccountToken: true,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: APP, labels },
      rules: [
        // Namespaces are listed and watched (their Pod Security labels); pods only listed, to warn
        // about existing pods when a Namespace update raises its enforce level. Read-only.
        { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['list'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: APP, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: APP },
      subjects: [{ kind: 'ServiceAccount', name: APP, namespace }],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: APP, namespace, labels },
      data: { 'mamori.yaml': config },
    },
  ];
  if (options.certManager) {
    objects.push(
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Issuer',
        metadata: { name: APP, namespace, labels },
        spec: { selfSigned: {} },
      },
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: APP, namespace, labels },
        spec: {
          secretName: TLS_SECRET,
          dnsNames: [`${APP}.${namespace}.svc`, `${APP}.${namespace}.svc.cluster.local`],
          issuerRef: { name: APP, kind: 'Issuer' },
          privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
        },
      },
    );
  }
  objects.push(
    deployment(options),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: APP, namespace, labels },
      spec: { selector: labels, ports: [{ name: 'https', port: 443, targetPort: PORT }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: APP, namespace, labels },
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress', 'Egress'],
        // The API server calls in from control-plane addresses that differ per cluster.
        ingress: [{ ports: [{ protocol: 'TCP', port: PORT }] }],
        // To the API server (443 or 6443) and DNS; never the instance metadata endpoint.
        egress: [
          {
            to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }],
            ports: [
              { protocol: 'TCP', port: 443 },
              { protocol: 'TCP', port: 6443 },
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: APP, namespace, labels },
      spec: { minAvailable: 1, selector: { matchLabels: labels } },
    },
    webhookConfiguration(options),
  );
  return objects;
}

/** The objects as one multi-document YAML stream. */
export function renderManifests(options: ManifestOptions): string {
  return webhookObjects(options)
    .map((object) => stringify(object, { lineWidth: 0 }))
    .join('---\n');
}
