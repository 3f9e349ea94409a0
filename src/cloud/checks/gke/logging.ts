/**
 * CLUS-GKE-005: Cloud Logging collects system component logs (and, ideally, workload logs).
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeLogging: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-logging',
    catalogueId: 'CLUS-GKE-005',
    group: 'Cluster',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'Cloud Logging collects system logs',
      ja: 'Cloud Logging がシステムログを収集している',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --logging=SYSTEM,WORKLOAD`.',
      ja: '`gcloud container clusters update {name} --location {location} --logging=SYSTEM,WORKLOAD` を実行する。',
    },
    references: ['CIS GKE 5.7.1'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const components = facts.cluster.at('loggingConfig', 'componentConfig', 'enableComponents');
    const service = facts.cluster.get('loggingService');
    const enabled = components.strings().map((item) => item.toUpperCase());
    if (enabled.includes('SYSTEM_COMPONENTS')) {
      const note = enabled.includes('WORKLOADS')
        ? { en: '', ja: '' }
        : { en: ' Workload logs are not collected.', ja: 'ワークロードのログは収集していない。' };
      return pass(
        {
          en: `System component logs are collected.${note.en}`,
          ja: `システムコンポーネントのログを収集している。${note.ja}`,
        },
        [components, service],
      );
    }
    if (!components.present && /^logging\.googleapis\.com/.test(service.str() ?? '')) {
      return pass(
        {
          en: `loggingService is ${service.str() ?? ''}.`,
          ja: `loggingService は ${service.str() ?? ''} になっている。`,
        },
        [service],
      );
    }
    return fail(
      {
        en: `System component logs are not collected (loggingService: ${service.str() ?? 'not set'}).`,
        ja: `システムコンポーネントのログを収集していない(loggingService: ${service.str() ?? '未設定'})。`,
      },
      [components, service],
    );
  },
};
