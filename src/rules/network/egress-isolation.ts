/*
 * Pods that no NetworkPolicy isolates for egress can open connections to any pod, to the
 * control plane, to cloud metadata endpoints and to the internet.
 * Checked: the NetworkPolicies (networking.k8s.io) of the workload's namespace (`default` when
 * the object has none) whose spec.podSelector selects the pod template labels and whose
 * policyTypes (as defaulted by the API server: Egress only when listed, or when policyTypes is
 * absent and spec.egress has at least one rule) include Egress.
 * hostNetwork pods are reported separately: NetworkPolicies do not reliably apply to them.
 */
import { defineIsolationRule } from './_isolation.js';

export default defineIsolationRule({
  direction: 'Egress',
  id: 'network/egress-isolation',
  severity: 'low',
  title: {
    en: 'Pods not isolated for egress',
    ja: 'Pod の送信通信が分離されていない',
  },
  description: {
    en: 'Until a NetworkPolicy selects them for egress, pods may connect to any address: other workloads, the Kubernetes API, the cloud metadata endpoint and the internet. Unrestricted egress lets a compromised pod explore the cluster, steal credentials and send data out.',
    ja: '送信 (Egress) 方向で NetworkPolicy に選択されるまで、Pod は他のワークロード、Kubernetes API、クラウドのメタデータエンドポイント、インターネットなど、どの宛先にも接続できます。送信が無制限だと、侵害された Pod がクラスター内を探索し、認証情報を盗み、データを外部へ持ち出せます。',
  },
  remediation: {
    en: 'Add a default-deny egress NetworkPolicy to the namespace (podSelector: {}, policyTypes: [Egress]) and allow only the destinations each workload needs, such as DNS and its own backends. Note that a policy without policyTypes restricts egress only if it has egress rules.',
    ja: '名前空間に送信をすべて拒否する NetworkPolicy（podSelector: {}、policyTypes: [Egress]）を追加し、DNS や自分のバックエンドなど各ワークロードに必要な宛先だけを許可してください。policyTypes を省略したポリシーは、egress ルールがある場合にしか送信を制限しない点に注意してください。',
  },
  messages: {
    noPolicyInNamespace: {
      en: 'Namespace "{{namespace}}" has no NetworkPolicy, so no policy selects these pods and they can connect to any destination.',
      ja: '名前空間 "{{namespace}}" に NetworkPolicy が 1 つもないため、これらの Pod を選択するポリシーがなく、どの宛先にも接続できます。',
    },
    notSelected: {
      en: 'No NetworkPolicy in namespace "{{namespace}}" selects these pods for egress, so they can connect to any destination (NetworkPolicies in the namespace: {{count}}).',
      ja: '名前空間 "{{namespace}}" にある {{count}} 個の NetworkPolicy のどれも送信 (Egress) 方向でこれらの Pod を選択していないため、どの宛先にも接続できます。',
    },
    unevaluated: {
      en: 'No Kubernetes or Cilium NetworkPolicy isolates these pods for egress; {{policies}} of the network plugin may, but their selectors are beyond what mamori evaluates, so check them by hand: otherwise the pods can connect to any destination.',
      ja: 'Kubernetes と Cilium の NetworkPolicy はどれも送信 (Egress)方向でこれらの Pod を分離していません。ネットワークプラグインの {{policies}} が分離している可能性はありますが、そのセレクターは mamori が評価できる範囲を超えているため、手作業で確認してください。分離されていなければ、Pod はどの宛先にも接続できる状態です。',
    },
    hostNetwork: {
      en: 'The pods use the host network (hostNetwork: true), so NetworkPolicies cannot restrict their egress.',
      ja: 'Pod がホストのネットワークを使う (hostNetwork: true) ため、NetworkPolicy で送信通信を制限できません。',
    },
  },
});
