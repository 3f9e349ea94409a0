/**
 * CONN-AKS-004: a private cluster does not publish its API server name in public DNS.
 */
import { aksField, type AksFacts } from '../../facts/aks.js';
import type { CloudCheck } from '../../types.js';
import { fail, notApplicable, pass } from '../define.js';
import { accessProfile, noCluster } from './common.js';

export const aksPrivateFqdn: CloudCheck<AksFacts> = {
  meta: {
    id: 'cloud/aks-private-fqdn',
    catalogueId: 'CONN-AKS-004',
    group: 'Connectivity',
    provider: 'aks',
    severity: 'low',
    title: {
      en: 'A private cluster hides its FQDN from public DNS',
      ja: 'プライベートクラスターが FQDN を公開 DNS に載せていない',
    },
    remediation: {
      en: 'Run `az aks update --resource-group {rg} --name {name} --disable-public-fqdn` and resolve the API server through a private DNS zone.',
      ja: '`az aks update --resource-group {rg} --name {name} --disable-public-fqdn` を実行し、API サーバーはプライベート DNS ゾーンで名前解決する。',
    },
    references: ['AKS docs: Create a private cluster (public FQDN)'],
  },
  evaluate(facts) {
    if (!facts.hasCluster) {
      return noCluster(facts);
    }
    const access = accessProfile(facts);
    const publicFqdn = aksField(facts, 'apiServerAccessProfile', 'enablePrivateClusterPublicFqdn');
    if (!access.privateCluster) {
      return notApplicable(
        { en: 'The cluster is not private.', ja: 'クラスターはプライベートではない。' },
        [access.privateNode],
      );
    }
    if (publicFqdn.bool() === true) {
      return fail(
        {
          en: 'The private cluster publishes a public FQDN that resolves to its private address.',
          ja: 'プライベートクラスターが、プライベートアドレスに解決されるパブリック FQDN を公開している。',
        },
        [publicFqdn, aksField(facts, 'fqdn')],
      );
    }
    return pass(
      {
        en: 'The private cluster has no public FQDN.',
        ja: 'プライベートクラスターはパブリック FQDN を持っていない。',
      },
      [publicFqdn],
    );
  },
};
