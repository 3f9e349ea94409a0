/**
 * CLUS-GKE-001: application-layer Secrets encryption with a Cloud KMS key.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeSecretsKms: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-secrets-kms',
    catalogueId: 'CLUS-GKE-001',
    group: 'Cluster',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'Secrets are encrypted with Cloud KMS',
      ja: 'Secret が Cloud KMS で暗号化されている',
    },
    remediation: {
      en: 'Run `gcloud container clusters update {name} --location {location} --database-encryption-key projects/P/locations/L/keyRings/R/cryptoKeys/K`.',
      ja: '`gcloud container clusters update {name} --location {location} --database-encryption-key projects/P/locations/L/keyRings/R/cryptoKeys/K` を実行する。',
    },
    references: ['CIS GKE 5.3.1'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const encryption = facts.cluster.get('databaseEncryption');
    const state = encryption.get('state');
    if (state.str() === 'ENCRYPTED' && encryption.get('keyName').str() !== undefined) {
      return pass(
        {
          en: 'Application-layer Secrets encryption uses a Cloud KMS key.',
          ja: 'アプリケーションレイヤの Secret 暗号化が Cloud KMS のキーを使っている。',
        },
        [state, encryption.get('keyName')],
      );
    }
    return fail(
      {
        en: `Application-layer Secrets encryption is off (state: ${state.str() ?? 'not set'}).`,
        ja: `アプリケーションレイヤの Secret 暗号化が無効になっている(state: ${state.str() ?? '未設定'})。`,
      },
      [state, encryption.get('keyName')],
    );
  },
};
