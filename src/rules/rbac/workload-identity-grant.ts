/*
 * Pods should not run as a service account that holds cluster-admin or another dangerous
 * permission: whoever compromises the pod, or can exec into it, holds the permission too.
 * Checked: each workload's service account (serviceAccountName, else the deprecated
 * serviceAccount, else default) against the RoleBindings and ClusterRoleBindings of the input
 * that name it as a ServiceAccount subject or as the user system:serviceaccount:<ns>:<name>.
 * The bound role is looked up in the input (aggregation expanded) and its most dangerous
 * permission named, as the binding rules do. Groups of service accounts are left to
 * rbac/default-service-account-binding. Pods that do not mount a token
 * (automountServiceAccountToken: false) are not reported.
 */
import type { Resource } from '../../core/model.js';
import { perIndex } from '../../core/resource-index.js';
import { defineWorkloadRule, type ResourceIndex } from '../../core/rule.js';
import { boundRole, roleGrant, subjectsOf } from './_bindings.js';
import { sameNamespace, sharedDirectories } from '../secrets/_objects.js';
import { describeObject } from './_rbac.js';

type MessageId = 'fullCluster' | 'fullNamespace' | 'dangerousCluster' | 'dangerousNamespace';

const BINDING_KINDS = ['ClusterRoleBinding', 'RoleBinding'];

/** How close two files are: the same file, then the number of leading directories they share. */
function closeness(a: string, b: string): number {
  return a === b ? Number.MAX_SAFE_INTEGER : sharedDirectories(a, b);
}

/**
 * The bindings of the input that name a service account. An input may hold several copies of
 * the same manifests (one per environment or cloud): of bindings with the same kind, namespace
 * and name, the one nearest to the workload's file stands for them all.
 */
function bindingsOf(
  index: ResourceIndex,
  name: string,
  namespace: string | undefined,
  file: string,
): Resource[] {
  const nearest = new Map<string, { binding: Resource; closeness: number }>();
  for (const binding of namingBindings(index, name, namespace)) {
    const key = `${binding.ref.kind}/${binding.ref.namespace ?? ''}/${binding.ref.name}`;
    const near = closeness(binding.file, file);
    const known = nearest.get(key);
    if (known === undefined || near > known.closeness) {
      nearest.set(key, { binding, closeness: near });
    }
  }
  return [...nearest.values()].map((entry) => entry.binding);
}

/** A binding that names service accounts, with its place in the index (kinds in order). */
interface Naming {
  binding: Resource;
  order: number;
  /** For ServiceAccount subjects: the namespace, if the subject or the binding has one. */
  namespace: string | undefined;
}

/** Who the bindings of one index name: built once, not once per workload. */
interface NamingIndex {
  /** ServiceAccount subjects, by account name. */
  byAccount: Map<string, Naming[]>;
  /** User subjects, by user name (`system:serviceaccount:<ns>:<name>` names an account). */
  byUser: Map<string, Naming[]>;
}

const namingIndexOf = perIndex((index): NamingIndex => {
  const byAccount = new Map<string, Naming[]>();
  const byUser = new Map<string, Naming[]>();
  const add = (map: Map<string, Naming[]>, key: string, naming: Naming): void => {
    const list = map.get(key);
    if (list === undefined) {
      map.set(key, [naming]);
    } else if (list[list.length - 1]?.binding !== naming.binding) {
      list.push(naming);
    }
  };
  let order = 0;
  for (const kind of BINDING_KINDS) {
    for (const binding of index.ofKind(kind)) {
      for (const subject of subjectsOf(binding)) {
        if (subject.kind === 'ServiceAccount') {
          add(byAccount, subject.name, {
            binding,
            order,
            namespace: subject.namespace || undefined,
          });
        } else if (subject.kind === 'User') {
          add(byUser, subject.identity, { binding, order, namespace: undefined });
        }
      }
      order++;
    }
  }
  return { byAccount, byUser };
});

