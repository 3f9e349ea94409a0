/**
 * CONN-AKS-007: `az aks command invoke` is disabled; it runs commands in the cluster through the
 * Azure control plane, around private endpoints and IP allow-lists.
 */
import type { AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { flagCheck } from './common.js';

export const aksRunCommandDisabled: CloudCheck<AksFacts> = flagCheck(
  {
    id: 'cloud/aks-run-command-disabled',
    catalogueId: 'CONN-AKS-007',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Command invoke is disabled',
      ja: 'コマンド呼び出し(command invoke)が無効',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --disable-run-command`.',
      ja: '`az aks update --resource-group {rg} --name {name} --disable-run-command` を実行する。',
    },
    references: ['Azure Policy: Azure Kubernetes Service Clusters should disable Command Invoke'],
  },
  {
    keys: ['apiServerAccessProfile', 'disableRunCommand'],
    want: true,
    passMessage: {
      en: 'Command invoke is disabled.',
      ja: 'コマンド呼び出し(command invoke)が無効になっている。',
    },
    failMessage: {
      en: 'Command invoke is enabled: `az aks command invoke` can run commands in the cluster through Azure',
      ja: 'コマンド呼び出し(command invoke)が有効で、`az aks command invoke` により Azure 経由でクラスター内でコマンドを実行できる',
    },
  },
);
