/*
 * On AKS, the Container Insights agent reads every container's environment (from
 * /proc/<pid>/environ, so values taken from Secrets too) and ships it to Log Analytics, unless
 * the container sets AZMON_COLLECT_ENV=false or the agent's ConfigMap turns collection off.
 * Applies when the option platform is aks, or (platform: auto) when the input looks like AKS:
 * a label, annotation or node selector key under kubernetes.azure.com/ or
 * azure.workload.identity/, an annotation under service.beta.kubernetes.io/azure-, or the agent's
 * ConfigMap kube-system/container-azm-ms-agentconfig.
 * Checked: the env and envFrom of every container; reported when one holds a credential-like
 * literal (as secrets/env-literal judges it), a valueFrom.secretKeyRef or an envFrom secretRef,
 * and the container does not set AZMON_COLLECT_ENV to false.
 * Passing: the agent ConfigMap sets [log_collection_settings.env_var] enabled = false.
 */
import type { Resource } from '../../core/model.js';
import { perIndex } from '../../core/resource-index.js';
import { defineWorkloadRule } from '../../core/rule.js';
import { valueAt, type Workload } from '../../core/workload.js';
import { classifyLiteral } from './_detect.js';
import { isRecord, stringAt } from './_objects.js';

type MessageId = 'collected';

interface Options {
  /** `aks` applies the rule to everything; `auto` only when the input looks like AKS. */
  platform: 'auto' | 'aks';
}

const PLATFORMS = ['auto', 'aks'];
const AGENT_CONFIG = 'container-azm-ms-agentconfig';
const SETTINGS_KEY = 'log-data-collection-settings';
/** How many variables a message names before it counts the rest. */
const LISTED = 5;

function isAzureKey(key: string): boolean {
  return (
    key.startsWith('kubernetes.azure.com/') ||
    key.startsWith('azure.workload.identity/') ||
    key.startsWith('service.beta.kubernetes.io/azure-')
  );
}

/** Whether metadata and node selectors under the given pointers carry Azure keys. */
function hasAzureKeys(object: unknown, pointers: readonly string[]): boolean {
  return pointers.some((pointer) => {
    const map = valueAt(object, pointer);
    return (
      isRecord(map) &&
      Object.keys(map).some((key) => isAzureKey(key) && typeof map[key] === 'string')
    );
  });
}

function isAgentConfig(resource: Resource): boolean {
  return (
    resource.object.kind === 'ConfigMap' &&
    resource.ref.name === AGENT_CONFIG &&
    (resource.ref.namespace === undefined || resource.ref.namespace === 'kube-system')
  );
}

/** Pointers of the metadata maps and node selector of an object (and its pod template). */
function markerPointers(templatePointer: string | undefined): string[] {
  const pointers = ['/metadata/labels', '/metadata/annotations'];
  if (templatePointer !== undefined) {
    pointers.push(
      `${templatePointer}/metadata/labels`,
      `${templatePointer}/metadata/annotations`,
      `${templatePointer}/spec/nodeSelector`,
    );
  }
  return pointers;
}

/**
 * Whether `[log_collection_settings.env_var]` says `enabled = false` in the agent's TOML
 * settings. A small reader: section headers, key = value lines and # comments.
 */
export function envCollectionDisabled(settings: string): boolean {
  let section = '';
  for (const raw of settings.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header !== null) {
      section = header[1] ?? '';
      continue;
    }
    const setting = /^enabled\s*=\s*(\S+)$/i.exec(line);
    if (section === 'log_collection_settings.env_var' && setting !== null) {
      return setting[1]?.toLowerCase() === 'false';
    }
  }
  return false;
}

interface Cluster {
  looksLikeAks: boolean;
  collectionDisabled: boolean;
}

/** What the whole input says about the cluster, once per index. */
const clusterOf = perIndex((index): Cluster => {
  const cluster: Cluster = { looksLikeAks: false, collectionDisabled: false };
  for (const resource of index.all) {
    if (isAgentConfig(resource)) {
      cluster.looksLikeAks = true;
      const settings = stringAt(resource.object, `/data/${SETTINGS_KEY}`);
      cluster.collectionDisabled ||= settings !== undefined && envCollectionDisabled(settings);
    } else if (hasAzureKeys(resource.object, markerPointers(undefined))) {
      cluster.looksLikeAks = true;
    }
  }
  // Workloads also carry markers in their pod templates.
  cluster.looksLikeAks ||= index.workloads.some(workloadLooksLikeAks);
  return cluster;
});

