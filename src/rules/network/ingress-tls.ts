/*
 * Ingresses should serve every host over TLS.
 * Checked: Ingresses (networking.k8s.io, extensions) spec.tls against spec.rules[*].host.
 * - No spec.tls at all (and no annotation from the tlsAnnotations option, with which cloud
 *   controllers attach certificates): one finding for the Ingress.
 * - A rule host that no spec.tls[*].hosts entry covers: one finding per rule. A TLS host
 *   `*.example.com` covers exactly one extra label (`a.example.com`, not `example.com` or
 *   `a.b.example.com`); a wildcard rule host is covered only by the same wildcard. Host names
 *   compare without case.
 * - A TLS entry without hosts uses the controller's default (wildcard) certificate, per the API
 *   documentation: it covers every host, including rules without a host, which are otherwise
 *   reported because no listed certificate applies to them.
 */
import { defineResourceRule } from '../../core/rule.js';
import { isBuiltinIngressApi, isRecord, specOf, tlsHostCovers } from './_net.js';

type MessageId = 'noTls' | 'noTlsNoHosts' | 'hostNotCovered' | 'ruleWithoutHost';

interface Options {
  /** Annotations that attach a certificate outside spec.tls (their presence counts as TLS). */
  tlsAnnotations: string[];
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Ingress'],
  meta: {
    id: 'network/ingress-tls',
    title: { en: 'Ingress without TLS', ja: 'TLS のない Ingress' },
    description: {
      en: 'An Ingress host without a TLS certificate is served over plain HTTP: passwords, session cookies, tokens and data travel unencrypted and can be read or changed by anyone on the network path.',
      ja: 'TLS 証明書のない Ingress のホストは平文の HTTP で提供されます。パスワード、セッション Cookie、トークン、データが暗号化されずに流れ、通信経路上の誰でも盗み見たり改ざんしたりできます。',
    },
    remediation: {
      en: 'Add a spec.tls entry whose hosts list every host of the Ingress rules and whose secretName names a certificate Secret (cert-manager can issue and renew it), and have the controller redirect HTTP to HTTPS.',
      ja: 'Ingress のルールのすべてのホストを hosts に含み、証明書の Secret を secretName で指定した spec.tls エントリーを追加してください（cert-manager で発行と更新を自動化できます）。あわせて、コントローラーで HTTP から HTTPS へリダイレクトしてください。',
    },
    severity: 'medium',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
      'https://cert-manager.io/docs/usage/ingress/',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      noTls: {
        en: 'Ingress has no TLS configuration (spec.tls), so these hosts are served over plain HTTP: {{hosts}}.',
        ja: 'Ingress に TLS の設定 (spec.tls) がないため、次のホストが平文の HTTP で提供されます: {{hosts}}。',
      },
      noTlsNoHosts: {
        en: 'Ingress has no TLS configuration (spec.tls), so it serves traffic over plain HTTP.',
        ja: 'Ingress に TLS の設定 (spec.tls) がないため、平文の HTTP で通信を提供します。',
      },
      hostNotCovered: {
        en: 'Host "{{host}}" is not covered by any spec.tls[].hosts entry, so it is served over plain HTTP.',
        ja: 'ホスト "{{host}}" はどの spec.tls[].hosts にも含まれていないため、平文の HTTP で提供されます。',
      },
      ruleWithoutHost: {
        en: 'Rule spec.rules[{{rule}}] has no host, and every spec.tls entry names specific hosts, so requests matching it are not protected by a listed certificate.',
        ja: 'spec.rules[{{rule}}] にはホストがなく、spec.tls のエントリーはすべて特定のホストを指定しているため、このルールに一致するリクエストは指定された証明書で保護されません。',
      },
    },
    defaultOptions: {
      tlsAnnotations: [
        'alb.ingress.kubernetes.io/certificate-arn',
        'ingress.gcp.kubernetes.io/pre-shared-cert',
        'networking.gke.io/managed-certificates',
      ],
    },
    validateOptions(options) {
      const value = options.tlsAnnotations;
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? []
        : ['tlsAnnotations must be a list of strings'];
    },
  },
  check(resource, context) {
    if (!isBuiltinIngressApi(resource.object.apiVersion)) {
      return;
    }
    const spec = specOf(resource);
    if (spec === undefined) {
      return;
    }
    const annotations = resource.object.metadata?.annotations;
    if (
      isRecord(annotations) &&
      context.options.tlsAnnotations.some((name) => {
        const value = annotations[name];
        return typeof value === 'string' && value.trim() !== '';
      })
    ) {
      return;
    }
    const rules = Array.isArray(spec.rules) ? spec.rules : [];
    const tls = Array.isArray(spec.tls) ? spec.tls.filter(isRecord) : [];
    if (tls.length === 0) {
      const hosts = [
        ...new Set(
          rules
            .filter(isRecord)
            .map((rule) => rule.host)
            .filter((host): host is string => typeof host === 'string' && host !== ''),
        ),
      ];
      context.report(
        hosts.length === 0
          ? { messageId: 'noTlsNoHosts', pointer: '/spec' }
          : {
              messageId: 'noTls',
              data: { hosts: hosts.map((host) => `"${host}"`).join(', ') },
              pointer: '/spec',
            },
      );
      return;
    }
    const tlsHosts: string[] = [];
    let wildcardEntry = false;
    for (const entry of tls) {
      const hosts = Array.isArray(entry.hosts)
        ? entry.hosts.filter((host): host is string => typeof host === 'string')
        : [];
      if (hosts.length === 0) {
        wildcardEntry = true;
      }
      tlsHosts.push(...hosts);
    }
    if (wildcardEntry) {
      return;
    }
    rules.forEach((rule, index) => {
      if (!isRecord(rule)) {
        return;
      }
      const host = rule.host;
      if (typeof host !== 'string' || host === '') {
        context.report({
          messageId: 'ruleWithoutHost',
          data: { rule: index },
          pointer: `/spec/rules/${index}`,
        });
        return;
      }
      if (!tlsHosts.some((tlsHost) => tlsHostCovers(tlsHost, host))) {
        context.report({
          messageId: 'hostNotCovered',
          data: { host },
          pointer: `/spec/rules/${index}/host`,
        });
      }
    });
  },
});
