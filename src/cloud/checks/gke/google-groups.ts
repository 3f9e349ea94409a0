/**
 * Google Groups for RBAC: Google Workspace groups can be bound in RBAC, so cloud identity drives
 * Kubernetes authorization. Not in the research catalogue; CIS GKE 5.8.2.
 */
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass } from '../define.js';
import { noCluster } from './common.js';

export const gkeGoogleGroups: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-google-groups',
    group: 'Auth',
    provider: 'gke',
    severity: 'low',
    title: {
      en: 'Google Groups for RBAC is enabled',
      ja: 'RBAC 用の Google グループが有効',
    },
    remediation: {
      en: 'Create the `gke-security-groups@YOUR_DOMAIN` group and run `gcloud container clusters update {name} --location {location} --security-group gke-security-groups@YOUR_DOMAIN`.',
      ja: '`gke-security-groups@YOUR_DOMAIN` グループを作成し、`gcloud container clusters update {name} --location {location} --security-group gke-security-groups@YOUR_DOMAIN` を実行する。',
    },
    references: ['CIS GKE 5.8.2'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const config = facts.cluster.get('authenticatorGroupsConfig');
    if (config.get('enabled').bool() === true && config.get('securityGroup').str() !== undefined) {
      return pass(
        {
          en: `Google Groups for RBAC uses ${config.get('securityGroup').str() ?? ''}.`,
          ja: `RBAC 用 Google グループは ${config.get('securityGroup').str() ?? ''} を使っている。`,
        },
        [config.get('enabled'), config.get('securityGroup')],
      );
    }
    return fail(
      {
        en: 'Google Groups for RBAC is not enabled: RBAC can bind only individual accounts.',
        ja: 'RBAC 用 Google グループが有効になっておらず、RBAC では個々のアカウントしかバインドできない。',
      },
      [config.get('enabled')],
    );
  },
};
