/*
 * Images should not come from the frozen Kubernetes project registry k8s.gcr.io.
 * Checked field: image of every container (init, regular and ephemeral), resolved to its
 * repository as in images/allowed-registries.
 * Reported: repositories on k8s.gcr.io (or a regional host under it, such as eu.k8s.gcr.io) and
 * under gcr.io/google_containers or gcr.io/google-containers, the project that served it. The
 * message names the replacement on registry.k8s.io, which serves the same paths.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { repositoryOf } from './allowed-registries.js';

type MessageId = 'deprecatedRegistry';

/** The frozen repositories, as prefixes of a resolved repository (ending at a `/`). */
const FROZEN_PREFIXES = ['gcr.io/google_containers/', 'gcr.io/google-containers/'];

/** What the host of every frozen repository contains (registry hosts are case-insensitive). */
const GCR = /gcr\.io/i;

/** The path of the image under the frozen registry, or undefined when it is elsewhere. */
export function frozenPath(repository: string): string | undefined {
  const slash = repository.indexOf('/');
  const host = slash < 0 ? repository : repository.slice(0, slash);
  if (host === 'k8s.gcr.io' || host.endsWith('.k8s.gcr.io')) {
    return slash < 0 ? '' : repository.slice(slash + 1);
  }
  const prefix = FROZEN_PREFIXES.find((candidate) => repository.startsWith(candidate));
  return prefix === undefined ? undefined : repository.slice(prefix.length);
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'images/deprecated-registry',
    title: {
      en: 'Image from the frozen k8s.gcr.io registry',
      ja: '凍結された k8s.gcr.io レジストリのイメージ',
    },
    description: {
      en: 'The Kubernetes project stopped publishing to k8s.gcr.io in April 2023 and moved to registry.k8s.io. Nothing new lands in the old registry: no new releases and no rebuilt images with security fixes, and the project has warned that it may stop serving it altogether, at which point pods that still pull from it fail to start on new nodes.',
      ja: 'Kubernetes プロジェクトは 2023 年 4 月に k8s.gcr.io への公開を停止し、registry.k8s.io に移行しました。旧レジストリには新しいリリースもセキュリティ修正を含む再ビルドも追加されません。また、プロジェクトは配信自体を停止する可能性があると告知しており、そうなると旧レジストリから取得する Pod は新しいノードで起動できなくなります。',
    },
    remediation: {
      en: 'Replace the registry host with registry.k8s.io (the image paths are the same), then move to a current, supported version of the image. Mirror the images into your own registry if you pin them.',
      ja: 'レジストリのホストを registry.k8s.io に置き換え（イメージのパスは同じです）、サポートされている最新のバージョンに更新してください。イメージを固定して使う場合は、自組織のレジストリにミラーしてください。',
    },
    severity: 'medium',
    category: 'images',
    references: [
      'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/',
      'https://kubernetes.io/blog/2023/03/10/image-registry-redirect/',
    ],
    standards: [{ framework: 'nsa', control: 'secure-images' }],
    messages: {
      deprecatedRegistry: {
        en: 'Container "{{container}}" pulls image "{{image}}" from the frozen registry k8s.gcr.io; use registry.k8s.io/{{path}} instead.',
        ja: 'コンテナ "{{container}}" はイメージ "{{image}}" を凍結されたレジストリ k8s.gcr.io から取得しています。代わりに registry.k8s.io/{{path}} を使ってください。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    for (const ref of workload.containers) {
      const image = ref.container.image?.trim() ?? '';
      // Every frozen repository is on a gcr.io host: most images need no parsing.
      if (image === '' || !GCR.test(image)) {
        continue;
      }
      const path = frozenPath(repositoryOf(image));
      if (path === undefined) {
        continue;
      }
      context.report({
        messageId: 'deprecatedRegistry',
        data: { container: ref.name, image, path },
        pointer: `${ref.pointer}/image`,
        container: ref.name,
      });
    }
  },
});
