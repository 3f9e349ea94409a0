/*
 * Pods should not be able to reach the cloud instance metadata service (IMDS) at
 * 169.254.169.254, which hands out the node's cloud credentials on AWS, Azure, GCP and others.
 *
 * A workload is protected when at least one NetworkPolicy of its namespace selects its pods
 * with Egress in its (defaulted) policyTypes, and no egress rule of any such policy admits
 * 169.254.169.254 on TCP port 80. A rule admits the address when:
 * - it has no `to` (or an empty one): every destination is allowed; or
 * - one of its peers is an ipBlock whose cidr contains the address and whose `except` does not.
 * podSelector / namespaceSelector peers select pods, never the link-local metadata host.
 * A rule whose `ports` list does not include TCP 80 (an entry without a port matches every port;
 * endPort ranges are honoured; a named port is assumed to possibly match) does not admit it.
 * hostNetwork pods bypass NetworkPolicy and are always reported.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import {
  cidrContains,
  coverageOf,
  isRecord,
  labelsPointer,
  parseCidr,
  parseIPv4,
  type Policy,
} from './_net.js';

type MessageId =
  'hostNetwork' | 'noPolicyInNamespace' | 'notEgressIsolated' | 'openRule' | 'ipBlock';

const METADATA_ADDRESS = parseIPv4('169.254.169.254') ?? 0;
const METADATA_PORT = 80;

/** Whether a rule's `ports` let TCP traffic to port 80 through. */
function portsAdmitMetadata(ports: unknown): boolean {
  if (!Array.isArray(ports) || ports.length === 0) {
    return true;
  }
  return ports.some((entry) => {
    if (!isRecord(entry)) {
      return false;
    }
    const protocol = entry.protocol ?? 'TCP';
    if (protocol !== 'TCP') {
      return false;
    }
    const { port, endPort } = entry;
    if (port === undefined || port === null) {
      return true;
    }
    if (typeof port === 'string') {
      // A named port: it cannot be checked here, so assume it may match.
      return true;
    }
    if (typeof port !== 'number') {
      return false;
    }
    if (typeof endPort === 'number') {
      return port <= METADATA_PORT && METADATA_PORT <= endPort;
    }
    return port === METADATA_PORT;
  });
}

/** Whether a CIDR string contains the metadata address. */
function containsMetadata(text: unknown): boolean {
  if (typeof text !== 'string') {
    return false;
  }
  const cidr = parseCidr(text);
  return cidr !== undefined && cidrContains(cidr, METADATA_ADDRESS);
}

/** How an egress rule admits the metadata address, if it does. */
type Admission = { kind: 'open' } | { kind: 'ipBlock'; cidr: string };

function admission(rule: unknown): Admission | undefined {
  if (!isRecord(rule) || !portsAdmitMetadata(rule.ports)) {
    return undefined;
  }
  const to = rule.to;
  if (to === undefined || to === null || (Array.isArray(to) && to.length === 0)) {
    return { kind: 'open' };
  }
  if (!Array.isArray(to)) {
    return undefined;
  }
  for (const peer of to) {
    if (!isRecord(peer) || !isRecord(peer.ipBlock)) {
      continue;
    }
    const { cidr, except } = peer.ipBlock;
    if (typeof cidr !== 'string' || !containsMetadata(cidr)) {
      continue;
    }
    const carvedOut = Array.isArray(except) && except.some((entry) => containsMetadata(entry));
    if (!carvedOut) {
      return { kind: 'ipBlock', cidr };
    }
  }
  return undefined;
}

