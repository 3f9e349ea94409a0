/*
 * Roles should not let their subjects change admission control.
 * Checked: every rule of a Role or ClusterRole that grants create, update, patch, delete or
 * deletecollection on mutating or validating webhook configurations, or on (mutating or
 * validating) admission policies and their bindings (admissionregistration.k8s.io). Limited by
 * resourceNames to particular objects: medium.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { ADMISSION_CONFIG, probeGrantCheck, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'admissionConfig' | 'admissionConfigNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/admission-config',
    title: {
      en: 'Permission to change admission webhooks or policies',
      ja: 'アドミッション Webhook やポリシーの変更権限',
    },
    description: {
      en: 'Admission webhooks and admission policies see or decide on every API request they match. Whoever can write a mutating webhook configuration can have every new pod sent to a server of their choosing and rewritten, for example to add a privileged container; whoever can change or delete validating webhooks and policies can switch off the checks that keep such pods out. Either is a path to control of the whole cluster.',
      ja: 'アドミッション Webhook とアドミッションポリシーは、対象となるすべての API リクエストを参照し、その可否を決めます。Mutating Webhook の設定を書き込める者は、新しく作られるすべての Pod を自分の選んだサーバーに送って書き換えさせ、たとえば特権コンテナを追加できます。Validating Webhook やポリシーを変更・削除できる者は、そのような Pod を防ぐチェックを無効にできます。どちらもクラスター全体の掌握につながります。',
    },
    remediation: {
      en: 'Remove write access to webhook configurations and admission policies from the role. Only cluster administrators and the controllers that install their own webhooks need it, and the latter should be limited with resourceNames to the configurations they own.',
      ja: 'ロールから Webhook の設定とアドミッションポリシーへの書き込み権限を削除してください。必要なのはクラスター管理者と自身の Webhook を登録するコントローラーだけで、後者は resourceNames で自身の設定に限定してください。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks',
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      admissionConfig: {
        en: 'Rule {{rule}} of {{role}} allows changing admission control for the whole cluster ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、クラスター全体のアドミッション制御の変更を許可しています（{{permissions}}）。',
      },
      admissionConfigNamed: {
        en: 'Rule {{rule}} of {{role}} allows changing the admission configurations {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、アドミッションの設定 {{names}} の変更を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { admissionConfigNamed: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(ADMISSION_CONFIG, 'admissionConfig', 'admissionConfigNamed'),
});
