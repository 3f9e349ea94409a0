/*
 * Ingresses should not inject raw NGINX configuration into a shared controller (CVE-2021-25742).
 * Checked:
 * - Ingresses: annotations under a prefix of the annotationPrefixes option whose name ends with
 *   -snippet or -snippets (ingress-nginx configuration-snippet, server-snippet, auth-snippet,
 *   stream-snippet, modsecurity-snippet; F5 NGINX nginx.org/server-snippets and
 *   location-snippets). One finding per annotation with a non-empty value.
 * - ConfigMaps: the ingress-nginx controller settings that let Ingresses use snippets,
 *   allow-snippet-annotations: "true" and annotations-risk-level: Critical. These keys belong to
 *   ingress-nginx alone, so the ConfigMap is recognised by them whatever its name.
 */
import type { Resource } from '../../core/model.js';
import { defineResourceRule, type RuleContext } from '../../core/rule.js';
import { escapePointerToken } from '../../core/sanitize.js';
import { isRecord } from './_net.js';

type MessageId = 'snippet' | 'allowSnippets' | 'criticalRiskLevel';

interface Options {
  /** Annotation prefixes of NGINX-based controllers whose snippet annotations are reported. */
  annotationPrefixes: string[];
}

function checkIngress(resource: Resource, context: RuleContext<MessageId, Options>): void {
  const annotations = resource.object.metadata?.annotations;
  if (!isRecord(annotations)) {
    return;
  }
  for (const [name, value] of Object.entries(annotations)) {
    const slash = name.indexOf('/');
    if (
      slash < 0 ||
      !context.options.annotationPrefixes.includes(name.slice(0, slash)) ||
      !/-snippets?$/.test(name) ||
      typeof value !== 'string' ||
      value.trim() === ''
    ) {
      continue;
    }
    context.report({
      messageId: 'snippet',
      data: { annotation: name },
      pointer: `/metadata/annotations/${escapePointerToken(name)}`,
    });
  }
}

function checkControllerConfig(resource: Resource, context: RuleContext<MessageId, Options>): void {
  const data = resource.object.data;
  if (!isRecord(data)) {
    return;
  }
  const allow = data['allow-snippet-annotations'];
  if (typeof allow === 'string' && allow.trim().toLowerCase() === 'true') {
    context.report({ messageId: 'allowSnippets', pointer: '/data/allow-snippet-annotations' });
  }
  const risk = data['annotations-risk-level'];
  if (typeof risk === 'string' && risk.trim().toLowerCase() === 'critical') {
    context.report({ messageId: 'criticalRiskLevel', pointer: '/data/annotations-risk-level' });
  }
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Ingress', 'ConfigMap'],
  meta: {
    id: 'network/ingress-nginx-snippet',
    title: { en: 'NGINX configuration snippet', ja: 'NGINX 設定スニペット' },
    description: {
      en: "Snippet annotations copy raw NGINX configuration from an Ingress into the configuration of the ingress controller, which is shared by every Ingress it serves and whose service account can read the Secrets of the whole cluster. Anyone allowed to create or edit an Ingress can use them to read files and tokens from the controller (CVE-2021-25742), serve other tenants' hosts or turn off their authentication.",
      ja: 'スニペットアノテーションは、Ingress に書かれた NGINX の設定をそのまま Ingress コントローラーの設定に取り込みます。コントローラーの設定は担当するすべての Ingress で共有され、そのサービスアカウントはクラスター全体の Secret を読み取れます。Ingress を作成・編集できる者なら誰でも、これを使ってコントローラーのファイルやトークンを読み取ったり (CVE-2021-25742)、他のテナントのホストを乗っ取ったり、その認証を無効にしたりできます。',
    },
    remediation: {
      en: 'Replace the snippet with the dedicated annotations or controller settings for the same purpose (headers, rewrites, authentication, rate limits), or move the configuration to the controller ConfigMap, which only its administrators edit. Keep allow-snippet-annotations at "false" and annotations-risk-level below Critical in the ingress-nginx ConfigMap. Where snippets are unavoidable, give the tenant its own controller.',
      ja: 'スニペットは、同じ目的のための専用アノテーションやコントローラーの設定（ヘッダー、リライト、認証、レート制限）に置き換えるか、管理者だけが編集するコントローラーの ConfigMap に移してください。ingress-nginx の ConfigMap では allow-snippet-annotations を "false" に、annotations-risk-level を Critical 未満に保ってください。スニペットがどうしても必要な場合は、そのテナント専用のコントローラーを用意してください。',
    },
    severity: 'high',
    category: 'network',
    references: [
      'https://github.com/kubernetes/ingress-nginx/issues/7837',
      'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#allow-snippet-annotations',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      snippet: {
        en: 'Ingress annotation "{{annotation}}" injects raw NGINX configuration into the shared ingress controller.',
        ja: 'Ingress のアノテーション "{{annotation}}" が、共有の Ingress コントローラーに NGINX の設定をそのまま注入します。',
      },
      allowSnippets: {
        en: 'The ingress-nginx setting allow-snippet-annotations is "true", so every Ingress may inject raw NGINX configuration into the controller.',
        ja: 'ingress-nginx の設定 allow-snippet-annotations が "true" のため、すべての Ingress がコントローラーに NGINX の設定をそのまま注入できます。',
      },
      criticalRiskLevel: {
        en: 'The ingress-nginx setting annotations-risk-level is Critical, so Ingresses may use annotations of every risk level, snippets included.',
        ja: 'ingress-nginx の設定 annotations-risk-level が Critical のため、Ingress はスニペットを含むすべてのリスクレベルのアノテーションを使用できます。',
      },
    },
    messageSeverities: { criticalRiskLevel: 'medium' },
    defaultOptions: { annotationPrefixes: ['nginx.ingress.kubernetes.io', 'nginx.org'] },
    validateOptions(options) {
      const value = options.annotationPrefixes;
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')
        ? []
        : ['annotationPrefixes must be a list of non-empty strings'];
    },
  },
  check(resource, context) {
    if (resource.object.kind === 'Ingress') {
      checkIngress(resource, context);
    } else {
      checkControllerConfig(resource, context);
    }
  },
});
