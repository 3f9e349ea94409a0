/*
 * Advice: credentials kept in Kubernetes Secrets live in etcd and in every copy of the manifests
 * that create them; an external secret store (AWS Secrets Manager, Azure Key Vault, Google Secret
 * Manager, Vault) served through the Secrets Store CSI driver keeps them out of the cluster's API.
 * Checked fields: env[*].valueFrom.secretKeyRef and envFrom[*].secretRef of every container,
 * volumes[*].secret and volumes[*].projected.sources[*].secret.
 * Not reported: Secrets that the input shows are already synced from an external store or issued
 * in the cluster (SecretProviderClass secretObjects, ExternalSecret targets, Vault Secrets
 * Operator destinations, cert-manager Certificates).
 */
import type { Resource } from '../../core/model.js';
import { defineWorkloadRule, type ResourceIndex } from '../../core/rule.js';
import { valueAt } from '../../core/workload.js';
import { isRecord, sameNamespace, stringAt } from './_objects.js';

type MessageId = 'envVar' | 'envFrom' | 'volume' | 'projected';

/** Objects that produce a Secret from an external store or in the cluster, by API group. */
const PRODUCERS: readonly {
  kind: string;
  group: string;
  /** Names of the Secrets the object writes. */
  secrets(resource: Resource): string[];
}[] = [
  {
    kind: 'SecretProviderClass',
    group: 'secrets-store.csi.x-k8s.io',
    secrets: (resource) => {
      const list = valueAt(resource.object, '/spec/secretObjects');
      return Array.isArray(list)
        ? list.flatMap((item) =>
            isRecord(item) && typeof item.secretName === 'string' ? [item.secretName] : [],
          )
        : [];
    },
  },
  {
    kind: 'ExternalSecret',
    group: 'external-secrets.io',
    // The target name defaults to the ExternalSecret's own name.
    secrets: (resource) => [stringAt(resource.object, '/spec/target/name') ?? resource.ref.name],
  },
  ...['VaultStaticSecret', 'VaultDynamicSecret', 'VaultPKISecret'].map((kind) => ({
    kind,
    group: 'secrets.hashicorp.com',
    secrets: (resource: Resource) => {
      const name = stringAt(resource.object, '/spec/destination/name');
      return name === undefined ? [] : [name];
    },
  })),
  {
    kind: 'Certificate',
    group: 'cert-manager.io',
    secrets: (resource) => {
      const name = stringAt(resource.object, '/spec/secretName');
      return name === undefined ? [] : [name];
    },
  },
];

