/**
 * AUTH-AKS-007: with managed Entra ID, an admin group is configured, so cluster-admin is granted
 * to a managed group rather than through local accounts.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksAdminGroup: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-admin-group',
    catalogueId: 'AUTH-AKS-007',
    group: 'Auth',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'An Entra ID admin group is configured',
      ja: 'Entra ID の管理者グループが設定されている',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --aad-admin-group-object-ids GROUP_ID`.',
      ja: '`az aks update --resource-group {rg} --name {name} --aad-admin-group-object-ids GROUP_ID` を実行する。',
    },
    references: ['Azure Policy: Configure AKS clusters with required Admin Group Access'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const profile = aksField(facts, 'aadProfile');
    const groups = profile.get('adminGroupObjectIDs');
    if (profile.get('managed').bool() !== true) {
      return fail(
        {
          en: 'No managed Entra ID integration, so no admin group can be set.',
          ja: 'マネージド Entra ID 統合がないため、管理者グループを設定できない。',
        },
        [profile.get('managed')],
      );
    }
    if (groups.strings().length > 0) {
      return pass(
        {
          en: `${groups.strings().length} admin group${groups.strings().length > 1 ? 's are' : ' is'} configured.`,
          ja: `管理者グループが ${groups.strings().length} 個設定されている。`,
        },
        [groups],
      );
    }
    return fail(
      {
        en: 'Managed Entra ID is on but no admin group is configured.',
        ja: 'マネージド Entra ID は有効だが、管理者グループが設定されていない。',
      },
      [groups],
    );
  },
};
