/*
 * One cloud identity per application: a role shared by unrelated workloads gives each of them the
 * permissions of all the others.
 * Checked: the IRSA, Azure Workload Identity and GKE Workload Identity annotations of every
 * ServiceAccount in the input, compared with each other.
 * Reported: a ServiceAccount whose identity another ServiceAccount of an unrelated workload also
 * names. Two ServiceAccounts are unrelated when they are in different namespaces, or when both
 * carry application labels (app.kubernetes.io/name, /instance, /part-of, app, k8s-app, on the
 * ServiceAccount or on the pod templates that use it) and share no value. Also reported: a cloud
 * identity on a namespace's `default` ServiceAccount, which every pod that names no account gets.
 */
import type { Resource } from '../../core/model.js';
import { perIndex } from '../../core/resource-index.js';
import { defineResourceRule } from '../../core/rule.js';
import { identitiesOf, qualifiedName, type CloudIdentity } from './_identity.js';
import { indexedWorkload, sameNamespace, stringMapAt } from './_objects.js';

type MessageId = 'shared' | 'defaultAccount';

/** Labels that name the application an object belongs to. */
const APPLICATION_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/part-of',
  'app',
  'k8s-app',
];

/** How many other accounts a message names before it counts the rest. */
const LISTED = 3;

interface Account {
  resource: Resource;
  identities: CloudIdentity[];
  /** Application label values of the account and of the workloads that use it. */
  applications: Set<string>;
}

function applicationsOf(labels: Readonly<Record<string, string>>, into: Set<string>): void {
  for (const key of APPLICATION_LABELS) {
    const value = labels[key]?.trim() ?? '';
    if (value !== '') {
      into.add(value);
    }
  }
}

/** The input's ServiceAccounts with identities, once per index. */
const accountsOf = perIndex((index): Account[] => {
  const accounts = index
    .ofKind('ServiceAccount')
    .map((resource) => ({
      resource,
      identities: identitiesOf(resource),
      applications: new Set<string>(),
    }))
    .filter((account) => account.identities.length > 0);
  for (const account of accounts) {
    applicationsOf(stringMapAt(account.resource.object, '/metadata/labels'), account.applications);
  }
  for (const workload of index.workloads) {
    const read = indexedWorkload(workload);
    for (const account of accounts) {
      if (
        account.resource.ref.name === read.serviceAccount &&
        sameNamespace(account.resource.ref.namespace, workload.resource.ref.namespace)
      ) {
        // Labels are merged only for workloads whose account has an identity.
        applicationsOf(read.labels, account.applications);
      }
    }
  }
  return accounts;
});

function sameAccount(a: Resource, b: Resource): boolean {
  return a.ref.name === b.ref.name && a.ref.namespace === b.ref.namespace;
}

/** Whether two accounts evidently serve different workloads. */
function unrelated(a: Account, b: Account): boolean {
  const [first, second] = [a.resource.ref.namespace, b.resource.ref.namespace];
  if (first !== undefined && second !== undefined && first !== second) {
    return true;
  }
  if (a.applications.size === 0 || b.applications.size === 0) {
    return false;
  }
  return ![...a.applications].some((application) => b.applications.has(application));
}

export default defineResourceRule<MessageId>({
  meta: {
    id: 'secrets/shared-cloud-identity',
    title: {
      en: 'Cloud identity shared by unrelated workloads',
      ja: '無関係なワークロード間で共有されたクラウド ID',
    },
    description: {
      en: 'When ServiceAccounts of different applications or namespaces name the same IAM role, Azure identity or Google service account, each workload can do everything any of them needs, and a compromise of the least trusted one reaches the cloud resources of all. The same holds for an identity on the default ServiceAccount, which every pod in the namespace that names no account receives.',
      ja: '異なるアプリケーションや名前空間の ServiceAccount が同じ IAM ロール、Azure の ID、Google のサービスアカウントを指定していると、各ワークロードはそのいずれかが必要とする操作をすべて行えるようになり、最も保護の弱いワークロードが 1 つ侵害されるだけで、すべてのワークロードのクラウドリソースに到達されてしまいます。default の ServiceAccount に設定された ID も同様で、アカウントを指定しない名前空間内のすべての Pod がその ID を受け取ります。',
    },
    remediation: {
      en: "Give each application its own ServiceAccount and its own cloud identity with only the permissions it needs, and leave the default ServiceAccount without one. For IRSA, scope each role's trust policy to one namespace and ServiceAccount.",
      ja: 'アプリケーションごとに専用の ServiceAccount と、必要な権限だけを持つ専用のクラウド ID を用意し、default の ServiceAccount には ID を設定しないでください。IRSA では、各ロールの信頼ポリシーを 1 つの名前空間と ServiceAccount に限定してください。',
    },
    severity: 'medium',
    category: 'secrets',
    references: [
      'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html',
      'https://learn.microsoft.com/azure/aks/workload-identity-overview',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    indexKinds: ['ServiceAccount'],
    indexWorkloads: true,
    messages: {
      shared: {
        en: 'Service account "{{account}}" shares cloud identity "{{identity}}" ({{annotation}}) with unrelated service accounts: {{others}}.',
        ja: 'サービスアカウント "{{account}}" は、クラウド ID "{{identity}}" ({{annotation}}) を無関係なサービスアカウント {{others}} と共有しています。',
      },
      defaultAccount: {
        en: 'The default service account "{{account}}" carries cloud identity "{{identity}}" ({{annotation}}), so every pod in its namespace that names no service account gets it.',
        ja: 'default のサービスアカウント "{{account}}" にクラウド ID "{{identity}}" ({{annotation}}) が設定されているため、サービスアカウントを指定しない同じ名前空間のすべての Pod がこの ID を受け取ります。',
      },
    },
    defaultOptions: {},
  },
  kinds: ['ServiceAccount'],
  check(resource, context) {
    const accounts = accountsOf(context.index);
    // The very object (the index holds the resources the engine checks).
    const self = accounts.find((account) => account.resource === resource);
    if (self === undefined) {
      return;
    }
    for (const identity of self.identities) {
      const data = {
        account: qualifiedName(resource),
        identity: identity.value,
        annotation: identity.annotation,
      };
      if (resource.ref.name === 'default') {
        context.report({ messageId: 'defaultAccount', data, pointer: identity.pointer });
      }
      const others = accounts
        .filter(
          (other) =>
            !sameAccount(other.resource, resource) &&
            other.identities.some((candidate) => candidate.key === identity.key) &&
            unrelated(self, other),
        )
        .map((other) => `"${qualifiedName(other.resource)}"`);
      const unique = [...new Set(others)].sort();
      if (unique.length > 0) {
        const listed = unique.slice(0, LISTED).join(', ');
        context.report({
          messageId: 'shared',
          data: {
            ...data,
            others: unique.length > LISTED ? `${listed} (+${unique.length - LISTED})` : listed,
          },
          pointer: identity.pointer,
        });
      }
    }
  },
});
