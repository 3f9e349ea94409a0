/*
 * A Service of type LoadBalancer gets an internet-facing load balancer on most clouds unless it
 * asks for an internal one or limits the client addresses.
 * Checked: core v1 Services with spec.type LoadBalancer.
 * Passing: an internal load-balancer annotation (AWS, Azure, GCP, or one from the
 * internalAnnotations option), or source ranges none of which is a /0 block. Source ranges come
 * from spec.loadBalancerSourceRanges, or when that is empty from the legacy annotation
 * service.beta.kubernetes.io/load-balancer-source-ranges (comma-separated), as cloud providers
 * read them.
 */
import { escapePointerToken } from '../../core/sanitize.js';
import { defineResourceRule } from '../../core/rule.js';
import { describePorts, isCoreService, isRecord, parseCidr, specOf } from './_net.js';

type MessageId = 'noSourceRanges' | 'openSourceRange';

interface Options {
  /** Extra annotations (name → value, compared without case) that make a load balancer internal. */
  internalAnnotations: Record<string, string>;
}

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** Values Go's strconv.ParseBool reads as true (the AWS Load Balancer Controller parses so). */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** Built-in internal load-balancer annotations: name → whether a value means internal. */
const INTERNAL_ANNOTATIONS: Readonly<Record<string, (value: string) => boolean>> = {
  // Legacy in-tree AWS provider and the AWS Load Balancer Controller; old documentation used
  // the value 0.0.0.0/0, which the in-tree provider also reads as internal.
  'service.beta.kubernetes.io/aws-load-balancer-internal': (value) =>
    GO_TRUE.has(value.trim()) || value.trim() === '0.0.0.0/0',
  'service.beta.kubernetes.io/aws-load-balancer-scheme': (value) =>
    value.trim().toLowerCase() === 'internal',
  'service.beta.kubernetes.io/azure-load-balancer-internal': (value) =>
    value.trim().toLowerCase() === 'true',
  'networking.gke.io/load-balancer-type': (value) => value.trim().toLowerCase() === 'internal',
  'cloud.google.com/load-balancer-type': (value) => value.trim().toLowerCase() === 'internal',
};

function isInternal(annotations: unknown, extra: Readonly<Record<string, string>>): boolean {
  if (!isRecord(annotations)) {
    return false;
  }
  for (const [name, value] of Object.entries(annotations)) {
    if (typeof value !== 'string') {
      continue;
    }
    if (INTERNAL_ANNOTATIONS[name]?.(value) === true) {
      return true;
    }
    const wanted = extra[name];
    if (wanted !== undefined && wanted.trim().toLowerCase() === value.trim().toLowerCase()) {
      return true;
    }
  }
  return false;
}

/** Whether a source range admits every address of its family (`0.0.0.0/0`, `::/0`). */
function isOpenRange(text: string): boolean {
  return parseCidr(text)?.prefix === 0;
}

