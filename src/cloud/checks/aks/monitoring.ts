/**
 * CLUS-AKS-011: Container insights (`omsagent`) or Managed Prometheus metrics is enabled.
 */
import { addonProfile, aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const aksMonitoring: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-monitoring',
    catalogueId: 'CLUS-AKS-011',
    group: 'Cluster',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'Monitoring agent or metrics is enabled',
      ja: '監視エージェントまたはメトリクス収集が有効',
    },
    remediation: {
      en: 'Run `az aks enable-addons --resource-group {rg} --name {name} --addons monitoring` or `az aks update --resource-group {rg} --name {name} --enable-azure-monitor-metrics`.',
      ja: '`az aks enable-addons --resource-group {rg} --name {name} --addons monitoring` または `az aks update --resource-group {rg} --name {name} --enable-azure-monitor-metrics` を実行する。',
    },
    references: ['prowler aks_cluster_azure_monitor_enabled'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const oms = addonProfile(facts, 'omsagent').get('enabled');
    const metrics = aksField(facts, 'azureMonitorProfile', 'metrics', 'enabled');
    if (oms.bool() === true || metrics.bool() === true) {
      return pass(
        oms.bool() === true
          ? {
              en: 'Container insights (omsagent) is enabled.',
              ja: 'Container insights(omsagent)が有効になっている。',
            }
          : {
              en: 'Managed Prometheus metrics is enabled.',
              ja: 'Managed Prometheus のメトリクスが有効になっている。',
            },
        [oms, metrics],
      );
    }
    return fail(
      {
        en: 'Neither Container insights nor Managed Prometheus metrics is enabled.',
        ja: 'Container insights も Managed Prometheus のメトリクスも有効になっていない。',
      },
      [oms, metrics],
    );
  },
};
