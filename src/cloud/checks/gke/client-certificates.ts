/**
 * AUTH-GKE-002: no client certificate (and no basic-auth user) is issued for the cluster: such
 * credentials cannot be revoked short of rotating the cluster CA.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, joinClauses, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeClientCertificates: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-client-certificates',
    catalogueId: 'AUTH-GKE-002',
    group: 'Auth',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'Client certificates are not issued',
      ja: 'クライアント証明書を発行していない',
    },
    remediation: {
      en: 'Recreate the cluster without `--issue-client-certificate` (it cannot be turned off in place), or rotate credentials with `gcloud container clusters update {name} --location {location} --start-credential-rotation`.',
      ja: '`--issue-client-certificate` なしでクラスターを作り直す(後から無効にできない)か、`gcloud container clusters update {name} --location {location} --start-credential-rotation` で認証情報をローテーションする。',
    },
    references: ['CIS GKE 5.8.1'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const auth = facts.cluster.get('masterAuth');
    const issue = auth.at('clientCertificateConfig', 'issueClientCertificate');
    const certificate = auth.get('clientCertificate');
    const username = auth.get('username');
    const problems = [
      ...(issue.bool() === true || certificate.str() !== undefined
        ? [{ en: 'a client certificate is issued', ja: 'クライアント証明書が発行されている' }]
        : []),
      ...(username.str() !== undefined
        ? [{ en: 'basic authentication is configured', ja: 'Basic 認証が設定されている' }]
        : []),
    ];
    if (problems.length > 0) {
      return fail(joinClauses(problems, ' and '), [issue, certificate, username]);
    }
    return pass(
      {
        en: 'No client certificate or basic-auth user is issued.',
        ja: 'クライアント証明書も Basic 認証ユーザーも発行されていない。',
      },
      [issue],
    );
  },
};
