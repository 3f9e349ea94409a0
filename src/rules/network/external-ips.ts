/*
 * Services should not claim external IP addresses (CVE-2020-8554).
 * Checked: spec.externalIPs of core v1 Services. Every node routes traffic for these addresses,
 * from pods and from outside, to the Service's endpoints, whoever owns the address.
 * Addresses inside an IPv4 CIDR of the allowedCidrs option pass; the finding lists the others.
 */
import { defineResourceRule } from '../../core/rule.js';
import { cidrContains, isCoreService, parseCidr, parseIPv4, specOf } from './_net.js';

type MessageId = 'externalIPs';

interface Options {
  /** IPv4 blocks the cluster owns, whose addresses Services may claim. */
  allowedCidrs: string[];
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Service'],
  meta: {
    id: 'network/external-ips',
    title: { en: 'Service with external IPs', ja: '外部 IP を持つ Service' },
    description: {
      en: "Every node sends traffic addressed to a Service's externalIPs to the Service's pods, and Kubernetes does not check who owns those addresses (CVE-2020-8554). A Service that lists the address of a database, an API or a DNS server outside the cluster silently captures what pods and nodes send there, credentials included. Anyone allowed to create or update Services in any namespace can do this unless admission control forbids the field.",
      ja: 'すべてのノードは、Service の externalIPs 宛ての通信をその Service の Pod へ転送します。Kubernetes はそのアドレスの所有者を確認しません (CVE-2020-8554)。クラスター外のデータベース、API、DNS サーバーのアドレスを指定した Service は、Pod やノードがそこへ送る通信を認証情報も含めてひそかに横取りします。アドミッション制御でこのフィールドを禁止しない限り、いずれかの名前空間で Service を作成・更新できる者なら誰でもこれを行えます。',
    },
    remediation: {
      en: 'Remove spec.externalIPs and expose the Service through a LoadBalancer, an Ingress or a Gateway, which allocate addresses the cluster owns. Enable the DenyServiceExternalIPs admission plugin (or an equivalent policy) so that no Service can claim an address. If the cluster relies on externalIPs for addresses it owns, list those blocks in allowedCidrs and restrict the field to them by policy.',
      ja: 'spec.externalIPs を削除し、クラスターが所有するアドレスを割り当てる LoadBalancer、Ingress、Gateway で Service を公開してください。DenyServiceExternalIPs アドミッションプラグイン（または同等のポリシー）を有効にし、どの Service もアドレスを主張できないようにしてください。クラスターが自ら所有するアドレスに externalIPs を使っている場合は、そのアドレス範囲を allowedCidrs に記載し、ポリシーでもその範囲に限定してください。',
    },
    severity: 'medium',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
      'https://github.com/kubernetes/kubernetes/issues/97076',
      'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      externalIPs: {
        en: 'Service claims external IP addresses {{addresses}}: every node sends traffic for them to this Service, whoever owns them.',
        ja: 'Service が外部 IP アドレス {{addresses}} を主張しています。所有者が誰であっても、すべてのノードがこれらのアドレス宛ての通信をこの Service へ転送します。',
      },
    },
    defaultOptions: { allowedCidrs: [] },
    validateOptions(options) {
      const value = options.allowedCidrs;
      return Array.isArray(value) &&
        value.every((item) => typeof item === 'string' && parseCidr(item)?.family === 4)
        ? []
        : ['allowedCidrs must be a list of IPv4 CIDR blocks, e.g. 192.0.2.0/24'];
    },
  },
  check(resource, context) {
    const spec = specOf(resource);
    if (!isCoreService(resource) || spec === undefined || !Array.isArray(spec.externalIPs)) {
      return;
    }
    const allowed = context.options.allowedCidrs.flatMap((text) => parseCidr(text) ?? []);
    const claimed = spec.externalIPs.filter(
      (address): address is string => typeof address === 'string' && address.trim() !== '',
    );
    const reported = claimed.filter((address) => {
      const parsed = parseIPv4(address.trim());
      return parsed === undefined || !allowed.some((cidr) => cidrContains(cidr, parsed));
    });
    if (reported.length === 0) {
      return;
    }
    context.report({
      messageId: 'externalIPs',
      data: { addresses: reported.map((address) => `"${address}"`).join(', ') },
      pointer: '/spec/externalIPs',
    });
  },
});
