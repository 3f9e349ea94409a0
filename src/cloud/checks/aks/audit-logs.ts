/**
 * CLUS-AKS-010: control-plane audit logs are shipped: a diagnostic setting enables `kube-audit`
 * or `kube-audit-admin` (or the `audit`/`allLogs` category group) and `guard`.
 */
import type { AksFacts } from '../../facts/aks.js';
import { missingCloudInput } from '../../inputs.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';

export const aksAuditLogs: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-audit-logs',
    catalogueId: 'CLUS-AKS-010',
    group: 'Cluster',
    provider: 'aks',
    severity: 'medium',
    title: {
      en: 'Control-plane audit logs are collected',
      ja: 'コントロールプレーンの監査ログを収集している',
    },
    remediation: {
      en: 'Run `az monitor diagnostic-settings create --resource {id} --name audit --workspace WORKSPACE_ID --logs \'[{"category":"kube-audit-admin","enabled":true},{"category":"guard","enabled":true}]\'`.',
      ja: '`az monitor diagnostic-settings create --resource {id} --name audit --workspace WORKSPACE_ID --logs \'[{"category":"kube-audit-admin","enabled":true},{"category":"guard","enabled":true}]\'` を実行する。',
    },
    references: ['CIS AKS 2.1.1'],
  },
  evaluate(facts) {
    const settings = facts.diagnosticSettings;
    if (settings === undefined) {
      return unknown(
        {
          en: 'The diagnostic settings of the cluster were not given.',
          ja: 'クラスターの診断設定が与えられていない。',
        },
        [missingCloudInput('aks-diagnostic-settings', facts.vars)],
      );
    }
    const logs = settings
      .flatMap((setting) => setting.get('logs').items())
      .filter((log) => log.get('enabled').bool() === true);
    const enabled = new Set<string>();
    for (const log of logs) {
      const category = log.get('category').str()?.toLowerCase();
      const group = log.get('categoryGroup').str()?.toLowerCase();
      if (category !== undefined) {
        enabled.add(category);
      }
      if (group === 'alllogs') {
        ['kube-audit', 'guard'].forEach((item) => enabled.add(item));
      } else if (group === 'audit') {
        ['kube-audit', 'guard'].forEach((item) => enabled.add(item));
      }
    }
    const evidence = logs.map((log) =>
      log.get('category').present ? log.get('category') : log.get('categoryGroup'),
    );
    const audit = enabled.has('kube-audit') || enabled.has('kube-audit-admin');
    const guard = enabled.has('guard');
    if (audit && guard) {
      return pass(
        {
          en: 'Audit (kube-audit or kube-audit-admin) and guard logs are collected.',
          ja: '監査ログ(kube-audit または kube-audit-admin)と guard ログを収集している。',
        },
        evidence,
      );
    }
    const missing = [
      ...(audit ? [] : ['kube-audit or kube-audit-admin']),
      ...(guard ? [] : ['guard']),
    ];
    return fail(
      {
        en: `No diagnostic setting collects ${missing.join(' and ')}.`,
        ja: `${missing.join(' と ')} を収集する診断設定がない。`,
      },
      evidence,
    );
  },
};
