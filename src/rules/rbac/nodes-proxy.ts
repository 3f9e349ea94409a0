/*
 * Roles should not grant access to the kubelet through nodes/proxy.
 * Checked: every rule of a Role or ClusterRole that grants get, create, update, patch or delete on
 * nodes/proxy in the core API group (requests through the API server's proxy are authorized with
 * the verb of their HTTP method). Limited by resourceNames: medium.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { NODES_PROXY, probeGrantCheck, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'nodesProxy' | 'nodesProxyNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/nodes-proxy',
    title: {
      en: 'Access to the kubelet through nodes/proxy',
      ja: 'nodes/proxy による kubelet へのアクセス',
    },
    description: {
      en: 'nodes/proxy forwards requests to the kubelet API of a node. The kubelet runs commands in any container on the node, reads logs and exposes debugging handlers, and what is done through it escapes admission control and most of the audit trail. Even get is enough: a GET upgraded to a WebSocket reaches the kubelet exec endpoint.',
      ja: 'nodes/proxy はノードの kubelet API へリクエストを転送します。kubelet はノード上の任意のコンテナでのコマンド実行、ログの読み取り、デバッグ用ハンドラーを提供しており、これを経由した操作はアドミッション制御や監査記録のほとんどを迂回します。get だけでも十分で、WebSocket にアップグレードされた GET で kubelet の exec エンドポイントに到達できます。',
    },
    remediation: {
      en: 'Remove nodes/proxy from the role. Monitoring agents should read nodes/metrics, nodes/stats or the metrics endpoints they need instead, which do not allow running commands.',
      ja: 'ロールから nodes/proxy を削除してください。監視エージェントには、コマンド実行を許さない nodes/metrics、nodes/stats や必要なメトリクスエンドポイントの読み取りを代わりに付与してください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes',
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      nodesProxy: {
        en: 'Rule {{rule}} of {{role}} allows requests to the kubelet API of every node ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がすべてのノードの kubelet API へのリクエストを許可しています（{{permissions}}）。',
      },
      nodesProxyNamed: {
        en: 'Rule {{rule}} of {{role}} allows requests to the kubelet API of the nodes {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がノード {{names}} の kubelet API へのリクエストを許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { nodesProxyNamed: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(NODES_PROXY, 'nodesProxy', 'nodesProxyNamed'),
});
