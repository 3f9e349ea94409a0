/*
 * pss/privileged: the Pod Security `privileged` check (baseline, policy v1.0+).
 * Checked field: {init,ephemeral,}containers[*].securityContext.privileged
 * Passing values: false, or unset.
 */
import { privileged } from '../../pss/checks/privileged.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: privileged,
  title: { en: 'Privileged container', ja: '特権コンテナ' },
  description: {
    en: 'Baseline forbids privileged containers: they have every capability and direct access to the host devices, so escaping to the node is trivial.',
    ja: 'Baseline は特権コンテナを禁止します。特権コンテナはすべてのケーパビリティとホストデバイスへの直接アクセスを持ち、ノードへの脱出が容易です。',
  },
  remediation: {
    en: 'Remove securityContext.privileged or set it to false; add only the specific capabilities the process needs.',
    ja: 'securityContext.privileged を削除するか false にし、プロセスに必要なケーパビリティだけを個別に追加してください。',
  },
  container: ({ ref }) => `${ref.pointer}/securityContext/privileged`,
});