/** The effective source ranges with the pointer of each, or undefined when none are set. */
function sourceRanges(
  spec: Record<string, unknown>,
  annotations: unknown,
): { field: string; ranges: { range: string; pointer: string }[] } | undefined {
  const listed: unknown = spec.loadBalancerSourceRanges;
  if (Array.isArray(listed) && listed.length > 0) {
    const ranges: { range: string; pointer: string }[] = [];
    (listed as unknown[]).forEach((range, index) => {
      if (typeof range === 'string') {
        ranges.push({ range, pointer: `/spec/loadBalancerSourceRanges/${index}` });
      }
    });
    return { field: 'spec.loadBalancerSourceRanges', ranges };
  }
  const annotation = isRecord(annotations) ? annotations[SOURCE_RANGES_ANNOTATION] : undefined;
  if (typeof annotation !== 'string' || annotation.trim() === '') {
    return undefined;
  }
  const pointer = `/metadata/annotations/${escapePointerToken(SOURCE_RANGES_ANNOTATION)}`;
  return {
    field: SOURCE_RANGES_ANNOTATION,
    ranges: annotation
      .split(',')
      .map((range) => range.trim())
      .filter((range) => range !== '')
      .map((range) => ({ range, pointer })),
  };
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['Service'],
  meta: {
    id: 'network/public-load-balancer',
    title: {
      en: 'LoadBalancer Service open to the internet',
      ja: 'インターネットに公開された LoadBalancer Service',
    },
    description: {
      en: 'On AWS, Azure, GCP and most other clouds a Service of type LoadBalancer gets a public address that accepts connections from anywhere, unless it is marked internal or its client addresses are limited with loadBalancerSourceRanges. Services exposed by mistake, such as databases, dashboards and admin ports, are a common way into clusters.',
      ja: 'AWS、Azure、GCP をはじめ多くのクラウドでは、type が LoadBalancer の Service には、内部向けと指定するか loadBalancerSourceRanges で接続元を制限しない限り、どこからでも接続できるパブリックアドレスが割り当てられます。データベース、ダッシュボード、管理用ポートなどの意図しない公開は、クラスターへの侵入経路としてよく使われます。',
    },
    remediation: {
      en: "Use an internal load balancer (the provider's internal annotation) for anything that only clients inside your network need, or list the allowed client CIDRs in spec.loadBalancerSourceRanges. Publish web applications through an Ingress or Gateway instead of one load balancer per Service.",
      ja: 'ネットワーク内のクライアントだけが使うものには内部ロードバランサー（各クラウドの internal 用アノテーション）を使い、そうでなければ許可するクライアントの CIDR を spec.loadBalancerSourceRanges に列挙してください。Web アプリケーションは Service ごとのロードバランサーではなく Ingress や Gateway で公開してください。',
    },
    severity: 'medium',
    category: 'network',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer',
      'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
      'https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer',
    ],
    standards: [{ framework: 'nsa', control: 'network-separation' }],
    messages: {
      noSourceRanges: {
        en: 'Service of type LoadBalancer exposes {{ports}} to any address: it sets no loadBalancerSourceRanges and no internal load-balancer annotation.',
        ja: 'type が LoadBalancer の Service が {{ports}} をあらゆるアドレスに公開しています。loadBalancerSourceRanges も内部ロードバランサーのアノテーションも設定されていません。',
      },
      openSourceRange: {
        en: 'Source range "{{range}}" in {{field}} admits every address, so the load balancer exposes {{ports}} to the internet.',
        ja: '{{field}} に全アドレスを許可する "{{range}}" が含まれているため、ロードバランサーが {{ports}} をインターネットに公開しています。',
      },
    },
    defaultOptions: { internalAnnotations: {} },
    validateOptions(options) {
      const value = options.internalAnnotations;
      return isRecord(value) && Object.values(value).every((item) => typeof item === 'string')
        ? []
        : ['internalAnnotations must map annotation names to string values'];
    },
  },
  check(resource, context) {
    if (!isCoreService(resource)) {
      return;
    }
    const spec = specOf(resource);
    if (spec === undefined || spec.type !== 'LoadBalancer') {
      return;
    }
    const annotations = resource.object.metadata?.annotations;
    if (isInternal(annotations, context.options.internalAnnotations)) {
      return;
    }
    const ports = describePorts(spec);
    const ranges = sourceRanges(spec, annotations);
    if (ranges === undefined) {
      context.report({ messageId: 'noSourceRanges', data: { ports }, pointer: '/spec/type' });
      return;
    }
    for (const { range, pointer } of ranges.ranges) {
      if (isOpenRange(range)) {
        context.report({
          messageId: 'openSourceRange',
          data: { field: ranges.field, range, ports },
          pointer,
        });
        // The annotation is one field: report it once.
        if (ranges.field === SOURCE_RANGES_ANNOTATION) {
          return;
        }
      }
    }
  },
});
