/*
 * Ingresses should name the hosts they serve.
 * Checked: Ingresses (networking.k8s.io, extensions). Reported:
 * - a rule whose host is absent or empty: it matches requests for any host name (at the rule);
 * - a rule whose host is a wildcard (`*.example.com`): it matches every name one label below
 *   (at the host);
 * - spec.defaultBackend (spec.backend in extensions/v1beta1 and networking.k8s.io/v1beta1): it
 *   answers every request that no rule matches, whatever its host (at the field).
 */
import { defineResourceRule } from '../../core/rule.js';
import { isBuiltinIngressApi, isRecord, specOf } from './_net.js';

type MessageId = 'noHost' | 'wildcardHost' | 'defaultBackend';

export default defineResourceRule<MessageId>({
  kinds: ['Ingress'],
  meta: {
    id: 'network/ingress-wildcard-host',
    title: { en: 'Ingress that accepts any host name', ja: '任意のホスト名を受け付ける Ingress' },
    description: {
      en: "An Ingress rule without a host, a wildcard host or a default backend makes the controller route requests to the backend whatever Host header they carry. Any DNS name that points at the load balancer, including stale records and names an attacker registers, then serves the application, which helps phishing and host-header attacks, defeats DNS-rebinding protections, and can expose internal services through the shared controller's public address.",
      ja: 'ホストのない Ingress ルール、ワイルドカードのホスト、デフォルトバックエンドがあると、コントローラーは Host ヘッダーが何であってもリクエストをバックエンドへ転送します。古くなったレコードや攻撃者が登録した名前を含め、ロードバランサーを指す任意の DNS 名でアプリケーションが提供されることになり、フィッシングや Host ヘッダー攻撃を助け、DNS リバインディング対策を無効にし、共有コントローラーの公開アドレスを通じて内部サービスを露出させるおそれがあります。',
    },
    remediation: {
      en: 'Give every rule the exact host names the application serves and remove the default backend, leaving requests for unknown hosts to the controller, which answers them with 404. Use a wildcard host only for applications that really serve every subdomain, such as per-tenant names.',
      ja: 'すべてのルールにアプリケーションが提供する正確なホスト名を指定し、デフォルトバックエンドを削除してください。未知のホストへのリクエストはコントローラーが 404 で応答します。ワイルドカードのホストは、テナントごとの名前のように本当にすべてのサブドメインを提供するアプリケーションに限ってください。',
    },
    severity: 'low',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#name-based-virtual-hosting',
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      noHost: {
        en: 'Rule spec.rules[{{rule}}] has no host, so it routes requests for any host name to its backends.',
        ja: 'spec.rules[{{rule}}] にはホストがないため、任意のホスト名へのリクエストをバックエンドへ転送します。',
      },
      wildcardHost: {
        en: 'Rule spec.rules[{{rule}}] has the wildcard host "{{host}}", so it routes requests for every name it matches to its backends.',
        ja: 'spec.rules[{{rule}}] のホストはワイルドカード "{{host}}" のため、一致するすべての名前へのリクエストをバックエンドへ転送します。',
      },
      defaultBackend: {
        en: 'The Ingress sets spec.{{field}}, which receives every request no rule matches, whatever its host name.',
        ja: 'Ingress が spec.{{field}} を設定しており、どのルールにも一致しないリクエストを、ホスト名にかかわらずすべて受け取ります。',
      },
    },
    defaultOptions: {},
  },
  check(resource, context) {
    const spec = specOf(resource);
    if (!isBuiltinIngressApi(resource.object.apiVersion) || spec === undefined) {
      return;
    }
    for (const field of ['defaultBackend', 'backend']) {
      if (isRecord(spec[field])) {
        context.report({ messageId: 'defaultBackend', data: { field }, pointer: `/spec/${field}` });
      }
    }
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: unknown, index) => {
      if (!isRecord(rule)) {
        return;
      }
      const host = typeof rule.host === 'string' ? rule.host.trim() : '';
      if (host === '') {
        context.report({
          messageId: 'noHost',
          data: { rule: index },
          pointer: `/spec/rules/${index}`,
        });
      } else if (host.startsWith('*')) {
        context.report({
          messageId: 'wildcardHost',
          data: { rule: index, host },
          pointer: `/spec/rules/${index}/host`,
        });
      }
    });
  },
});
