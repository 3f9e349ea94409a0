/*
 * Images should come only from registries the organisation trusts.
 * Checked field: image of every container (init, regular and ephemeral).
 * Each image is resolved to its full repository the way container runtimes do: a first path
 * component with a dot or a colon, or `localhost`, is a registry host; anything else is on Docker
 * Hub, and a one-component name is an official image (`nginx` is docker.io/library/nginx).
 * Passing: the repository equals an entry of allowedRegistries or lies under it (on a `/`
 * boundary); `*` in an entry matches any run of characters within one path component. With the
 * default empty list every image passes, so the rule does nothing until it is configured.
 */
import { defineWorkloadRule } from '../../core/rule.js';

type MessageId = 'notAllowed';

interface Options {
  /** Registry hosts, optionally followed by a repository path prefix. */
  allowedRegistries: string[];
}

/** Host names that all mean Docker Hub. */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** The full repository of an image reference, without tag or digest. */
export function repositoryOf(image: string): string {
  const at = image.indexOf('@');
  let named = at >= 0 ? image.slice(0, at) : image;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  if (colon > slash) {
    named = named.slice(0, colon);
  }
  const components = named.split('/');
  const first = components[0] ?? '';
  let registry = 'docker.io';
  let path = components;
  if (components.length > 1 && isRegistryHost(first)) {
    registry = first.toLowerCase();
    path = components.slice(1);
  }
  if (DOCKER_HUB_ALIASES.has(registry)) {
    registry = 'docker.io';
    if (path.length === 1) {
      path = ['library', ...path];
    }
  }
  return [registry, ...path].join('/');
}

/** An allow-list entry as a pattern, or why it is not a valid entry. */
function entryPattern(entry: string): RegExp | string {
  const trimmed = entry.trim().replace(/\/+$/, '');
  if (trimmed === '') {
    return 'entries of allowedRegistries must not be empty';
  }
  if (trimmed.includes('://') || trimmed.includes('@')) {
    return `allowedRegistries entry "${entry}" must be a registry host with an optional path, without a scheme or digest`;
  }
  const [host = '', ...path] = trimmed.split('/');
  if (!isRegistryHost(host)) {
    return `allowedRegistries entry "${entry}" must start with a registry host (write docker.io/${trimmed} for Docker Hub)`;
  }
  const registry = DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? 'docker.io' : host.toLowerCase();
  const source = [registry, ...path]
    .join('/')
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}(?:/.*)?$`);
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'images/allowed-registries',
    title: {
      en: 'Image from a registry outside the allow-list',
      ja: '許可リスト外のレジストリのイメージ',
    },
    description: {
      en: "Images pulled from arbitrary registries bypass the scanning, signing and retention your own registry enforces, and a typo or a look-alike name on a public registry can pull an attacker's image. Restricting workloads to known registries (or to mirrors of the public images you approved) keeps the supply chain reviewable.",
      ja: '任意のレジストリから取得したイメージは、自組織のレジストリで行っているスキャン、署名、保持の管理をすり抜けます。また、パブリックレジストリ上の打ち間違いや紛らわしい名前によって攻撃者のイメージを取得してしまうおそれがあります。ワークロードが使うレジストリを既知のもの（または承認したパブリックイメージのミラー）に限定すれば、サプライチェーンをレビュー可能な状態に保てます。',
    },
    remediation: {
      en: 'Pull the image from an approved registry (mirror or re-publish public images there), or add the registry to allowedRegistries if it is trusted. Enforce the same list at admission time, for example with a policy engine.',
      ja: '承認済みのレジストリからイメージを取得してください（パブリックイメージはミラーするか再公開します）。信頼できるレジストリであれば allowedRegistries に追加してください。ポリシーエンジンなどでアドミッション時にも同じリストを強制してください。',
    },
    severity: 'medium',
    category: 'images',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/security/application-security-checklist/#images',
    ],
    standards: [{ framework: 'nsa', control: 'secure-images' }],
    disabledByDefault: true,
    messages: {
      notAllowed: {
        en: 'Container "{{container}}" uses image "{{image}}" from repository {{repository}}, which no entry of allowedRegistries covers.',
        ja: 'コンテナ "{{container}}" のイメージ "{{image}}" (リポジトリ {{repository}}) は、allowedRegistries のどのエントリにも含まれません。',
      },
    },
    defaultOptions: { allowedRegistries: [] },
    validateOptions(options) {
      const value = options.allowedRegistries;
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        return ['allowedRegistries must be a list of strings'];
      }
      return value.flatMap((entry: string) => {
        const pattern = entryPattern(entry);
        return typeof pattern === 'string' ? [pattern] : [];
      });
    },
  },
  check(workload, context) {
    const patterns = context.options.allowedRegistries.flatMap((entry) => {
      const pattern = entryPattern(entry);
      return typeof pattern === 'string' ? [] : [pattern];
    });
    if (patterns.length === 0) {
      return;
    }
    for (const ref of workload.containers) {
      const image = ref.container.image?.trim() ?? '';
      if (image === '') {
        // hardening/image-reference reports a missing image.
        continue;
      }
      const repository = repositoryOf(image);
      if (!patterns.some((pattern) => pattern.test(repository))) {
        context.report({
          messageId: 'notAllowed',
          data: { container: ref.name, image, repository },
          pointer: `${ref.pointer}/image`,
          container: ref.name,
        });
      }
    }
  },
});
