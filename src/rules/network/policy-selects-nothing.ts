/*
 * A NetworkPolicy whose pod selector matches none of the workloads of its namespace protects
 * nothing, usually because of a label typo; a peer selector that matches none admits no one.
 * Checked: built-in NetworkPolicies (networking.k8s.io, extensions) against the labels of the pods
 * that objects of the input create in the policy's namespace (`default` for objects without one):
 * the pod templates of workloads (the built-in kinds but PodTemplate, and the kinds the
 * configuration maps to a pod template), Argo Rollouts, and the Prometheus operator's
 * Prometheus, PrometheusAgent, Alertmanager and ThanosRuler. Selectors checked: spec.podSelector,
 * and the podSelector of ingress[].from[] and egress[].to[] peers without a namespaceSelector
 * (which select pods of the policy's namespace).
 * A policy with a namespace is judged against the pod sources of that namespace (and those without
 * a namespace in its directory); a policy without one against the pod sources of its directory,
 * where the deploy tool gives them all the same namespace. A policy with no pod source in that
 * scope is not judged: a manifest scan sees part of a cluster, and pods created by other
 * operators are never seen.
 */
import type { Resource } from '../../core/model.js';
import { perIndex } from '../../core/resource-index.js';
import { defineResourceRule, type ResourceIndex } from '../../core/rule.js';
import { directoryOf, stringMapAt } from '../secrets/_objects.js';
import { isBuiltinPolicyApi, isRecord, namespaceOf, selectorMatches, specOf } from './_net.js';

type MessageId =
  | 'selectsNothing'
  | 'selectsNothingInDirectory'
  | 'peerSelectsNothing'
  | 'peerSelectsNothingInDirectory';

/**
 * Custom kinds that create pods, with where the labels of those pods are written: Argo Rollouts
 * (unless the configuration maps the kind to its pod template, which makes it a workload), and
 * the Prometheus operator's servers, whose pods carry the object's podMetadata labels (the
 * object's own labels are added too, as operators commonly copy them).
 */
const POD_SOURCES: Readonly<Record<string, readonly string[]>> = {
  Rollout: ['/spec/template/metadata/labels'],
  Prometheus: ['/metadata/labels', '/spec/podMetadata/labels'],
  PrometheusAgent: ['/metadata/labels', '/spec/podMetadata/labels'],
  Alertmanager: ['/metadata/labels', '/spec/podMetadata/labels'],
  ThanosRuler: ['/metadata/labels', '/spec/podMetadata/labels'],
};

/** The labels of the pods an object of {@link POD_SOURCES} creates. */
function podLabelsOf(resource: Resource, pointers: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pointer of pointers) {
    Object.assign(labels, stringMapAt(resource.object, pointer));
  }
  return labels;
}

/** An object of the input that creates pods, with where it is and the labels of its pods. */
interface PodSource {
  namespace: string | undefined;
  directory: string;
  labels: Record<string, string>;
}

/** The input's pod sources, grouped the ways policies look for them. */
interface SourceGroups {
  /** Sources with a namespace, by namespace. */
  byNamespace: Map<string, PodSource[]>;
  /** Sources without a namespace, by directory. */
  unnamespacedByDirectory: Map<string, PodSource[]>;
  /** Every source, by directory. */
  byDirectory: Map<string, PodSource[]>;
}

function addTo(map: Map<string, PodSource[]>, key: string, source: PodSource): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [source]);
  } else {
    list.push(source);
  }
}

