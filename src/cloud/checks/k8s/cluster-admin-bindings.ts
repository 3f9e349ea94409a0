/**
 * AUTH-ANY-004: `cluster-admin` is bound only to `system:masters`, `system:` identities, the
 * cluster's configured admin groups and subjects listed in `cloud.clusterAdminAllow`.
 */
import { aksField } from '../../facts/aks.js';
import type { ClusterFacts } from '../../facts/index.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';

/** Subjects the platform itself binds to cluster-admin. */
function platformSubjects(facts: ClusterFacts): string[] {
  if (facts.provider === 'aks') {
    const groups = aksField(facts, 'aadProfile', 'adminGroupObjectIDs')
      .strings()
      .map((id) => `Group:${id}`);
    return [...groups, 'User:clusterAdmin', 'User:masterclient'];
  }
  return [];
}

export const k8sClusterAdminBindings: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-cluster-admin-bindings',
    catalogueId: 'AUTH-ANY-004',
    group: 'Auth',
    provider: 'kubernetes',
    severity: 'medium',
    title: {
      en: 'cluster-admin is bound sparingly',
      ja: 'cluster-admin のバインドが最小限',
    },
    remediation: {
      en: 'Bind narrower roles instead (`kubectl create rolebinding … --clusterrole=edit -n NS`), delete extra bindings (`kubectl delete clusterrolebinding NAME`) and list intended break-glass subjects in `cloud.clusterAdminAllow`.',
      ja: 'より狭いロールをバインドし(`kubectl create rolebinding … --clusterrole=edit -n NS`)、余分なバインディングを削除し(`kubectl delete clusterrolebinding NAME`)、意図した緊急用サブジェクトは `cloud.clusterAdminAllow` に列挙する。',
    },
    references: ['CIS 4.1.1'],
  },
  evaluate(facts, { options }) {
    if (!facts.k8s.has('ClusterRoleBinding')) {
      return unknown(
        {
          en: 'The ClusterRoleBindings were not given.',
          ja: 'ClusterRoleBinding が与えられていない。',
        },
        [missingKubernetesInput('ClusterRoleBinding')],
      );
    }
    const allowed = new Set([...options.clusterAdminAllow, ...platformSubjects(facts)]);
    const offenders: { ref: string; node: Node }[] = [];
    const bindings = [
      ...facts.k8s.ofKind('ClusterRoleBinding'),
      ...facts.k8s.ofKind('RoleBinding'),
    ].filter(
      (binding) =>
        binding.node.at('roleRef', 'kind').str() === 'ClusterRole' &&
        binding.node.at('roleRef', 'name').str() === 'cluster-admin',
    );
    for (const binding of bindings) {
      for (const subject of binding.node.get('subjects').items()) {
        const kind = subject.get('kind').str() ?? '';
        const name = subject.get('name').str() ?? '';
        const namespace = subject.get('namespace').str();
        if (
          name.startsWith('system:') ||
          allowed.has(`${kind}:${name}`) ||
          (namespace !== undefined && allowed.has(`${kind}:${namespace}/${name}`))
        ) {
          continue;
        }
        offenders.push({
          ref: `${kind} ${namespace === undefined ? '' : `${namespace}/`}${name} (${binding.ref})`,
          node: subject,
        });
      }
    }
    if (offenders.length > 0) {
      return fail(
        {
          en: `cluster-admin is bound to ${listText(offenders.map((item) => item.ref))}.`,
          ja: `cluster-admin が ${listTextJa(offenders.map((item) => item.ref))} にバインドされている。`,
        },
        offenders.map((item) => item.node),
      );
    }
    return pass({
      en: `cluster-admin is bound only to system or allowed subjects (${bindings.length} binding${bindings.length === 1 ? '' : 's'}).`,
      ja: `cluster-admin はシステムまたは許可されたサブジェクトだけにバインドされている(バインディング ${bindings.length} 件)。`,
    });
  },
};
