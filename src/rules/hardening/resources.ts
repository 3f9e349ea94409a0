/*
 * Containers should declare what they need and cap their memory.
 * Checked fields: resources.requests.cpu, resources.requests.memory, resources.limits.memory and,
 * with the requireCpuLimit option, resources.limits.cpu of init and regular containers.
 * Ephemeral containers are exempt: the API does not let them set resources.
 * A limit without a request also satisfies the request (the API server copies the limit into
 * the request), and pod-level resources (spec.resources) cover every container.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { valueAt, type ContainerRef } from '../../core/workload.js';

type MessageId =
  'missingCpuRequest' | 'missingMemoryRequest' | 'missingMemoryLimit' | 'missingCpuLimit';

interface Options {
  /** Also require a CPU limit (off by default: CPU limits throttle without protecting others). */
  requireCpuLimit: boolean;
}

type Section = 'requests' | 'limits';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `resources[section][name]` holds a value. */
function declares(resources: unknown, section: Section, name: string): boolean {
  if (!isRecord(resources)) {
    return false;
  }
  const values = resources[section];
  return isRecord(values) && values[name] !== undefined && values[name] !== null;
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'hardening/resources',
    title: {
      en: 'Resource requests or limits missing',
      ja: 'リソースの要求値または制限値が未設定',
    },
    description: {
      en: 'Containers share their node. Without requests the scheduler cannot place a pod sensibly and the pod is the first to be evicted under pressure; without a memory limit one leaking or compromised container can exhaust the node and take its neighbours down. CPU limits are optional by default: CPU is throttled, not exhausted, and limits often hurt latency more than they protect.',
      ja: 'コンテナはノードを共有しています。要求値 (requests) がないとスケジューラーは Pod を適切に配置できず、リソース逼迫時には真っ先に退避されます。メモリ制限値がないと、メモリリークや侵害されたコンテナ 1 つがノードのメモリを使い果たし、同じノードの他のワークロードを巻き込みます。CPU は枯渇ではなくスロットリングされるだけで、制限値は保護よりもレイテンシ悪化の原因になりがちなため、CPU 制限値は既定では任意です。',
    },
    remediation: {
      en: 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory on every container from observed usage (or set them once at pod level in spec.resources). Enable requireCpuLimit if your policy also demands CPU limits.',
      ja: '実測した使用量をもとに、すべてのコンテナで resources.requests.cpu、resources.requests.memory、resources.limits.memory を設定してください（Pod レベルの spec.resources でまとめて指定することもできます）。CPU 制限値も必須とする方針であれば requireCpuLimit を有効にしてください。',
    },
    severity: 'medium',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/',
    ],
    standards: [
      { framework: 'hardening', control: 'resources' },
      { framework: 'nsa', control: 'resource-policies' },
    ],
    messages: {
      missingCpuRequest: {
        en: 'Container "{{container}}" sets no CPU request (resources.requests.cpu).',
        ja: 'コンテナ "{{container}}" に CPU の要求値 (resources.requests.cpu) がありません。',
      },
      missingMemoryRequest: {
        en: 'Container "{{container}}" sets no memory request (resources.requests.memory).',
        ja: 'コンテナ "{{container}}" にメモリの要求値 (resources.requests.memory) がありません。',
      },
      missingMemoryLimit: {
        en: 'Container "{{container}}" sets no memory limit (resources.limits.memory), so it can use up the memory of its node.',
        ja: 'コンテナ "{{container}}" にメモリの制限値 (resources.limits.memory) がないため、ノードのメモリを使い果たすおそれがあります。',
      },
      missingCpuLimit: {
        en: 'Container "{{container}}" sets no CPU limit (resources.limits.cpu).',
        ja: 'コンテナ "{{container}}" に CPU の制限値 (resources.limits.cpu) がありません。',
      },
    },
    messageSeverities: {
      missingCpuRequest: 'low',
      missingMemoryRequest: 'low',
      missingCpuLimit: 'low',
    },
    defaultOptions: { requireCpuLimit: false },
    validateOptions(options) {
      return typeof options.requireCpuLimit === 'boolean'
        ? []
        : ['requireCpuLimit must be true or false'];
    },
  },
  check(workload, context) {
    const podResources = valueAt(workload.resource.object, `${workload.specPointer}/resources`);
    const satisfied = (ref: ContainerRef, section: Section, name: string): boolean =>
      declares(ref.container.resources, section, name) ||
      declares(podResources, section, name) ||
      // The API server defaults a missing request to the limit.
      (section === 'requests' &&
        (declares(ref.container.resources, 'limits', name) ||
          declares(podResources, 'limits', name)));
    const wanted: [MessageId, Section, string][] = [
      ['missingCpuRequest', 'requests', 'cpu'],
      ['missingMemoryRequest', 'requests', 'memory'],
      ['missingMemoryLimit', 'limits', 'memory'],
    ];
    if (context.options.requireCpuLimit) {
      wanted.push(['missingCpuLimit', 'limits', 'cpu']);
    }
    for (const ref of workload.containers) {
      if (ref.type === 'ephemeralContainers') {
        continue;
      }
      for (const [messageId, section, name] of wanted) {
        if (!satisfied(ref, section, name)) {
          context.report({
            messageId,
            data: { container: ref.name },
            // The missing field itself: located at its nearest existing parent, and distinct
            // per finding so that fingerprints differ.
            pointer: `${ref.pointer}/resources/${section}/${name}`,
            container: ref.name,
          });
        }
      }
    }
  },
});
