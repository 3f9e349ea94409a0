/*
 * pss/windows-host-process: the Pod Security `windowsHostProcess` check (baseline, policy v1.0+).
 * Checked fields: spec.securityContext.windowsOptions.hostProcess and
 * {init,ephemeral,}containers[*].securityContext.windowsOptions.hostProcess
 * Passing values: false, or unset.
 */
import { windowsHostProcess } from '../../pss/checks/windows-host-process.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: windowsHostProcess,
  title: { en: 'Windows HostProcess container', ja: 'Windows HostProcess コンテナ' },
  description: {
    en: 'Baseline forbids Windows HostProcess containers: they run directly on the Windows node with the privileges of a host process.',
    ja: 'Baseline は Windows の HostProcess コンテナを禁止します。HostProcess コンテナはホストのプロセスと同じ権限で Windows ノード上で直接動作します。',
  },
  remediation: {
    en: 'Remove securityContext.windowsOptions.hostProcess or set it to false.',
    ja: 'securityContext.windowsOptions.hostProcess を削除するか false にしてください。',
  },
  pod: ({ workload }) => `${workload.specPointer}/securityContext/windowsOptions/hostProcess`,
  container: ({ ref }) => `${ref.pointer}/securityContext/windowsOptions/hostProcess`,
});
