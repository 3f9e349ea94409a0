/*
 * Namespaces declared in the input should come with a ResourceQuota and a LimitRange.
 * Checked: Namespace objects of the input, against the ResourceQuotas and LimitRanges of the input
 * in that namespace, and those without a namespace in the Namespace's directory (a deploy tool
 * such as Kustomize puts them in the namespace it declares). Namespaces in the ignoreNamespaces
 * option are skipped.
 * Off by default: quotas are often kept apart from the manifests that declare namespaces (in a
 * platform repository), and `mamori cluster` does not read ResourceQuotas and LimitRanges, so
 * either view may lack them. Turn it on where a scan sees namespaces together with their quotas.
 */
import type { Resource } from '../../core/model.js';
import { defineResourceRule } from '../../core/rule.js';
import { directoryOf } from '../secrets/_objects.js';

type MessageId = 'neither' | 'noQuota' | 'noLimitRange';

interface Options {
  /** Namespaces that are never reported. */
  ignoreNamespaces: string[];
}

/** Whether an object of the input applies to the namespace declared by `namespace`. */
function appliesTo(object: Resource, namespace: Resource): boolean {
  const own = object.ref.namespace;
  return own === undefined || own === ''
    ? directoryOf(object.file) === directoryOf(namespace.file)
    : own === namespace.ref.name;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Namespace'],
  meta: {
    id: 'workload/namespace-quota',
    title: {
      en: 'Namespace without ResourceQuota or LimitRange',
      ja: 'ResourceQuota または LimitRange のない名前空間',
    },
    description: {
      en: 'A ResourceQuota caps what a namespace may consume in total (CPU, memory, storage, object counts) and a LimitRange gives every container default and maximum requests and limits. Without them, one compromised or faulty workload, or one tenant, can exhaust the nodes or the API server and take down everything that shares the cluster, and containers that declare no resources run unbounded.',
      ja: 'ResourceQuota は名前空間全体で消費できる量（CPU、メモリ、ストレージ、オブジェクト数）に上限を設け、LimitRange はすべてのコンテナにリクエストとリミットのデフォルト値と上限を与えます。これらがないと、侵害されたり不具合のあったりする 1 つのワークロードや 1 つのテナントがノードや API サーバーを使い果たし、クラスターを共有するすべてを停止させることができ、リソースを宣言しないコンテナは無制限に動作します。',
    },
    remediation: {
      en: 'Add a ResourceQuota to the namespace with limits on requests.cpu, requests.memory, limits.memory, storage and object counts that fit its workloads, and a LimitRange with default requests and limits for containers. Create them together with the Namespace, for example in the same Kustomize base or namespace template.',
      ja: '名前空間に、ワークロードに見合った requests.cpu、requests.memory、limits.memory、ストレージ、オブジェクト数の上限を持つ ResourceQuota と、コンテナのリクエストとリミットのデフォルト値を持つ LimitRange を追加してください。Kustomize のベースや名前空間のテンプレートなどで、Namespace と一緒に作成してください。',
    },
    severity: 'low',
    category: 'workload',
    references: [
      'https://kubernetes.io/docs/concepts/policy/resource-quotas/',
      'https://kubernetes.io/docs/concepts/policy/limit-range/',
    ],
    standards: [{ framework: 'nsa', control: 'resource-policies' }],
    indexKinds: ['ResourceQuota', 'LimitRange'],
    disabledByDefault: true,
    messages: {
      neither: {
        en: 'Namespace "{{namespace}}" has neither a ResourceQuota nor a LimitRange in the input.',
        ja: '名前空間 "{{namespace}}" には、入力に ResourceQuota も LimitRange もありません。',
      },
      noQuota: {
        en: 'Namespace "{{namespace}}" has a LimitRange but no ResourceQuota in the input.',
        ja: '名前空間 "{{namespace}}" には、入力に LimitRange はありますが ResourceQuota がありません。',
      },
      noLimitRange: {
        en: 'Namespace "{{namespace}}" has a ResourceQuota but no LimitRange in the input.',
        ja: '名前空間 "{{namespace}}" には、入力に ResourceQuota はありますが LimitRange がありません。',
      },
    },
    defaultOptions: { ignoreNamespaces: ['kube-system', 'kube-public', 'kube-node-lease'] },
    validateOptions(options) {
      const value = options.ignoreNamespaces;
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? []
        : ['ignoreNamespaces must be a list of namespace names'];
    },
  },
  check(resource, context) {
    const namespace = resource.ref.name;
    if (namespace === '' || context.options.ignoreNamespaces.includes(namespace)) {
      return;
    }
    const quota = context.index.ofKind('ResourceQuota').some((item) => appliesTo(item, resource));
    const limits = context.index.ofKind('LimitRange').some((item) => appliesTo(item, resource));
    if (quota && limits) {
      return;
    }
    context.report({
      messageId: quota ? 'noLimitRange' : limits ? 'noQuota' : 'neither',
      data: { namespace },
      pointer: '/metadata/name',
    });
  },
});
