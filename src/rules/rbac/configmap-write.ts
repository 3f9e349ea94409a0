/*
 * Roles should not let their subjects change the ConfigMaps that steer the cluster.
 * Checked: every rule of a Role in kube-system or of a ClusterRole that grants create, update,
 * patch or delete on configmaps (core API group). Roles in other namespaces cannot reach
 * kube-system and pass.
 * - Role in kube-system, any ConfigMap: high.
 * - ClusterRole, any ConfigMap: medium, since it reaches kube-system only when bound with a
 *   ClusterRoleBinding or a RoleBinding in kube-system, which this rule does not follow.
 * - Limited by resourceNames: reported (high) only when a name is one of SENSITIVE_CONFIGMAPS;
 *   other named ConfigMaps (leader-election locks, an add-on's own settings) pass.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { CONFIGMAP_WRITE, probeGrants, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'kubeSystem' | 'clusterWide' | 'sensitiveNamed';

interface Options {
  includeSystemRoles: boolean;
}

/** kube-system ConfigMaps that decide who may log in, how names resolve, or how nodes run. */
export const SENSITIVE_CONFIGMAPS: ReadonlySet<string> = new Set([
  'aws-auth',
  'amazon-vpc-cni',
  'coredns',
  'coredns-custom',
  'extension-apiserver-authentication',
  'kube-dns',
  'kube-proxy',
  'kubeadm-config',
  'kubelet-config',
]);

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/configmap-write',
    title: {
      en: 'Permission to change ConfigMaps in kube-system',
      ja: 'kube-system の ConfigMap の変更権限',
    },
    description: {
      en: "Some ConfigMaps in kube-system are security settings in disguise: aws-auth maps AWS identities to Kubernetes users and groups on EKS (system:masters included), coredns decides where every name in the cluster resolves, and kube-proxy and kubelet-config shape how nodes behave. Whoever can write them can make themselves cluster administrator, send other workloads' traffic to a host of their choice, or lock everyone out by deleting them.",
      ja: 'kube-system の一部の ConfigMap は実質的にセキュリティ設定です。EKS の aws-auth は AWS の ID を Kubernetes のユーザーとグループ（system:masters を含む）に対応付け、coredns はクラスター内のすべての名前の解決先を決め、kube-proxy や kubelet-config はノードの動作を左右します。これらに書き込める者は、自分をクラスター管理者にしたり、他のワークロードの通信を任意のホストへ向けたり、削除して全員を締め出したりできます。',
    },
    remediation: {
      en: 'Remove create, update, patch and delete on configmaps from roles that reach kube-system. Grant write access only with resourceNames, to the ConfigMaps a controller owns (for example its leader-election lock), and manage aws-auth, CoreDNS and node settings through the cluster administrators or EKS access entries.',
      ja: 'kube-system に届くロールから、configmaps への create、update、patch、delete を削除してください。書き込みは resourceNames でコントローラー自身が所有する ConfigMap（リーダー選出のロックなど）に限定し、aws-auth、CoreDNS、ノードの設定はクラスター管理者または EKS のアクセスエントリーで管理してください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html',
      'https://kubernetes.io/docs/tasks/administer-cluster/dns-custom-nameservers/',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      kubeSystem: {
        en: 'Rule {{rule}} of {{role}} allows changing any ConfigMap in kube-system, aws-auth and coredns included ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、aws-auth や coredns を含む kube-system の任意の ConfigMap の変更を許可しています（{{permissions}}）。',
      },
      clusterWide: {
        en: 'Rule {{rule}} of {{role}} allows changing any ConfigMap ({{permissions}}); bound cluster-wide or in kube-system, that includes aws-auth and coredns.',
        ja: '{{role}} のルール {{rule}} が、任意の ConfigMap の変更を許可しています（{{permissions}}）。クラスター全体または kube-system でバインドされると、aws-auth や coredns も含まれます。',
      },
      sensitiveNamed: {
        en: 'Rule {{rule}} of {{role}} allows changing the cluster ConfigMaps {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、クラスターの ConfigMap {{names}} の変更を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { clusterWide: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check(resource, context) {
    const { kind, namespace } = resource.ref;
    if (kind !== 'ClusterRole' && namespace !== 'kube-system') {
      return;
    }
    for (const { rule, matched, data, pointer } of probeGrants(
      resource,
      CONFIGMAP_WRITE,
      context.options.includeSystemRoles,
    )) {
      if (!matched.named) {
        context.report({
          messageId: kind === 'ClusterRole' ? 'clusterWide' : 'kubeSystem',
          data,
          pointer,
        });
        continue;
      }
      const sensitive = rule.resourceNames.filter((name) => SENSITIVE_CONFIGMAPS.has(name));
      if (sensitive.length > 0) {
        context.report({
          messageId: 'sensitiveNamed',
          data: { ...data, names: sensitive.map((name) => `"${name}"`).join(', ') },
          pointer: `${pointer}/resourceNames`,
        });
      }
    }
  },
});
