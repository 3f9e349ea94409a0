/*
 * Manifests should use API versions that the target Kubernetes release serves.
 * Checked: apiVersion and kind of every object, against the versions that Kubernetes has stopped
 * serving (the Deprecated API Migration Guide, from 1.16 to 1.32). Reads only the object's header.
 * Without the kubernetesVersion option every removed version is reported. With it, versions
 * removed at or before that release are reported as removed, and versions removed later, whose
 * replacement that release already serves, as deprecated (low severity).
 */
import { defineResourceRule } from '../../core/rule.js';

type MessageId = 'removed' | 'podSecurityPolicy' | 'deprecated';

interface Options {
  /** The Kubernetes release the manifests are for, `1.29`; empty: the newest. */
  kubernetesVersion: string;
}

interface Removal {
  apiVersion: string;
  kinds: readonly string[];
  /** The release that stopped serving it. */
  removedIn: string;
  /** What to use instead, and the release from which it is served. */
  replacement: string;
  since: string;
}

function removal(
  apiVersion: string,
  kinds: readonly string[],
  removedIn: string,
  replacement: string,
  since: string,
): Removal {
  return { apiVersion, kinds, removedIn, replacement, since };
}

const APPS = 'apps/v1';
const FLOWCONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const REVIEWS = ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'];
const WEBHOOKS = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/** API versions Kubernetes no longer serves, by release. */
const REMOVALS: readonly Removal[] = [
  // 1.16
  removal('extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], '1.16', APPS, '1.9'),
  removal('extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1', '1.8'),
  removal('extensions/v1beta1', ['PodSecurityPolicy'], '1.16', 'policy/v1beta1', '1.10'),
  removal('apps/v1beta1', ['Deployment', 'ReplicaSet', 'StatefulSet'], '1.16', APPS, '1.9'),
  removal(
    'apps/v1beta2',
    ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    '1.16',
    APPS,
    '1.9',
  ),
  // 1.22
  removal(
    'admissionregistration.k8s.io/v1beta1',
    WEBHOOKS,
    '1.22',
    'admissionregistration.k8s.io/v1',
    '1.16',
  ),
  removal(
    'apiextensions.k8s.io/v1beta1',
    ['CustomResourceDefinition'],
    '1.22',
    'apiextensions.k8s.io/v1',
    '1.16',
  ),
  removal(
    'apiregistration.k8s.io/v1beta1',
    ['APIService'],
    '1.22',
    'apiregistration.k8s.io/v1',
    '1.10',
  ),
  removal(
    'authentication.k8s.io/v1beta1',
    ['TokenReview'],
    '1.22',
    'authentication.k8s.io/v1',
    '1.6',
  ),
  removal('authorization.k8s.io/v1beta1', REVIEWS, '1.22', 'authorization.k8s.io/v1', '1.6'),
  removal(
    'certificates.k8s.io/v1beta1',
    ['CertificateSigningRequest'],
    '1.22',
    'certificates.k8s.io/v1',
    '1.19',
  ),
  removal('coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1', '1.14'),
  removal('extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', '1.19'),
  removal(
    'networking.k8s.io/v1beta1',
    ['Ingress', 'IngressClass'],
    '1.22',
    'networking.k8s.io/v1',
    '1.19',
  ),
  removal(
    'rbac.authorization.k8s.io/v1alpha1',
    RBAC,
    '1.22',
    'rbac.authorization.k8s.io/v1',
    '1.8',
  ),
  removal('rbac.authorization.k8s.io/v1beta1', RBAC, '1.22', 'rbac.authorization.k8s.io/v1', '1.8'),
  removal('scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1', '1.14'),
  removal('storage.k8s.io/v1beta1', ['CSIDriver'], '1.22', 'storage.k8s.io/v1', '1.19'),
  removal('storage.k8s.io/v1beta1', ['CSINode'], '1.22', 'storage.k8s.io/v1', '1.17'),
  removal('storage.k8s.io/v1beta1', ['StorageClass'], '1.22', 'storage.k8s.io/v1', '1.6'),
  removal('storage.k8s.io/v1beta1', ['VolumeAttachment'], '1.22', 'storage.k8s.io/v1', '1.13'),
  // 1.25
  removal('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2', '1.23'),
  removal('batch/v1beta1', ['CronJob'], '1.25', 'batch/v1', '1.21'),
  removal('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1', '1.21'),
  removal('events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1', '1.19'),
  removal('node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1', '1.20'),
  removal('policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1', '1.21'),
  // No replacement object: Pod Security admission (beta from 1.23) enforces namespace labels.
  removal('policy/v1beta1', ['PodSecurityPolicy'], '1.25', 'Pod Security admission', '1.23'),
  // 1.26
  removal('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2', '1.23'),
  removal(
    'flowcontrol.apiserver.k8s.io/v1beta1',
    FLOWCONTROL,
    '1.26',
    'flowcontrol.apiserver.k8s.io/v1',
    '1.29',
  ),
  // 1.27
  removal('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1', '1.24'),
  // 1.29
  removal(
    'flowcontrol.apiserver.k8s.io/v1beta2',
    FLOWCONTROL,
    '1.29',
    'flowcontrol.apiserver.k8s.io/v1',
    '1.29',
  ),
  // 1.32
  removal(
    'flowcontrol.apiserver.k8s.io/v1beta3',
    FLOWCONTROL,
    '1.32',
    'flowcontrol.apiserver.k8s.io/v1',
    '1.29',
  ),
];

const BY_API = new Map<string, Removal>(
  REMOVALS.flatMap((entry) => entry.kinds.map((kind) => [`${entry.apiVersion} ${kind}`, entry])),
);

const VERSION = /^v?1\.(\d+)(?:\.\d+)?$/;

/** The minor release of `1.29`, `v1.29` or `1.29.3`; undefined for anything else. */
function minorOf(version: string): number | undefined {
  const match = VERSION.exec(version.trim());
  return match === null ? undefined : Number(match[1]);
}

export default defineResourceRule<MessageId, Options>({
  kinds: [...new Set(REMOVALS.flatMap((entry) => entry.kinds))],
  headerOnly: true,
  meta: {
    id: 'api/deprecated-version',
    title: { en: 'Deprecated or removed API version', ja: '非推奨または削除済みの API バージョン' },
    description: {
      en: 'Kubernetes stops serving beta API versions some releases after their replacement is available. A manifest written for a removed version cannot be applied to a current cluster, which blocks upgrades, including security fixes, or leaves a cluster running objects nobody can redeploy. Old versions also carry old defaults, and the removed PodSecurityPolicy enforces nothing at all on a current cluster.',
      ja: 'Kubernetes は、後継のバージョンが使えるようになってからいくつかのリリースの後に、ベータ版の API バージョンの提供を終了します。削除されたバージョンで書かれたマニフェストは現在のクラスターに適用できず、セキュリティ修正を含むアップグレードの妨げになったり、誰も再デプロイできないオブジェクトがクラスターに残ったりします。古いバージョンは古いデフォルト値も引き継ぎます。また、削除された PodSecurityPolicy は現在のクラスターでは何も強制しません。',
    },
    remediation: {
      en: 'Change apiVersion to the replacement named in the finding and review the fields that changed between versions (kubectl convert can rewrite most objects). Replace PodSecurityPolicies with Pod Security admission labels on namespaces or a policy engine. Set kubernetesVersion to the oldest release you deploy to, to see what will be removed next.',
      ja: 'apiVersion を検出結果に示された後継のバージョンに変更し、バージョン間で変わったフィールドを確認してください（ほとんどのオブジェクトは kubectl convert で書き換えられます）。PodSecurityPolicy は、名前空間の Pod Security アドミッションのラベルかポリシーエンジンに置き換えてください。デプロイ先の最も古いリリースを kubernetesVersion に設定すると、次に削除されるものを確認できます。',
    },
    severity: 'medium',
    category: 'api',
    references: [
      'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
      'https://kubernetes.io/docs/reference/using-api/deprecation-policy/',
    ],
    messages: {
      removed: {
        en: 'API version {{apiVersion}} of {{kind}} is no longer served since Kubernetes {{removedIn}}; use {{replacement}}.',
        ja: '{{kind}} の {{apiVersion}} は Kubernetes {{removedIn}} 以降提供されていません。{{replacement}} を使用してください。',
      },
      podSecurityPolicy: {
        en: 'PodSecurityPolicy {{apiVersion}} is no longer served since Kubernetes {{removedIn}} and has no replacement object: enforce the Pod Security Standards with Pod Security admission instead.',
        ja: 'PodSecurityPolicy の {{apiVersion}} は Kubernetes {{removedIn}} 以降提供されておらず、後継のオブジェクトもありません。代わりに Pod Security アドミッションで Pod セキュリティ標準を適用してください。',
      },
      deprecated: {
        en: 'API version {{apiVersion}} of {{kind}} is deprecated and will no longer be served from Kubernetes {{removedIn}}; use {{replacement}}.',
        ja: '{{kind}} の {{apiVersion}} は非推奨で、Kubernetes {{removedIn}} から提供されなくなります。{{replacement}} を使用してください。',
      },
    },
    messageSeverities: { deprecated: 'low' },
    defaultOptions: { kubernetesVersion: '' },
    validateOptions(options) {
      const value = options.kubernetesVersion;
      return typeof value === 'string' && (value === '' || minorOf(value) !== undefined)
        ? []
        : ['kubernetesVersion must be a release such as "1.29", or empty for the newest'];
    },
  },
  check(resource, context) {
    const { apiVersion, kind } = resource.object;
    const entry = BY_API.get(`${apiVersion} ${kind}`);
    if (entry === undefined) {
      return;
    }
    const target = minorOf(context.options.kubernetesVersion) ?? Number.POSITIVE_INFINITY;
    const data = { kind, apiVersion, removedIn: entry.removedIn, replacement: entry.replacement };
    if ((minorOf(entry.removedIn) ?? 0) <= target) {
      context.report({
        messageId:
          kind === 'PodSecurityPolicy' && entry.apiVersion === 'policy/v1beta1'
            ? 'podSecurityPolicy'
            : 'removed',
        data,
        pointer: '/apiVersion',
      });
    } else if ((minorOf(entry.since) ?? 0) <= target) {
      context.report({ messageId: 'deprecated', data, pointer: '/apiVersion' });
    }
  },
});