/** The input's pod sources, once per index. */
const podSources = perIndex((index): SourceGroups => {
  const groups: SourceGroups = {
    byNamespace: new Map(),
    unnamespacedByDirectory: new Map(),
    byDirectory: new Map(),
  };
  const add = (resource: Resource, labels: Record<string, string>): void => {
    const namespace = resource.ref.namespace === '' ? undefined : resource.ref.namespace;
    const source: PodSource = { namespace, directory: directoryOf(resource.file), labels };
    addTo(groups.byDirectory, source.directory, source);
    if (namespace === undefined) {
      addTo(groups.unnamespacedByDirectory, source.directory, source);
    } else {
      addTo(groups.byNamespace, namespace, source);
    }
  };
  const workloads = new Set<Resource>();
  for (const { resource, templatePointer } of index.workloads) {
    workloads.add(resource);
    add(resource, stringMapAt(resource.object, `${templatePointer}/metadata/labels`));
  }
  for (const [kind, pointers] of Object.entries(POD_SOURCES)) {
    for (const resource of index.ofKind(kind)) {
      if (!workloads.has(resource)) {
        add(resource, podLabelsOf(resource, pointers));
      }
    }
  }
  return groups;
});

/**
 * The pod sources a policy is judged against. A policy with a namespace: the sources of that
 * namespace, and sources without a namespace in the policy's directory (they may be applied to
 * it). A policy without a namespace goes wherever its deploy tool puts it, like the other objects
 * of its directory: the sources of its directory.
 */
function sourcesFor(policy: Resource, index: ResourceIndex): readonly PodSource[] {
  const namespace = policy.ref.namespace === '' ? undefined : policy.ref.namespace;
  const directory = directoryOf(policy.file);
  const groups = podSources(index);
  if (namespace === undefined) {
    return groups.byDirectory.get(directory) ?? [];
  }
  return [
    ...(groups.byNamespace.get(namespace) ?? []),
    ...(groups.unnamespacedByDirectory.get(directory) ?? []),
  ];
}

