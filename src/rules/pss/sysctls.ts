/*
 * pss/sysctls: the Pod Security `sysctls` check (baseline; the allowed list grows at policy
 * versions v1.27, v1.29, v1.32 and v1.37).
 * Checked field: spec.securityContext.sysctls[*].name
 * Passing values: the namespaced sysctls known to be safe at the version.
 */
import { sysctls } from '../../pss/checks/sysctls.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: sysctls,
  title: { en: 'Unsafe sysctl', ja: '安全でない sysctl' },
  description: {
    en: 'Baseline allows only the sysctls known to be isolated between pods (such as net.ipv4.ip_local_port_range); the others can affect every pod on the node or the node itself.',
    ja: 'Baseline は Pod 間で分離されていることが分かっている sysctl（net.ipv4.ip_local_port_range など）だけを許可します。その他の sysctl はノード上のすべての Pod やノード自体に影響し得ます。',
  },
  remediation: {
    en: 'Remove the sysctl from spec.securityContext.sysctls, or set it on the node instead.',
    ja: 'spec.securityContext.sysctls からその sysctl を削除するか、代わりにノード側で設定してください。',
  },
  pod: ({ workload, spec, metadata, check }) => {
    const field = `${workload.specPointer}/securityContext/sysctls`;
    const entries = spec.securityContext?.sysctls ?? [];
    const index = entries.findIndex(
      (entry) =>
        entry !== undefined && !check(metadata, { securityContext: { sysctls: [entry] } }).allowed,
    );
    return index < 0 ? field : `${field}/${index}/name`;
  },
});
