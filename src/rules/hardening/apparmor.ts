/*
 * Containers should run under an AppArmor profile.
 * Checked, in the kubelet's order: the container's securityContext.appArmorProfile, then the
 * legacy pod template annotation container.apparmor.security.beta.kubernetes.io/<container name>
 * (runtime/default, localhost/*, unconfined; other values are ignored, as the kubelet does), then
 * the pod's securityContext.appArmorProfile.
 * Passing: RuntimeDefault or Localhost. Unconfined fails with its own message. Unset is reported
 * at low severity: the runtime applies its default profile on AppArmor nodes anyway, but not on
 * nodes without AppArmor, and an explicit profile makes the intent visible.
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import type { AppArmorProfile } from '../../core/k8s.js';
import { defineWorkloadRule } from '../../core/rule.js';
import {
  effectiveSetting,
  missingSettingPointer,
  type ContainerRef,
  type Workload,
} from '../../core/workload.js';
import { isWindowsPod, podAnnotation } from './_shared.js';

type MessageId = 'notSet' | 'unconfined' | 'invalidType';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** What the kubelet makes of an annotation value; undefined when it ignores the value. */
function annotationProfile(value: string): AppArmorProfile | undefined {
  if (value === 'runtime/default') {
    return { type: 'RuntimeDefault' };
  }
  if (value === 'unconfined') {
    return { type: 'Unconfined' };
  }
  if (value.startsWith('localhost/')) {
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) };
  }
  return undefined;
}

/**
 * The profile that applies to a container, in the kubelet's order: the container's field, its
 * annotation, then the pod's field.
 */
function resolveProfile(
  workload: Workload,
  ref: ContainerRef,
): { profile: AppArmorProfile; pointer: string } | undefined {
  const own = ref.container.securityContext?.appArmorProfile;
  const annotation =
    own !== undefined || ref.container.name === undefined
      ? undefined
      : podAnnotation(workload, ANNOTATION_PREFIX + ref.container.name);
  const annotated = annotation === undefined ? undefined : annotationProfile(annotation.value);
  if (annotation !== undefined && annotated !== undefined) {
    return { profile: annotated, pointer: annotation.pointer };
  }
  const field = effectiveSetting(workload, ref, 'appArmorProfile');
  if (field === undefined) {
    return undefined;
  }
  const pointer = field.value.type === undefined ? field.pointer : `${field.pointer}/type`;
  return { profile: field.value, pointer };
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/apparmor',
    title: { en: 'AppArmor profile not enforced', ja: 'AppArmor プロファイルが適用されていない' },
    description: {
      en: "AppArmor confines what a container's processes may access (files, mounts, raw sockets, kernel interfaces), which limits the damage when another layer fails. It only applies on nodes whose kernel has AppArmor enabled (for example Ubuntu, Debian and SUSE, and the default node images of GKE and AKS); elsewhere the setting has no effect. On AppArmor nodes the runtime's default profile applies when none is set, so an unset profile is reported at low severity; Unconfined, by contrast, switches the protection off.",
      ja: 'AppArmor はコンテナのプロセスがアクセスできる対象（ファイル、マウント、raw ソケット、カーネルのインターフェースなど）を制限し、他の防御層が破られたときの被害を抑えます。AppArmor が有効なカーネルのノード（Ubuntu、Debian、SUSE や、GKE・AKS の既定のノードイメージなど）でのみ効果があり、それ以外のノードでは設定しても何も起きません。AppArmor が有効なノードでは未指定でもランタイムの既定プロファイルが適用されるため、未指定は低い重大度で報告します。一方、Unconfined は保護そのものを無効にします。',
    },
    remediation: {
      en: 'Set securityContext.appArmorProfile.type: RuntimeDefault on the pod (or Localhost with a profile loaded on the nodes), and remove Unconfined profiles and unconfined annotations. The container.apparmor.security.beta.kubernetes.io annotations are deprecated since Kubernetes 1.30; use the field.',
      ja: 'Pod の securityContext.appArmorProfile.type に RuntimeDefault を設定し（ノードにプロファイルを読み込んでいれば Localhost でも構いません）、Unconfined の指定や unconfined のアノテーションを削除してください。container.apparmor.security.beta.kubernetes.io アノテーションは Kubernetes 1.30 で非推奨になったため、フィールドを使ってください。',
    },
    severity: 'low',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/tutorials/security/apparmor/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    standards: [
      { framework: 'hardening', control: 'apparmor' },
      { framework: 'pss', control: 'baseline' },
      { framework: 'nsa', control: 'container-environment-hardening' },
    ],
    messages: {
      notSet: {
        en: 'Container "{{container}}" sets no AppArmor profile and relies on the node default, which exists only on AppArmor nodes.',
        ja: 'コンテナ "{{container}}" は AppArmor プロファイルを指定しておらず、AppArmor が有効なノードにしかない既定の設定に頼っています。',
      },
      unconfined: {
        en: 'Container "{{container}}" disables AppArmor with the Unconfined profile.',
        ja: 'コンテナ "{{container}}" が Unconfined プロファイルで AppArmor を無効にしています。',
      },
      invalidType: {
        en: 'Container "{{container}}" sets an unknown AppArmor profile type "{{profile}}"; use RuntimeDefault or Localhost.',
        ja: 'コンテナ "{{container}}" が不明な AppArmor プロファイル種別 "{{profile}}" を指定しています。RuntimeDefault か Localhost を使ってください。',
      },
    },
    messageSeverities: { unconfined: 'medium', invalidType: 'medium' },
    defaultOptions: {},
  },
  check(workload, context) {
    if (isWindowsPod(workload)) {
      return;
    }
    for (const ref of workload.containers) {
      const resolved = resolveProfile(workload, ref);
      if (resolved === undefined) {
        context.report({
          messageId: 'notSet',
          data: { container: ref.name },
          pointer: missingSettingPointer(ref),
          container: ref.name,
        });
        continue;
      }
      const type = resolved.profile.type ?? '';
      if (type !== 'RuntimeDefault' && type !== 'Localhost') {
        context.report({
          messageId: type === 'Unconfined' ? 'unconfined' : 'invalidType',
          data: { container: ref.name, profile: type },
          pointer: resolved.pointer,
          container: ref.name,
        });
      }
    }
  },
});