/** Secrets the input shows to come from elsewhere, with their namespace. */
function producedSecrets(index: ResourceIndex): { namespace?: string; name: string }[] {
  return PRODUCERS.flatMap((producer) =>
    index
      .ofKind(producer.kind)
      .filter((resource) => resource.object.apiVersion.split('/')[0] === producer.group)
      .flatMap((resource) =>
        producer.secrets(resource).map((name) => ({ namespace: resource.ref.namespace, name })),
      ),
  );
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'secrets/external-store',
    title: {
      en: 'Secret not served from an external store',
      ja: '外部ストアから提供されていない Secret',
    },
    description: {
      en: 'Kubernetes Secrets are only base64-encoded: they sit in etcd (encrypted only if the cluster is configured for it), in the manifests or pipelines that create them, and in the hands of anyone allowed to read Secrets in the namespace. Injected as environment variables they also leak into crash dumps, child processes and monitoring agents. A secrets store such as AWS Secrets Manager, Azure Key Vault, Google Secret Manager or HashiCorp Vault, mounted as files through the Secrets Store CSI driver, keeps the credential out of the Kubernetes API, audits every read and rotates in one place.',
      ja: 'Kubernetes の Secret は base64 でエンコードされているだけで、etcd（クラスターで設定しない限り暗号化されません）、Secret を作成するマニフェストやパイプライン、そして名前空間の Secret を読める全員の手元に存在します。環境変数として注入すると、クラッシュダンプ、子プロセス、監視エージェントにも漏れます。AWS Secrets Manager、Azure Key Vault、Google Secret Manager、HashiCorp Vault などのシークレットストアを Secrets Store CSI ドライバー経由でファイルとしてマウントすれば、認証情報を Kubernetes API の外に置いたまま、読み取りを監査し、1 か所でローテーションできます。',
    },
    remediation: {
      en: 'Keep the credential in your cloud secret store and mount it with the Secrets Store CSI driver and its provider (AWS, Azure, GCP or Vault), or sync it with an operator such as External Secrets. At least mount Secrets as files instead of environment variables.',
      ja: '認証情報はクラウドのシークレットストアに保管し、Secrets Store CSI ドライバーと各プロバイダー（AWS、Azure、GCP、Vault）でマウントするか、External Secrets などのオペレーターで同期してください。少なくとも、Secret は環境変数ではなくファイルとしてマウントしてください。',
    },
    severity: 'info',
    category: 'secrets',
    references: [
      'https://secrets-store-csi-driver.sigs.k8s.io/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://learn.microsoft.com/azure/aks/csi-secrets-store-driver',
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/integrating_csi_driver.html',
    ],
    standards: [{ framework: 'nsa', control: 'secrets' }],
    indexKinds: [...new Set(PRODUCERS.map((producer) => producer.kind))],
    messages: {
      envVar: {
        en: 'Container "{{container}}" reads Secret "{{secret}}" into environment variable "{{variable}}"; consider a file mounted from an external store instead.',
        ja: 'コンテナ "{{container}}" は Secret "{{secret}}" を環境変数 "{{variable}}" に読み込んでいます。外部ストアからマウントしたファイルの利用を検討してください。',
      },
      envFrom: {
        en: 'Container "{{container}}" imports every key of Secret "{{secret}}" as environment variables; consider files mounted from an external store instead.',
        ja: 'コンテナ "{{container}}" は Secret "{{secret}}" のすべてのキーを環境変数として読み込んでいます。外部ストアからマウントしたファイルの利用を検討してください。',
      },
      volume: {
        en: 'Volume "{{volume}}" mounts Secret "{{secret}}"; consider serving it from an external store through the Secrets Store CSI driver.',
        ja: 'ボリューム "{{volume}}" は Secret "{{secret}}" をマウントしています。Secrets Store CSI ドライバー経由で外部ストアから提供することを検討してください。',
      },
      projected: {
        en: 'Projected volume "{{volume}}" includes Secret "{{secret}}"; consider serving it from an external store through the Secrets Store CSI driver.',
        ja: '投影ボリューム "{{volume}}" に Secret "{{secret}}" が含まれています。Secrets Store CSI ドライバー経由で外部ストアから提供することを検討してください。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    const namespace = workload.resource.ref.namespace;
    const produced = producedSecrets(context.index).filter((secret) =>
      sameNamespace(secret.namespace, namespace),
    );
    const external = (name: string): boolean => produced.some((secret) => secret.name === name);

    for (const ref of workload.containers) {
      (ref.container.env ?? []).forEach((variable, index) => {
        const secret = stringAt(variable?.valueFrom, '/secretKeyRef/name');
        if (secret !== undefined && !external(secret)) {
          context.report({
            messageId: 'envVar',
            data: { container: ref.name, secret, variable: variable?.name ?? `#${index}` },
            pointer: `${ref.pointer}/env/${index}/valueFrom/secretKeyRef`,
            container: ref.name,
          });
        }
      });
      (ref.container.envFrom ?? []).forEach((source, index) => {
        const secret = stringAt(source, '/secretRef/name');
        if (secret !== undefined && !external(secret)) {
          context.report({
            messageId: 'envFrom',
            data: { container: ref.name, secret },
            pointer: `${ref.pointer}/envFrom/${index}/secretRef`,
            container: ref.name,
          });
        }
      });
    }

    (workload.podSpec.volumes ?? []).forEach((volume, index) => {
      if (volume === undefined) {
        return;
      }
      const name = volume.name ?? `#${index}`;
      const pointer = `${workload.specPointer}/volumes/${index}`;
      const secret = stringAt(volume.secret, '/secretName');
      if (secret !== undefined && !external(secret)) {
        context.report({
          messageId: 'volume',
          data: { volume: name, secret },
          pointer: `${pointer}/secret`,
        });
      }
      const sources = valueAt(volume.projected, '/sources');
      (Array.isArray(sources) ? sources : []).forEach((source: unknown, sourceIndex) => {
        const projected = stringAt(source, '/secret/name');
        if (projected !== undefined && !external(projected)) {
          context.report({
            messageId: 'projected',
            data: { volume: name, secret: projected },
            pointer: `${pointer}/projected/sources/${sourceIndex}/secret`,
          });
        }
      });
    });
  },
});