export default defineResourceRule<MessageId>({
  kinds: ['NetworkPolicy'],
  meta: {
    id: 'network/policy-selects-nothing',
    title: { en: 'NetworkPolicy that selects no pods', ja: 'どの Pod も選択しない NetworkPolicy' },
    description: {
      en: 'A NetworkPolicy applies to the pods its podSelector matches. When the selector matches none of the workloads deployed with it, typically after a label was renamed or mistyped, the pods it was written for stay open while the policy gives the impression that they are isolated. A peer selector that matches no pod likewise lets the intended clients fail and invites someone to widen the rule.',
      ja: 'NetworkPolicy は podSelector に一致する Pod に適用されます。ラベルの変更や入力ミスなどで、一緒にデプロイされたどのワークロードにもセレクターが一致しないと、本来対象とした Pod は開いたままになり、ポリシーは分離されているかのような印象だけを与えます。どの Pod にも一致しないピアのセレクターも同様に、想定したクライアントの通信を失敗させ、ルールを広げる誘因になります。',
    },
    remediation: {
      en: 'Correct the selector so that it matches the pod template labels of the intended workloads (not the labels of the Deployment object itself), or delete the policy if those workloads are gone. If the pods come from elsewhere (an operator, another repository), scan them together with the policy or suppress the finding with a reason.',
      ja: 'セレクターを、対象とするワークロードの Pod テンプレートのラベル（Deployment オブジェクト自体のラベルではありません）に一致するよう修正するか、そのワークロードがもうなければポリシーを削除してください。Pod が別の場所（オペレーターや別のリポジトリ）から来る場合は、ポリシーと一緒にスキャンするか、理由を添えて検出を抑制してください。',
    },
    severity: 'low',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    ],
    standards: [{ framework: 'nsa', control: 'network-policies' }],
    indexKinds: Object.keys(POD_SOURCES),
    indexWorkloads: true,
    messages: {
      selectsNothing: {
        en: 'The pod selector matches none of the {{count}} workloads of namespace "{{namespace}}" in the input, so the policy applies to no pod that the input shows (pods created outside the input are not seen).',
        ja: 'Pod セレクターが、入力に含まれる名前空間 "{{namespace}}" の {{count}} 個のワークロードのどれにも一致しないため、このポリシーは入力で確認できるどの Pod にも適用されません（入力外で作成される Pod は確認できません）。',
      },
      selectsNothingInDirectory: {
        en: 'The pod selector matches none of the {{count}} workloads in directory "{{directory}}" of the input, where this policy without a namespace belongs, so it applies to no pod that the input shows (pods created outside the input are not seen).',
        ja: 'Pod セレクターが、名前空間のないこのポリシーが属する入力のディレクトリ "{{directory}}" の {{count}} 個のワークロードのどれにも一致しないため、このポリシーは入力で確認できるどの Pod にも適用されません（入力外で作成される Pod は確認できません）。',
      },
      peerSelectsNothing: {
        en: 'Peer {{field}}[{{rule}}].{{peers}}[{{peer}}] selects none of the {{count}} workloads of namespace "{{namespace}}" in the input, so it matches no pod that the input shows (pods created outside the input are not seen).',
        ja: 'ピア {{field}}[{{rule}}].{{peers}}[{{peer}}] が、入力に含まれる名前空間 "{{namespace}}" の {{count}} 個のワークロードのどれも選択しないため、入力で確認できるどの Pod にも一致しません（入力外で作成される Pod は確認できません）。',
      },
      peerSelectsNothingInDirectory: {
        en: 'Peer {{field}}[{{rule}}].{{peers}}[{{peer}}] selects none of the {{count}} workloads in directory "{{directory}}" of the input, where this policy without a namespace belongs, so it matches no pod that the input shows (pods created outside the input are not seen).',
        ja: 'ピア {{field}}[{{rule}}].{{peers}}[{{peer}}] が、名前空間のないこのポリシーが属する入力のディレクトリ "{{directory}}" の {{count}} 個のワークロードのどれも選択しないため、入力で確認できるどの Pod にも一致しません（入力外で作成される Pod は確認できません）。',
      },
    },
    messageSeverities: { peerSelectsNothing: 'info', peerSelectsNothingInDirectory: 'info' },
    defaultOptions: {},
  },
  check(resource, context) {
    const spec = specOf(resource);
    if (!isBuiltinPolicyApi(resource.object.apiVersion) || spec === undefined) {
      return;
    }
    const pods = sourcesFor(resource, context.index).map((source) => source.labels);
    if (pods.length === 0) {
      return;
    }
    const selectsNone = (selector: unknown): boolean =>
      !pods.some((labels) => selectorMatches(selector, labels));
    const namespaced = resource.ref.namespace !== undefined && resource.ref.namespace !== '';
    const data: Record<string, string | number> = namespaced
      ? { namespace: namespaceOf(resource), count: pods.length }
      : { directory: directoryOf(resource.file) || '.', count: pods.length };
    if (selectsNone(spec.podSelector)) {
      context.report({
        messageId: namespaced ? 'selectsNothing' : 'selectsNothingInDirectory',
        data,
        pointer: '/spec/podSelector',
      });
    }
    for (const [field, peers] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      const rules = Array.isArray(spec[field]) ? (spec[field] as unknown[]) : [];
      rules.forEach((rule, ruleIndex) => {
        const list = isRecord(rule) && Array.isArray(rule[peers]) ? (rule[peers] as unknown[]) : [];
        list.forEach((peer, peerIndex) => {
          if (
            !isRecord(peer) ||
            peer.podSelector === undefined ||
            peer.podSelector === null ||
            (peer.namespaceSelector !== undefined && peer.namespaceSelector !== null) ||
            !selectsNone(peer.podSelector)
          ) {
            return;
          }
          context.report({
            messageId: namespaced ? 'peerSelectsNothing' : 'peerSelectsNothingInDirectory',
            data: { ...data, field, rule: ruleIndex, peers, peer: peerIndex },
            pointer: `/spec/${field}/${ruleIndex}/${peers}/${peerIndex}/podSelector`,
          });
        });
      });
    }
  },
});