function workloadLooksLikeAks(workload: Workload): boolean {
  return hasAzureKeys(workload.resource.object, markerPointers(workload.templatePointer));
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'secrets/aks-env-collection',
    title: {
      en: 'Secret environment variables collected by Container Insights',
      ja: 'Container Insights に収集されるシークレットの環境変数',
    },
    description: {
      en: "On AKS, the Container Insights agent collects the environment variables of every container, including values taken from Secrets, and stores them in the Log Analytics workspace, where everyone with read access to the workspace can see them. A container opts out with the environment variable AZMON_COLLECT_ENV=false; the agent's ConfigMap can turn collection off for the whole cluster.",
      ja: 'AKS では、Container Insights のエージェントがすべてのコンテナの環境変数を Secret から取得した値も含めて収集し、Log Analytics ワークスペースに保存します。ワークスペースの読み取り権限を持つ人は誰でもその値を参照できます。コンテナは環境変数 AZMON_COLLECT_ENV=false で収集を拒否でき、エージェントの ConfigMap でクラスター全体の収集を止めることもできます。',
    },
    remediation: {
      en: 'Add AZMON_COLLECT_ENV with the value "false" to the env of containers that hold credentials, or set [log_collection_settings.env_var] enabled = false in the ConfigMap kube-system/container-azm-ms-agentconfig. Better still, mount credentials as files instead of environment variables.',
      ja: '認証情報を持つコンテナの env に値 "false" の AZMON_COLLECT_ENV を追加するか、ConfigMap kube-system/container-azm-ms-agentconfig で [log_collection_settings.env_var] enabled = false を設定してください。認証情報は環境変数ではなくファイルとしてマウントするのがより確実です。',
    },
    severity: 'info',
    category: 'secrets',
    references: [
      'https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-data-collection-configmap',
      'https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-manage-agent',
    ],
    standards: [{ framework: 'nsa', control: 'secrets' }],
    indexKinds: ['ConfigMap', 'Namespace', 'Node', 'Service', 'ServiceAccount'],
    indexWorkloads: true,
    // Only the agent's ConfigMap and objects with Azure markers tell anything about the cluster.
    indexFilter: (resource, workload) =>
      isAgentConfig(resource) ||
      hasAzureKeys(resource.object, markerPointers(workload?.templatePointer)),
    messages: {
      collected: {
        en: 'Container "{{container}}" holds secret environment variables ({{variables}}) that the AKS Container Insights agent collects; set AZMON_COLLECT_ENV to "false".',
        ja: 'コンテナ "{{container}}" は、AKS の Container Insights エージェントに収集されるシークレットの環境変数 ({{variables}}) を持っています。AZMON_COLLECT_ENV を "false" に設定してください。',
      },
    },
    defaultOptions: { platform: 'auto' },
    validateOptions(options) {
      return PLATFORMS.includes(options.platform as string)
        ? []
        : [`platform must be one of: ${PLATFORMS.join(', ')}`];
    },
  },
  check(workload, context) {
    const cluster = clusterOf(context.index);
    if (cluster.collectionDisabled) {
      return;
    }
    if (
      context.options.platform !== 'aks' &&
      !cluster.looksLikeAks &&
      !workloadLooksLikeAks(workload)
    ) {
      return;
    }
    for (const ref of workload.containers) {
      const env = ref.container.env ?? [];
      const optedOut = env.some(
        (variable) =>
          variable?.name === 'AZMON_COLLECT_ENV' &&
          variable.value?.trim().toLowerCase() === 'false',
      );
      if (optedOut) {
        continue;
      }
      const exposed: string[] = [];
      let pointer: string | undefined;
      env.forEach((variable, index) => {
        if (variable === undefined) {
          return;
        }
        const name = variable.name ?? `#${index}`;
        const fromSecret = stringAt(variable.valueFrom, '/secretKeyRef/name') !== undefined;
        const literal =
          variable.value !== undefined && classifyLiteral(name, variable.value) !== undefined;
        if (fromSecret || literal) {
          exposed.push(`"${name}"`);
          pointer ??= `${ref.pointer}/env/${index}`;
        }
      });
      (ref.container.envFrom ?? []).forEach((source, index) => {
        const secret = stringAt(source, '/secretRef/name');
        if (secret !== undefined) {
          exposed.push(`envFrom secretRef "${secret}"`);
          pointer ??= `${ref.pointer}/envFrom/${index}`;
        }
      });
      if (pointer === undefined) {
        continue;
      }
      const listed = exposed.slice(0, LISTED).join(', ');
      context.report({
        messageId: 'collected',
        data: {
          container: ref.name,
          variables: exposed.length > LISTED ? `${listed} (+${exposed.length - LISTED})` : listed,
        },
        pointer,
        container: ref.name,
      });
    }
  },
});
