/**
 * AUTH-ANY-001: no RoleBinding or ClusterRoleBinding grants anything to `system:anonymous` or
 * `system:unauthenticated`, except the built-in `system:public-info-viewer`.
 */
import type { ClusterFacts } from '../../facts/index.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, pass, unknown } from '../define.js';

const ANONYMOUS = ['system:anonymous', 'system:unauthenticated'];

export const k8sAnonymousBindings: CloudCheck<ClusterFacts> = {
  meta: {
    id: 'cloud/k8s-anonymous-bindings',
    catalogueId: 'AUTH-ANY-001',
    group: 'Auth',
    provider: 'kubernetes',
    severity: 'high',
    title: {
      en: 'No bindings to anonymous or unauthenticated users',
      ja: '匿名・未認証ユーザーへのバインディングがない',
    },
    remediation: {
      en: 'Delete the binding or remove the subject: `kubectl delete clusterrolebinding NAME` (or `kubectl edit rolebinding NAME -n NS`).',
      ja: 'バインディングを削除するかサブジェクトを外す: `kubectl delete clusterrolebinding NAME`(または `kubectl edit rolebinding NAME -n NS`)。',
    },
    references: [
      'EKS BPG: Review and revoke unnecessary anonymous access',
      'hardeneks disable_anonymous_access_for_cluster_roles',
    ],
  },
  evaluate(facts) {
    if (!facts.k8s.has('ClusterRoleBinding')) {
      return unknown(
        {
          en: 'The ClusterRoleBindings were not given.',
          ja: 'ClusterRoleBinding が与えられていない。',
        },
        [missingKubernetesInput('ClusterRoleBinding'), missingKubernetesInput('RoleBinding')],
      );
    }
    const bindings = [
      ...facts.k8s.ofKind('ClusterRoleBinding'),
      ...facts.k8s.ofKind('RoleBinding'),
    ];
    const offenders: { ref: string; node: Node }[] = [];
    for (const binding of bindings) {
      if (binding.node.at('roleRef', 'name').str() === 'system:public-info-viewer') {
        continue;
      }
      for (const subject of binding.node.get('subjects').items()) {
        if (ANONYMOUS.includes(subject.get('name').str() ?? '')) {
          offenders.push({
            ref: `${binding.ref} → ${subject.get('name').str() ?? ''}`,
            node: subject,
          });
        }
      }
    }
    if (offenders.length > 0) {
      return fail(
        {
          en: `Anonymous access is granted: ${listText(offenders.map((item) => item.ref))}.`,
          ja: `匿名アクセスが許可されている: ${listTextJa(offenders.map((item) => item.ref))}。`,
        },
        offenders.map((item) => item.node),
      );
    }
    const note = facts.k8s.has('RoleBinding')
      ? { en: '', ja: '' }
      : {
          en: ' RoleBindings were not given; only cluster-wide bindings were checked.',
          ja: 'RoleBinding が与えられていないため、クラスター全体のバインディングだけを確認した。',
        };
    return pass({
      en: `No binding grants access to anonymous or unauthenticated users.${note.en}`,
      ja: `匿名ユーザーや未認証ユーザーにアクセスを与えるバインディングはない。${note.ja}`,
    });
  },
};
