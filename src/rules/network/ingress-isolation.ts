/*
 * Pods that no NetworkPolicy isolates for ingress accept connections from every pod in the
 * cluster and from anything that can route to them.
 * Checked: the NetworkPolicies (networking.k8s.io) of the workload's namespace (`default` when
 * the object has none) whose spec.podSelector selects the pod template labels and whose
 * policyTypes (as defaulted by the API server) include Ingress.
 * hostNetwork pods are reported separately: NetworkPolicies do not reliably apply to them.
 */
import { defineIsolationRule } from './_isolation.js';

export default defineIsolationRule({
  direction: 'Ingress',
  id: 'network/ingress-isolation',
  severity: 'medium',
  title: {
    en: 'Pods not isolated for ingress',
    ja: 'Pod の受信通信が分離されていない',
  },
  description: {
    en: 'Kubernetes lets every pod receive connections from every other pod, in any namespace, until a NetworkPolicy selects it for ingress. An attacker who compromises any workload can then reach this one directly, including its admin and metrics ports.',
    ja: 'Kubernetes では、受信 (Ingress) 方向で NetworkPolicy に選択されるまで、Pod はあらゆる名前空間のすべての Pod から接続を受け付けます。どこか 1 つのワークロードを侵害した攻撃者は、管理用やメトリクス用のポートも含め、この Pod に直接到達できます。',
  },
  remediation: {
    en: 'Add a default-deny ingress NetworkPolicy to the namespace (podSelector: {}, policyTypes: [Ingress]) and then policies that allow only the clients each workload needs. Make sure the cluster network plugin enforces NetworkPolicy.',
    ja: '名前空間に受信をすべて拒否する NetworkPolicy（podSelector: {}、policyTypes: [Ingress]）を追加し、そのうえで各ワークロードに必要なクライアントだけを許可するポリシーを作成してください。クラスターのネットワークプラグインが NetworkPolicy を実際に適用することも確認してください。',
  },
  messages: {
    noPolicyInNamespace: {
      en: 'Namespace "{{namespace}}" has no NetworkPolicy, so no policy selects these pods and they accept connections from anywhere.',
      ja: '名前空間 "{{namespace}}" に NetworkPolicy が 1 つもないため、これらの Pod を選択するポリシーがなく、どこからの接続も受け付けます。',
    },
    notSelected: {
      en: 'No NetworkPolicy in namespace "{{namespace}}" selects these pods for ingress, so they accept connections from anywhere (NetworkPolicies in the namespace: {{count}}).',
      ja: '名前空間 "{{namespace}}" にある {{count}} 個の NetworkPolicy のどれも受信 (Ingress) 方向でこれらの Pod を選択していないため、どこからの接続も受け付けます。',
    },
    unevaluated: {
      en: 'No Kubernetes or Cilium NetworkPolicy isolates these pods for ingress; {{policies}} of the network plugin may, but their selectors are beyond what mamori evaluates, so check them by hand: otherwise the pods can accept connections from any pod.',
      ja: 'Kubernetes と Cilium の NetworkPolicy はどれも受信 (Ingress)方向でこれらの Pod を分離していません。ネットワークプラグインの {{policies}} が分離している可能性はありますが、そのセレクターは mamori が評価できる範囲を超えているため、手作業で確認してください。分離されていなければ、Pod はどの Pod からの接続も受け付ける状態です。',
    },
    hostNetwork: {
      en: 'The pods use the host network (hostNetwork: true), so NetworkPolicies cannot isolate their ingress.',
      ja: 'Pod がホストのネットワークを使う (hostNetwork: true) ため、NetworkPolicy で受信通信を分離できません。',
    },
  },
});