/** The first egress rule of the policies that lets the pods reach the metadata address. */
function firstAdmission(
  policies: readonly Policy[],
): { policy: Policy; rule: number; admission: Admission } | undefined {
  for (const policy of policies) {
    const egress = policy.spec.egress;
    if (!Array.isArray(egress)) {
      continue;
    }
    for (const [index, rule] of egress.entries()) {
      const found = admission(rule);
      if (found !== undefined) {
        return { policy, rule: index, admission: found };
      }
    }
  }
  return undefined;
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'network/metadata-access',
    title: {
      en: 'Pods can reach the instance metadata endpoint',
      ja: 'Pod からインスタンスメタデータに到達できる',
    },
    description: {
      en: "On cloud nodes the instance metadata service at 169.254.169.254 answers any process that can reach it, and on many setups it hands out the node's cloud credentials. A compromised pod that can reach it can act with the node's cloud identity. Unless egress to that address is blocked, every pod can reach it.",
      ja: 'クラウドのノードでは、169.254.169.254 のインスタンスメタデータサービスは到達できるあらゆるプロセスに応答し、多くの構成ではノードのクラウド認証情報を返します。ここに到達できる Pod が侵害されると、攻撃者はノードのクラウド上の権限で操作できます。このアドレスへの送信を遮断しない限り、すべての Pod から到達できます。',
    },
    remediation: {
      en: 'Add an egress NetworkPolicy such as deny-metadata-access that selects every pod of the namespace (podSelector: {}, policyTypes: [Egress]) and allows egress to 0.0.0.0/0 except 169.254.169.254/32, and keep 169.254.169.254 out of every other allowed egress rule. Pods that need cloud credentials should use workload identity (IRSA, EKS Pod Identity, Azure or GKE Workload Identity) instead. Avoid hostNetwork.',
      ja: '名前空間のすべての Pod を選択し (podSelector: {}、policyTypes: [Egress])、169.254.169.254/32 を除く 0.0.0.0/0 への送信を許可する deny-metadata-access のような NetworkPolicy を追加し、他の許可ルールにも 169.254.169.254 を含めないでください。クラウドの認証情報が必要な Pod には、代わりにワークロード ID（IRSA、EKS Pod Identity、Azure や GKE の Workload Identity）を使ってください。hostNetwork は避けてください。',
    },
    severity: 'medium',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://learn.microsoft.com/en-us/azure/aks/operator-best-practices-cluster-security#secure-container-access-to-resources',
      'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html',
    ],
    standards: [{ framework: 'nsa', control: 'network-policies' }],
    indexKinds: ['NetworkPolicy'],
    messages: {
      hostNetwork: {
        en: 'The pods use the host network (hostNetwork: true), which bypasses NetworkPolicy, so they can reach the instance metadata endpoint 169.254.169.254.',
        ja: 'Pod がホストのネットワークを使う (hostNetwork: true) ため NetworkPolicy が適用されず、インスタンスメタデータのエンドポイント 169.254.169.254 に到達できます。',
      },
      noPolicyInNamespace: {
        en: 'Namespace "{{namespace}}" has no NetworkPolicy, so nothing stops these pods from reaching the instance metadata endpoint 169.254.169.254.',
        ja: '名前空間 "{{namespace}}" に NetworkPolicy が 1 つもないため、これらの Pod がインスタンスメタデータのエンドポイント 169.254.169.254 に到達するのを妨げるものがありません。',
      },
      notEgressIsolated: {
        en: 'No NetworkPolicy in namespace "{{namespace}}" restricts the egress of these pods, so they can reach the instance metadata endpoint 169.254.169.254.',
        ja: '名前空間 "{{namespace}}" のどの NetworkPolicy もこれらの Pod の送信を制限していないため、インスタンスメタデータのエンドポイント 169.254.169.254 に到達できます。',
      },
      openRule: {
        en: 'NetworkPolicy "{{policy}}" allows egress to every destination in spec.egress[{{rule}}] (no "to"), including the instance metadata endpoint 169.254.169.254.',
        ja: 'NetworkPolicy "{{policy}}" の spec.egress[{{rule}}] は宛先 ("to") を指定していないため、インスタンスメタデータのエンドポイント 169.254.169.254 を含むすべての宛先への送信を許可します。',
      },
      ipBlock: {
        en: 'NetworkPolicy "{{policy}}" allows egress to {{cidr}} in spec.egress[{{rule}}] without excepting 169.254.169.254, the instance metadata endpoint.',
        ja: 'NetworkPolicy "{{policy}}" の spec.egress[{{rule}}] は {{cidr}} への送信を許可しており、インスタンスメタデータのエンドポイント 169.254.169.254 を except で除外していません。',
      },
    },
    messageSeverities: { hostNetwork: 'high' },
    defaultOptions: {},
  },
  check(workload, context) {
    if (workload.podSpec.hostNetwork === true) {
      context.report({ messageId: 'hostNetwork', pointer: `${workload.specPointer}/hostNetwork` });
      return;
    }
    const coverage = coverageOf(workload, context.index, 'Egress');
    const pointer = labelsPointer(workload);
    if (coverage.inNamespace.length === 0) {
      context.report({
        messageId: 'noPolicyInNamespace',
        data: { namespace: coverage.namespace },
        pointer,
      });
      return;
    }
    if (coverage.isolating.length === 0) {
      context.report({
        messageId: 'notEgressIsolated',
        data: { namespace: coverage.namespace },
        pointer,
      });
      return;
    }
    const found = firstAdmission(coverage.isolating);
    if (found === undefined) {
      return;
    }
    const data = { policy: found.policy.name, rule: found.rule };
    if (found.admission.kind === 'open') {
      context.report({ messageId: 'openRule', data, pointer });
    } else {
      context.report({
        messageId: 'ipBlock',
        data: { ...data, cidr: found.admission.cidr },
        pointer,
      });
    }
  },
});
