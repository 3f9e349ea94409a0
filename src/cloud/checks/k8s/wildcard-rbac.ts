/**
 * AUTH-ANY-002: no Role or ClusterRole uses `*` in verbs or resources, apart from `cluster-admin`,
 * `system:*` roles, provider platform roles and `cloud.wildcardRoleAllow`.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';

const PLATFORM_ROLES = [
  /^cluster-admin$/,
  /^system:/,
  /^eks:/,
  /^gce:/,
  /^gke-/,
  /^aks-/,
  /^azure-policy/,
  /^gatekeeper-/,
];

export const k8sWildcardRbac: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-wildcard-rbac',
    catalogueId: 'AUTH-ANY-002',
    group: 'Auth',
    provider: 'kubernetes',
    severity: 'medium',
    title: {
      en: 'No wildcard RBAC roles',
      ja: 'ワイルドカードを使った RBAC ロールがない',
    },
    remediation: {
      en: 'List the verbs and resources each role needs instead of `*` (`kubectl edit clusterrole NAME`); allow platform roles with `cloud.wildcardRoleAllow`.',
      ja: '`*` の代わりに各ロールに必要な動詞とリソースを列挙する(`kubectl edit clusterrole NAME`)。プラットフォームのロールは `cloud.wildcardRoleAllow` で許可する。',
    },
    references: ['CIS 4.1.3', 'hardeneks restrict_wildcard_for_cluster_roles'],
  },
  evaluate(facts, { options }) {
    if (!facts.k8s.has('ClusterRole')) {
      return unknown(
        { en: 'The ClusterRoles were not given.', ja: 'ClusterRole が与えられていない。' },
        [missingKubernetesInput('ClusterRole'), missingKubernetesInput('Role')],
      );
    }
    const roles = [...facts.k8s.ofKind('ClusterRole'), ...facts.k8s.ofKind('Role')].filter(
      (role) =>
        !role.node.get('aggregationRule').present &&
        !PLATFORM_ROLES.some((pattern) => pattern.test(role.name)) &&
        !options.wildcardRoleAllow.includes(role.name),
    );
    const offenders: { ref: string; node: Node }[] = [];
    for (const role of roles) {
      for (const rule of role.node.get('rules').items()) {
        if (
          rule.get('verbs').strings().includes('*') ||
          rule.get('resources').strings().includes('*')
        ) {
          offenders.push({ ref: role.ref, node: rule });
          break;
        }
      }
    }
    if (offenders.length > 0) {
      return fail(
        {
          en: `Roles with wildcards: ${listText(offenders.map((item) => item.ref))}.`,
          ja: `ワイルドカードを使うロール: ${listTextJa(offenders.map((item) => item.ref))}。`,
        },
        offenders.map((item) => item.node),
      );
    }
    const note = facts.k8s.has('Role')
      ? { en: '', ja: '' }
      : { en: ' Namespaced Roles were not given.', ja: '名前空間の Role が与えられていない。' };
    return pass({
      en: `No application role uses wildcards.${note.en}`,
      ja: `ワイルドカードを使うアプリケーションのロールはない。${note.ja}`,
    });
  },
};
