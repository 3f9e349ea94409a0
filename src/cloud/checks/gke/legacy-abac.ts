/**
 * AUTH-GKE-001: legacy ABAC is off; it grants broad permissions outside RBAC.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeLegacyAbac: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-legacy-abac',
    catalogueId: 'AUTH-GKE-001',
    group: 'Auth',
    provider: 'gke',
    severity: 'high',
    title: {
      en: 'Legacy ABAC is disabled',
      ja: 'レガシー ABAC が無効',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --no-enable-legacy-authorization`.',
      ja: '`gcloud container clusters update {name} --location {location} --no-enable-legacy-authorization` を実行する。',
    },
    references: ['CIS GKE 5.8.3'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const abac = facts.cluster.at('legacyAbac', 'enabled');
    if (abac.bool() === true) {
      return fail(
        {
          en: 'Legacy ABAC is enabled: it grants permissions outside RBAC.',
          ja: 'レガシー ABAC が有効で、RBAC の外で権限を与えている。',
        },
        [abac],
      );
    }
    return pass({ en: 'Legacy ABAC is disabled.', ja: 'レガシー ABAC は無効になっている。' }, [
      abac,
    ]);
  },
};
