/*
 * Roles should not let their subjects approve or sign certificate signing requests.
 * Checked: every rule of a Role or ClusterRole that grants update or patch on
 * certificatesigningrequests/approval, or approve or sign on signers (certificates.k8s.io).
 * Limited by resourceNames (particular signers or requests): medium.
 * Rules with "*" in apiGroups, resources and verbs are left to rbac/wildcard.
 * System roles and aggregated ClusterRoles are skipped (see _rbac.ts).
 */
import { defineResourceRule } from '../../core/rule.js';
import { CSR_APPROVAL, probeGrantCheck, validateIncludeSystemRoles } from './_rbac.js';

type MessageId = 'csrApproval' | 'csrApprovalNamed';

interface Options {
  includeSystemRoles: boolean;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Role', 'ClusterRole'],
  meta: {
    id: 'rbac/csr-approval',
    title: {
      en: 'Permission to approve or sign certificate requests',
      ja: '証明書署名リクエストの承認・署名権限',
    },
    description: {
      en: 'A CertificateSigningRequest names the user and groups the certificate will carry. Whoever can approve requests for the kube-apiserver-client signer, or sign them, can issue themselves a client certificate for any identity, including a member of system:masters, which no RBAC change can revoke until the certificate expires.',
      ja: 'CertificateSigningRequest には、証明書に含めるユーザーとグループが記載されます。kube-apiserver-client の署名者に対するリクエストを承認または署名できる者は、system:masters のメンバーを含む任意の ID のクライアント証明書を自分に発行でき、その証明書は有効期限が切れるまで RBAC を変更しても取り消せません。',
    },
    remediation: {
      en: 'Remove update on certificatesigningrequests/approval and approve and sign on signers from the role. Leave approval to the controller manager and to dedicated approvers, and limit any custom approver with resourceNames to the signers it serves (never kubernetes.io/kube-apiserver-client).',
      ja: 'ロールから certificatesigningrequests/approval への update と、signers への approve と sign を削除してください。承認はコントローラーマネージャーと専用の承認コンポーネントに任せ、独自の承認コンポーネントは resourceNames で担当する署名者に限定してください（kubernetes.io/kube-apiserver-client は含めないでください）。',
    },
    severity: 'high',
    category: 'rbac',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing',
      'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization',
    ],
    standards: [{ framework: 'nsa', control: 'authentication-authorization' }],
    messages: {
      csrApproval: {
        en: 'Rule {{rule}} of {{role}} allows approving or signing certificate requests for any signer ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、任意の署名者に対する証明書リクエストの承認または署名を許可しています（{{permissions}}）。',
      },
      csrApprovalNamed: {
        en: 'Rule {{rule}} of {{role}} allows approving or signing certificate requests for {{names}} ({{permissions}}).',
        ja: '{{role}} のルール {{rule}} が、{{names}} に対する証明書リクエストの承認または署名を許可しています（{{permissions}}）。',
      },
    },
    messageSeverities: { csrApprovalNamed: 'medium' },
    defaultOptions: { includeSystemRoles: false },
    validateOptions: validateIncludeSystemRoles,
  },
  check: probeGrantCheck<MessageId>(CSR_APPROVAL, 'csrApproval', 'csrApprovalNamed'),
});
