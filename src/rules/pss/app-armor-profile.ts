/*
 * pss/app-armor-profile: the Pod Security `appArmorProfile` check (baseline, policy v1.0+).
 * Checked fields: spec.securityContext.appArmorProfile.type,
 * {init,ephemeral,}containers[*].securityContext.appArmorProfile.type (RuntimeDefault or
 * Localhost), and the annotations container.apparmor.security.beta.kubernetes.io/* (empty,
 * runtime/default or localhost/*).
 */
import { appArmorProfile } from '../../pss/checks/app-armor-profile.js';
import { annotationPointer, definePssRule } from './_factory.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function allowedType(type: string | undefined): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function allowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export default definePssRule({
  check: appArmorProfile,
  title: { en: 'AppArmor profile overridden', ja: 'AppArmor プロファイルの無効化' },
  description: {
    en: 'Baseline forbids disabling the default AppArmor profile: an appArmorProfile of the pod or of a container must have type RuntimeDefault or Localhost, and the beta AppArmor annotations may only name runtime/default or a localhost/ profile.',
    ja: 'Baseline は既定の AppArmor プロファイルの無効化を禁止します。Pod やコンテナの appArmorProfile の type は RuntimeDefault か Localhost、ベータ版の AppArmor 注釈の値は runtime/default か localhost/ で始まるプロファイルに限られます。',
  },
  remediation: {
    en: 'Remove appArmorProfile (the runtime default then applies) or set its type to RuntimeDefault or Localhost; remove AppArmor annotations that say unconfined.',
    ja: 'appArmorProfile を削除する（ランタイムの既定が適用されます）か、type を RuntimeDefault または Localhost にしてください。unconfined を指定する AppArmor 注釈は削除してください。',
  },
  pod: ({ workload, spec, metadata }) => {
    const profile = spec.securityContext?.appArmorProfile;
    const field = `${workload.specPointer}/securityContext/appArmorProfile`;
    if (profile !== undefined && !allowedType(profile.type)) {
      return `${field}/type`;
    }
    const annotation = Object.entries(metadata.annotations ?? {}).find(
      ([key, value]) => key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(value),
    );
    return annotation === undefined ? field : annotationPointer(workload, annotation[0]);
  },
  container: ({ ref }) => `${ref.pointer}/securityContext/appArmorProfile/type`,
});