/** The bindings of the input that name a service account as a subject, in index order. */
function namingBindings(
  index: ResourceIndex,
  name: string,
  namespace: string | undefined,
): Resource[] {
  const { byAccount, byUser } = namingIndexOf(index);
  const found = new Map<number, Resource>();
  for (const naming of byAccount.get(name) ?? []) {
    if (sameNamespace(naming.namespace, namespace)) {
      found.set(naming.order, naming.binding);
    }
  }
  if (namespace !== undefined) {
    for (const naming of byUser.get(`system:serviceaccount:${namespace}:${name}`) ?? []) {
      found.set(naming.order, naming.binding);
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([, binding]) => binding);
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'rbac/workload-identity-grant',
    title: {
      en: 'Workload runs as a service account with dangerous permissions',
      ja: '危険な権限を持つサービスアカウントで動くワークロード',
    },
    description: {
      en: 'The pods of this workload run as a service account that a binding in the input grants cluster-admin or another dangerous permission (impersonation, escalate or bind, token creation, nodes/proxy, admission webhooks, certificate approval, exec, reading Secrets, creating workloads). Anyone who compromises one of the pods, or who may exec into them, can use the mounted token to act with that permission: a single vulnerable container becomes a way to take over the namespace or the whole cluster.',
      ja: 'このワークロードの Pod は、入力中のバインディングが cluster-admin やその他の危険な権限（なりすまし、escalate や bind、トークン作成、nodes/proxy、アドミッション Webhook、証明書の承認、exec、Secret の読み取り、ワークロードの作成）を与えているサービスアカウントとして動きます。Pod のどれかを侵害した者や、Pod に exec できる者は、マウントされたトークンでその権限を行使できます。脆弱なコンテナ 1 つが、名前空間やクラスター全体を乗っ取る足がかりになります。',
    },
    remediation: {
      en: 'Give the workload its own service account with only the permissions it needs, preferably a Role in its namespace rather than a ClusterRole. Move administrative tasks to separate, short-lived jobs or to people, and set automountServiceAccountToken: false on pods that do not call the Kubernetes API.',
      ja: 'ワークロードには必要な権限だけを持つ専用のサービスアカウントを与え、できれば ClusterRole ではなく名前空間内の Role を使ってください。管理作業は別の短命なジョブや人の操作に移し、Kubernetes API を呼ばない Pod には automountServiceAccountToken: false を設定してください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    indexKinds: ['ClusterRoleBinding', 'RoleBinding', 'Role', 'ClusterRole'],
    messages: {
      fullCluster: {
        en: 'The pods run as {{account}}, which {{binding}} grants {{role}}: every permission across the cluster.',
        ja: 'Pod は {{account}} として動き、{{binding}} がこれに {{role}}、つまりクラスター全体でのすべての権限を与えています。',
      },
      fullNamespace: {
        en: 'The pods run as {{account}}, which {{binding}} grants {{role}}: every permission in namespace "{{namespace}}".',
        ja: 'Pod は {{account}} として動き、{{binding}} がこれに {{role}}、つまり名前空間 "{{namespace}}" でのすべての権限を与えています。',
      },
      dangerousCluster: {
        en: 'The pods run as {{account}}, which {{binding}} grants {{role}} across the cluster, including {{grant}}.',
        ja: 'Pod は {{account}} として動き、{{binding}} がこれにクラスター全体で {{role}} を与えています。これには {{grant}} が含まれます。',
      },
      dangerousNamespace: {
        en: 'The pods run as {{account}}, which {{binding}} grants {{role}} in namespace "{{namespace}}", including {{grant}}.',
        ja: 'Pod は {{account}} として動き、{{binding}} がこれに名前空間 "{{namespace}}" で {{role}} を与えています。これには {{grant}} が含まれます。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    const spec = workload.podSpec;
    if (spec.automountServiceAccountToken === false) {
      return;
    }
    const name = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
    // An empty namespace is no namespace: the object goes wherever it is applied.
    const namespace = workload.resource.ref.namespace || undefined;
    const pointer =
      spec.serviceAccountName !== undefined
        ? `${workload.specPointer}/serviceAccountName`
        : spec.serviceAccount !== undefined
          ? `${workload.specPointer}/serviceAccount`
          : workload.specPointer;
    const account =
      namespace === undefined
        ? `ServiceAccount "${name}"`
        : `ServiceAccount "${namespace}/${name}"`;
    for (const binding of bindingsOf(context.index, name, namespace, workload.resource.file)) {
      const role = boundRole(binding, context.index);
      if (role === undefined) {
        continue;
      }
      const granted = roleGrant(role, context.index);
      if (granted.state !== 'full' && granted.state !== 'risky') {
        continue;
      }
      const clusterWide = binding.object.kind === 'ClusterRoleBinding';
      const full = granted.state === 'full';
      context.report({
        messageId: full
          ? clusterWide
            ? 'fullCluster'
            : 'fullNamespace'
          : clusterWide
            ? 'dangerousCluster'
            : 'dangerousNamespace',
        data: {
          account,
          binding: describeObject(binding),
          role: role.label,
          namespace: binding.ref.namespace ?? namespace ?? 'default',
          ...(granted.state === 'risky' ? { grant: granted.grant } : {}),
        },
        pointer,
      });
    }
  },
});
