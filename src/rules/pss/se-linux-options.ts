/*
 * pss/se-linux-options: the Pod Security `seLinuxOptions` check (baseline, policy v1.0+;
 * container_engine_t allowed from v1.31).
 * Checked fields: spec.securityContext.seLinuxOptions and
 * {init,ephemeral,}containers[*].securityContext.seLinuxOptions: type (empty, container_t,
 * container_init_t, container_kvm_t, container_engine_t), user and role (unset).
 */
import type { SELinuxOptions } from '../../core/k8s.js';
import { seLinuxOptions } from '../../pss/checks/se-linux-options.js';
import { definePssRule } from './_factory.js';

const ALWAYS_ALLOWED_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

/** The offending field of an seLinuxOptions object, relative to it. */
function offending(options: SELinuxOptions | undefined): string {
  if (options?.type !== undefined && !ALWAYS_ALLOWED_TYPES.includes(options.type)) {
    return '/type';
  }
  if (options?.user !== undefined && options.user !== '') {
    return '/user';
  }
  if (options?.role !== undefined && options.role !== '') {
    return '/role';
  }
  return '/type';
}

export default definePssRule({
  check: seLinuxOptions,
  title: { en: 'Custom SELinux options', ja: 'SELinux オプションの変更' },
  description: {
    en: 'Baseline forbids setting a custom SELinux user or role, and allows only the container types container_t, container_init_t, container_kvm_t and (from policy version v1.31) container_engine_t: other types can lift the confinement of the container.',
    ja: 'Baseline は SELinux の user と role の指定を禁止し、type には container_t、container_init_t、container_kvm_t と（ポリシーバージョン v1.31 以降）container_engine_t だけを許可します。それ以外の type はコンテナの隔離を解除し得ます。',
  },
  remediation: {
    en: 'Remove seLinuxOptions.user and seLinuxOptions.role, and remove seLinuxOptions.type or set it to an allowed container type.',
    ja: 'seLinuxOptions.user と seLinuxOptions.role を削除し、seLinuxOptions.type は削除するか許可されたコンテナ用の type にしてください。',
  },
  pod: ({ workload, spec }) =>
    `${workload.specPointer}/securityContext/seLinuxOptions${offending(spec.securityContext?.seLinuxOptions)}`,
  container: ({ ref, container }) =>
    `${ref.pointer}/securityContext/seLinuxOptions${offending(container.securityContext?.seLinuxOptions)}`,
});
