/*
 * Roles should not let their subjects run commands in, attach to, debug or port-forward into pods.
 * Checked: every rule of a Role or ClusterRole that grants create or get on pods/exec, pods/attach
 * or pods/portforward, or update or patch on pods/ephemeralcontainers, in the core API group.
 * Exec, attach and ephemeral containers are high (medium when limited by resourceNames); port
 * forwarding alone is medium (low when limited). One finding per rule, naming everything it grants.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import {
  describeObject,
  formatNames,
  formatProbes,
  inspectedRules,
  isFullWildcard,
  matchProbes,
  POD_EXEC,
  POD_PORT_FORWARD,
  validateIncludeSystemRoles,
} from './_rbac.js';

type MessageId = 'exec' | 'execNamed' | 'portForward' | 'portForwardNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/pod-exec',
    title: {
      en: 'Exec, attach or port-forward into pods',
      ja: 'Pod への exec、attach、port-forward',
    },
    description: {
      en: 'pods/exec, pods/attach and ephemeral containers (kubectl debug) give a shell inside running containers, with their files, mounted Secrets, service account token and network identity; pods/portforward reaches ports that network policies and Services were meant to protect. None of this is recorded beyond the API request itself.',
      ja: 'pods/exec、pods/attach、エフェメラルコンテナ（kubectl debug）は実行中のコンテナ内でシェルを与え、そのファイル、マウントされた Secret、サービスアカウントのトークン、ネットワーク上の身元まで利用できるようにします。pods/portforward は NetworkPolicy や Service で守るはずだったポートに到達できます。API リクエスト以外の記録は残りません。',
    },
    remediation: {
      en: 'Remove these subresources from roles used by workloads and by everyday user accounts. Grant them, in a Role limited to one namespace, only to a break-glass or on-call group, and prefer logs, metrics and kubectl debug with a separate, audited role for troubleshooting.',
      ja: 'ワークロードや日常的に使うユーザーアカウントのロールからこれらのサブリソースを削除してください。必要な場合は、1 つの名前空間に限定した Role で、緊急対応用やオンコール用のグループにだけ付与してください。調査にはログやメトリクスを使い、kubectl debug は監査される別のロールで行うことを推奨します。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      exec: {
        en: 'Rule {{rule}} of {{role}} allows running commands inside containers ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} がコンテナ内でのコマンド実行を許可しています（{{permissions}}）。',
      },
      execNamed: {
        en: 'Rule {{rule}} of {{role}} allows running commands inside the pods {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が Pod {{names}} 内でのコマンド実行を許可しています（{{permissions}}）。',
      },
      portForward: {
        en: 'Rule {{rule}} of {{role}} allows port-forwarding into pods ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が Pod へのポートフォワードを許可しています（{{permissions}}）。',
      },
      portForwardNamed: {
        en: 'Rule {{rule}} of {{role}} allows port-forwarding into the pods {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が Pod {{names}} へのポートフォワードを許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { execNamed: 'medium', portForward: 'medium', portForwardNamed: 'low' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check(resource, context) {
    for (const rule of inspectedRules(resource, context.options.includeSystemRoles)) {
      if (isFullWildcard(rule)) {
        continue;
      }
      const exec = matchProbes(rule, POD_EXEC);
      const forward = matchProbes(rule, POD_PORT_FORWARD);
      const matched = exec ?? forward;
      if (matched === undefined) {
        continue;
      }
      const named = matched.named;
      const messageId: MessageId =
        exec !== undefined
          ? named
            ? 'execNamed'
            : 'exec'
          : named
            ? 'portForwardNamed'
            : 'portForward';
      context.report({
        messageId,
        data: {
          role: describeObject(resource),
          rule: rule.index,
          permissions: formatProbes([...(exec?.probes ?? []), ...(forward?.probes ?? [])]),
          ...(named ? { names: formatNames(rule) } : {}),
        },
        pointer: `/rules/${rule.index}`,
      });
    }
  },
});
