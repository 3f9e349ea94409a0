/*
 * Containers must run with a seccomp profile.
 * Checked fields: securityContext.seccompProfile.type (container, else inherited from the pod);
 * when neither is set, the legacy annotations on the pod template,
 * container.seccomp.security.alpha.kubernetes.io/<container name> and then
 * seccomp.security.alpha.kubernetes.io/pod. Fields win over annotations.
 * Passing: RuntimeDefault or Localhost; annotations runtime/default, docker/default, localhost/*.
 * Unconfined (unconfined) fails with its own message; unset fails. A container confined only by
 * an annotation gets low-severity advice: Kubernetes 1.27 and later ignore the annotations.
 * Windows pods (spec.os.name: windows) are out of scope.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import {
  effectiveSetting,
  missingSettingPointer,
  type ContainerRef,
  type Workload,
} from '../../core/workload.js';
import { isWindowsPod, podAnnotation } from './_shared.js';

type MessageId = 'notSet' | 'unconfined' | 'invalidType' | 'legacyAnnotation';

const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';

type Verdict = 'confined' | 'unconfined' | 'invalid';

function fieldVerdict(type: string | undefined): Verdict {
  if (type === 'RuntimeDefault' || type === 'Localhost') {
    return 'confined';
  }
  return type === 'Unconfined' ? 'unconfined' : 'invalid';
}

function annotationVerdict(value: string): Verdict {
  if (value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')) {
    return 'confined';
  }
  return value === 'unconfined' ? 'unconfined' : 'invalid';
}

/** The profile that applies to a container, where it was set, and how. */
interface Resolved {
  verdict: Verdict;
  profile: string;
  pointer: string;
  /** The annotation key, when the profile comes from an annotation. */
  annotation?: string;
}

function resolveProfile(workload: Workload, ref: ContainerRef): Resolved | undefined {
  const field = effectiveSetting(workload, ref, 'seccompProfile');
  if (field !== undefined) {
    const type = field.value.type;
    return {
      verdict: fieldVerdict(type),
      profile: type ?? '',
      pointer: type === undefined ? field.pointer : `${field.pointer}/type`,
    };
  }
  const annotation =
    (ref.container.name === undefined
      ? undefined
      : podAnnotation(workload, CONTAINER_ANNOTATION_PREFIX + ref.container.name)) ??
    podAnnotation(workload, POD_ANNOTATION);
  if (annotation === undefined) {
    return undefined;
  }
  return {
    verdict: annotationVerdict(annotation.value),
    profile: annotation.value,
    pointer: annotation.pointer,
    annotation: annotation.key,
  };
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'hardening/seccomp',
    title: { en: 'Seccomp profile not enforced', ja: 'seccomp プロファイルが適用されていない' },
    description: {
      en: 'Seccomp filters the system calls a container may make and blocks many that kernel exploits rely on. Kubernetes runs containers without any filter (Unconfined) unless the pod asks for one or the kubelet is started with --seccomp-default, which is off by default.',
      ja: 'seccomp はコンテナが呼び出せるシステムコールを制限し、カーネルの脆弱性の悪用に使われる多くの呼び出しを遮断します。Pod で指定するか、kubelet を --seccomp-default 付きで起動しない限り（既定では無効）、Kubernetes はフィルタなし (Unconfined) でコンテナを実行します。',
    },
    remediation: {
      en: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile installed on the nodes). The seccomp annotations are deprecated and ignored by current Kubernetes versions; use the field.',
      ja: 'Pod の securityContext.seccompProfile.type に RuntimeDefault を設定してください（ノードにプロファイルを配置済みなら Localhost でも構いません）。seccomp のアノテーションは非推奨で、現行の Kubernetes では無視されるため、フィールドを使ってください。',
    },
    severity: 'medium',
    category: 'hardening',
    references: [
      'https://kubernetes.io/docs/tutorials/security/seccomp/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
    ],
    standards: [
      { framework: 'hardening', control: 'seccomp' },
      { framework: 'pss', control: 'baseline' },
      { framework: 'pss', control: 'restricted' },
      { framework: 'nsa', control: 'container-environment-hardening' },
    ],
    messages: {
      notSet: {
        en: 'Container "{{container}}" has no seccomp profile, so on most nodes it runs without system call filtering.',
        ja: 'コンテナ "{{container}}" に seccomp プロファイルが指定されていないため、多くのノードではシステムコールが制限されずに動作します。',
      },
      unconfined: {
        en: 'Container "{{container}}" disables seccomp with the Unconfined profile.',
        ja: 'コンテナ "{{container}}" が Unconfined プロファイルで seccomp を無効にしています。',
      },
      invalidType: {
        en: 'Container "{{container}}" sets an unknown seccomp profile "{{profile}}"; use RuntimeDefault or Localhost.',
        ja: 'コンテナ "{{container}}" が不明な seccomp プロファイル "{{profile}}" を指定しています。RuntimeDefault か Localhost を使ってください。',
      },
      legacyAnnotation: {
        en: 'Container "{{container}}" is confined only by the deprecated annotation {{annotation}}, which Kubernetes 1.27 and later ignore; set securityContext.seccompProfile instead.',
        ja: 'コンテナ "{{container}}" は非推奨のアノテーション {{annotation}} でのみ seccomp を指定しています。Kubernetes 1.27 以降では無視されるため、代わりに securityContext.seccompProfile を設定してください。',
      },
    },
    messageSeverities: { legacyAnnotation: 'low' },
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
      } else if (resolved.verdict !== 'confined') {
        context.report({
          messageId: resolved.verdict === 'unconfined' ? 'unconfined' : 'invalidType',
          data: { container: ref.name, profile: resolved.profile },
          pointer: resolved.pointer,
          container: ref.name,
        });
      } else if (resolved.annotation !== undefined) {
        context.report({
          messageId: 'legacyAnnotation',
          data: { container: ref.name, annotation: resolved.annotation },
          pointer: resolved.pointer,
          container: ref.name,
        });
      }
    }
  },
});
