/*
 * pss/host-namespaces: the Pod Security `hostNamespaces` check (baseline, policy v1.0+).
 * Checked fields: spec.hostNetwork, spec.hostPID, spec.hostIPC
 * Passing values: false, or unset.
 */
import { hostNamespaces } from '../../pss/checks/host-namespaces.js';
import { definePssRule } from './_factory.js';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default definePssRule({
  check: hostNamespaces,
  title: { en: 'Host namespaces shared', ja: 'ホストの名前空間の共有' },
  description: {
    en: "Baseline forbids sharing the node's network, process ID or IPC namespace: the pod could then see and reach the node's processes, traffic and shared memory.",
    ja: 'Baseline はノードのネットワーク、プロセス ID、IPC の名前空間の共有を禁止します。共有すると Pod からノードのプロセス、通信、共有メモリが見え、操作できるようになります。',
  },
  remediation: {
    en: 'Remove spec.hostNetwork, spec.hostPID and spec.hostIPC, or set them to false.',
    ja: 'spec.hostNetwork、spec.hostPID、spec.hostIPC を削除するか false にしてください。',
  },
  pod: ({ workload, spec }) => {
    const field = FIELDS.find((name) => spec[name] === true) ?? 'hostNetwork';
    return `${workload.specPointer}/${field}`;
  },
});
