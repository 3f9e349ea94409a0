/**
 * CONN-EKS-005: a managed node group with an SSH key and no source security groups has port 22
 * (3389 on Windows) opened to 0.0.0.0/0 by EKS.
 */
import { nodegroupName, type EksFacts } from '../../facts/eks.js';
import type { CloudCheck } from '../../types.js';
import { fail, listText, listTextJa, notApplicable, pass, unknown } from '../define.js';
import { nodegroupInputs, undescribedNodegroups } from './common.js';

export const eksNodegroupSsh: CloudCheck<EksFacts> = {
  meta: {
    id: 'cloud/eks-nodegroup-ssh',
    catalogueId: 'CONN-EKS-005',
    group: 'Connectivity',
    provider: 'eks',
    severity: 'high',
    title: {
      en: 'Managed node group SSH is not open to the world',
      ja: 'マネージドノードグループの SSH が全世界に開いていない',
    },
    remediation: {
      en: 'Recreate the node group without `--remote-access` and use SSM Session Manager, or give `--remote-access ec2SshKey=KEY,sourceSecurityGroups=sg-…` so EKS does not open SSH to 0.0.0.0/0.',
      ja: '`--remote-access` なしでノードグループを作り直して SSM Session Manager を使うか、`--remote-access ec2SshKey=KEY,sourceSecurityGroups=sg-…` を指定して EKS が SSH を 0.0.0.0/0 に開かないようにする。',
    },
    references: ['EKS BPG: Minimize access to worker nodes', 'EKS API RemoteAccessConfig'],
  },
  evaluate(facts) {
    const missingNames = undescribedNodegroups(facts);
    if (facts.nodegroups.length === 0 && missingNames.length === 0) {
      if (facts.nodegroupNames !== undefined) {
        return notApplicable({
          en: 'The cluster has no managed node groups.',
          ja: 'クラスターにマネージドノードグループがない。',
        });
      }
      return unknown(
        {
          en: 'The managed node groups were not given.',
          ja: 'マネージドノードグループが与えられていない。',
        },
        nodegroupInputs(facts, []),
      );
    }
    const open = facts.nodegroups.filter(
      (nodegroup) =>
        nodegroup.at('remoteAccess', 'ec2SshKey').str() !== undefined &&
        nodegroup.at('remoteAccess', 'sourceSecurityGroups').strings().length === 0,
    );
    if (open.length > 0) {
      return fail(
        {
          en: `Node group${open.length > 1 ? 's' : ''} ${listText(open.map(nodegroupName))} set an SSH key without source security groups: SSH is open to 0.0.0.0/0.`,
          ja: `ノードグループ ${listTextJa(open.map(nodegroupName))} がソースセキュリティグループなしで SSH キーを設定しているため、SSH が 0.0.0.0/0 に開いている。`,
        },
        open.flatMap((nodegroup) => [
          nodegroup.at('remoteAccess', 'ec2SshKey'),
          nodegroup.at('remoteAccess', 'sourceSecurityGroups'),
        ]),
      );
    }
    const evidence = facts.nodegroups.map((nodegroup) => nodegroup.get('remoteAccess'));
    if (missingNames.length > 0) {
      return unknown(
        {
          en: `Node group${missingNames.length > 1 ? 's' : ''} ${listText(missingNames)} ${missingNames.length > 1 ? 'were' : 'was'} listed but not described.`,
          ja: `ノードグループ ${listTextJa(missingNames)} は一覧にあるが、describe の出力が与えられていない。`,
        },
        nodegroupInputs(facts, missingNames),
        evidence,
      );
    }
    return pass(
      {
        en: 'No managed node group opens SSH to the world.',
        ja: 'SSH を全世界に開いているマネージドノードグループはない。',
      },
      evidence,
    );
  },
};
