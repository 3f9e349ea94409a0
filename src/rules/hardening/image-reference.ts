/*
 * Containers should run an image that cannot change under them.
 * Checked fields: image and imagePullPolicy of every container.
 * Passing: an image pinned by digest (name@sha256:...), or one with an explicit tag other than
 * latest. A missing tag means latest; `registry:5000/app` has no tag (the colon belongs to the
 * registry host). For a mutable tag pulled with IfNotPresent or Never (IfNotPresent is the default
 * for tagged images), low-severity advice suggests Always or a digest; a digest turns it off.
 */
import { defineWorkloadRule } from '../../core/rule.js';

type MessageId = 'missingImage' | 'latestTag' | 'missingTag' | 'pullPolicy';

/** `algorithm:hex` as the distribution reference grammar defines a digest. */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

interface ImageReference {
  /** The tag, if the reference has one. */
  tag: string | undefined;
  /** Whether the reference carries a well-formed digest. */
  pinned: boolean;
}

/** Splits `[registry[:port]/]path[:tag][@digest]`. */
function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const pinned = at >= 0 && DIGEST.test(image.slice(at + 1));
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastComponent = named.slice(named.lastIndexOf('/') + 1);
  const colon = lastComponent.lastIndexOf(':');
  return { tag: colon >= 0 ? lastComponent.slice(colon + 1) : undefined, pinned };
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/image-reference',
    title: {
      en: 'Mutable or missing image reference',
      ja: '変更されうる、または未指定のイメージ参照',
    },
    description: {
      en: 'A tag is a movable pointer: latest, or no tag at all, changes whenever someone pushes, so what runs is neither reviewed nor reproducible, and a compromised registry account can swap it. A digest identifies exactly one image. With a mutable tag and the IfNotPresent pull policy, nodes also keep running whichever copy they pulled first.',
      ja: 'タグは付け替え可能な参照です。latest やタグなしの指定は誰かがプッシュするたびに中身が変わるため、実行されるイメージはレビューも再現もできず、レジストリのアカウントが乗っ取られれば差し替えられてしまいます。ダイジェストは 1 つのイメージだけを指します。また、変更されうるタグを IfNotPresent のプルポリシーで使うと、各ノードは最初に取得したイメージを使い続けます。',
    },
    remediation: {
      en: 'Reference images by an explicit version tag, preferably pinned by digest (registry/app:1.4.2@sha256:…), and let automation update the pins. If you keep mutable tags, set imagePullPolicy: Always.',
      ja: 'イメージは明示的なバージョンタグで指定し、できればダイジェストで固定してください (registry/app:1.4.2@sha256:…)。固定の更新は自動化ツールに任せられます。変更されうるタグを使い続ける場合は imagePullPolicy: Always を設定してください。',
    },
    severity: 'medium',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
    ],
    standards: [
      { framework: 'hardening', control: 'image-reference' },
      { framework: 'nsa', control: 'secure-images' },
    ],
    messages: {
      missingImage: {
        en: 'Container "{{container}}" has no image.',
        ja: 'コンテナ "{{container}}" にイメージが指定されていません。',
      },
      latestTag: {
        en: 'Container "{{container}}" uses the mutable tag latest ("{{image}}"); use a version tag or a digest.',
        ja: 'コンテナ "{{container}}" が変更されうる latest タグ ("{{image}}") を使っています。バージョンタグかダイジェストを指定してください。',
      },
      missingTag: {
        en: 'Container "{{container}}" uses "{{image}}" without a tag, which means latest; use a version tag or a digest.',
        ja: 'コンテナ "{{container}}" がタグなしの "{{image}}" を使っており、latest と同じ意味になります。バージョンタグかダイジェストを指定してください。',
      },
      pullPolicy: {
        en: 'Container "{{container}}" pulls the mutable tag "{{image}}" with imagePullPolicy {{policy}}, so nodes may run different images; set Always or pin a digest.',
        ja: 'コンテナ "{{container}}" は変更されうるタグ "{{image}}" を imagePullPolicy {{policy}} で取得するため、ノードごとに異なるイメージが動く可能性があります。Always にするかダイジェストで固定してください。',
      },
    },
    messageSeverities: { pullPolicy: 'low' },
    defaultOptions: {},
  },
  check(workload, context) {
    for (const ref of workload.containers) {
      const image = ref.container.image?.trim() ?? '';
      if (image === '') {
        context.report({
          messageId: 'missingImage',
          data: { container: ref.name },
          pointer: ref.container.image === undefined ? ref.pointer : `${ref.pointer}/image`,
          container: ref.name,
        });
        continue;
      }
      const { tag, pinned } = parseImageReference(image);
      if (pinned) {
        continue;
      }
      const imagePointer = `${ref.pointer}/image`;
      if (tag === undefined || tag === '') {
        context.report({
          messageId: 'missingTag',
          data: { container: ref.name, image },
          pointer: imagePointer,
          container: ref.name,
        });
      } else if (tag === 'latest') {
        context.report({
          messageId: 'latestTag',
          data: { container: ref.name, image },
          pointer: imagePointer,
          container: ref.name,
        });
      }
      const explicitPolicy = ref.container.imagePullPolicy;
      // The API server defaults the policy to Always for latest or no tag, else IfNotPresent.
      const policy =
        explicitPolicy ??
        (tag === undefined || tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent');
      if (policy === 'IfNotPresent' || policy === 'Never') {
        context.report({
          messageId: 'pullPolicy',
          data: { container: ref.name, image, policy },
          pointer: explicitPolicy === undefined ? ref.pointer : `${ref.pointer}/imagePullPolicy`,
          container: ref.name,
        });
      }
    }
  },
});
