/*
 * Pods should resolve names through the cluster DNS, not through entries written into their
 * /etc/hosts by the manifest.
 * Checked field: spec.hostAliases of the pod template; one finding per entry, naming its IP and
 * host names. Entries without host names add nothing to /etc/hosts and pass.
 */
import { defineWorkloadRule } from '../../core/rule.js';

type MessageId = 'hostAlias';

/** How many host names a message lists before it counts the rest. */
const LISTED = 5;

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'workload/host-aliases',
    title: { en: 'Host names pinned in /etc/hosts', ja: '/etc/hosts に固定されたホスト名' },
    description: {
      en: "hostAliases writes fixed name-to-address entries into the pod's /etc/hosts, which take precedence over DNS. Whoever can change the manifest can silently send the workload's traffic for any name, including external APIs and identity providers, to an address of their choice, and nothing in DNS, its logs or its monitoring shows it. Pinned addresses also go stale when the real service moves.",
      ja: 'hostAliases は、名前とアドレスの固定の対応を Pod の /etc/hosts に書き込み、DNS よりも優先させます。マニフェストを変更できる者は、外部 API や ID プロバイダーを含む任意の名前について、ワークロードの通信を自分の選んだアドレスへひそかに向けることができ、DNS やそのログ、監視には何も現れません。固定したアドレスは、本来のサービスが移転すると古くなります。',
    },
    remediation: {
      en: 'Remove hostAliases and publish the names in DNS: a Service (ExternalName or one without a selector plus an EndpointSlice) for in-cluster names, or records in your DNS zone or a CoreDNS stub domain for others. If an entry is truly needed, review it like code and keep it as narrow as possible.',
      ja: 'hostAliases を削除し、名前は DNS で公開してください。クラスター内の名前には Service（ExternalName、またはセレクターなしの Service と EndpointSlice）を、それ以外には DNS ゾーンのレコードや CoreDNS のスタブドメインを使います。どうしても必要なエントリーは、コードと同様にレビューし、できるだけ範囲を絞ってください。',
    },
    severity: 'low',
    category: 'workload',
    references: [
      'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
      'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      hostAlias: {
        en: "The pod's /etc/hosts maps {{hostnames}} to {{ip}} (spec.hostAliases), bypassing DNS.",
        ja: 'Pod の /etc/hosts で {{hostnames}} が {{ip}} に対応付けられており (spec.hostAliases)、DNS が迂回されます。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    (workload.podSpec.hostAliases ?? []).forEach((alias, index) => {
      // A list item of the wrong type was removed by sanitising (and reported).
      const hostnames = (alias?.hostnames ?? []).filter((name) => name.trim() !== '');
      if (alias === undefined || hostnames.length === 0) {
        return;
      }
      const listed = hostnames
        .slice(0, LISTED)
        .map((name) => `"${name}"`)
        .join(', ');
      context.report({
        messageId: 'hostAlias',
        data: {
          hostnames:
            hostnames.length > LISTED ? `${listed} (+${hostnames.length - LISTED})` : listed,
          ip: alias.ip === undefined || alias.ip === '' ? '?' : alias.ip,
        },
        pointer: `${workload.specPointer}/hostAliases/${index}`,
      });
    });
  },
});
