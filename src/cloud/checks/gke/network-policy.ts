/**
 * CONN-GKE-004: NetworkPolicy is enforced: the network policy add-on (Calico) or Dataplane V2.
 */
import { policyEngine } from '../../engine.js';
import type { GkeFacts } from '../../facts/gke.js';
import type { CloudCheck } from '../../types.js';
import { fail, pass, unknown } from '../define.js';

export const gkeNetworkPolicy: CloudCheck<GkeFacts> = {
  meta: {
    id: 'cloud/gke-network-policy',
    catalogueId: 'CONN-GKE-004',
    group: 'Connectivity',
    provider: 'gke',
    severity: 'medium',
    title: {
      en: 'NetworkPolicy is enforced',
      ja: 'NetworkPolicy が強制される',
    },
    remediation: {
      en: 'Use Dataplane V2 (`gcloud container clusters create … --enable-dataplane-v2`) or enable the add-on: `gcloud container clusters update {name} --location {location} --update-addons=NetworkPolicy=ENABLED` then `--enable-network-policy`.',
      ja: 'Dataplane V2 を使う(`gcloud container clusters create … --enable-dataplane-v2`)か、アドオンを有効にする: `gcloud container clusters update {name} --location {location} --update-addons=NetworkPolicy=ENABLED` の後に `--enable-network-policy`。',
    },
    references: ['CIS GKE 4.3.1'],
  },
  evaluate(facts) {
    const engine = policyEngine(facts);
    if (engine.state === 'present') {
      return pass(
        {
          en: `Enforcement precondition met: ${engine.reason.en}.`,
          ja: `適用の前提条件を満たしている: ${engine.reason.ja}。`,
        },
        engine.evidence,
      );
    }
    if (engine.state === 'absent') {
      return fail(
        {
          en: `NetworkPolicy objects are not enforced: ${engine.reason.en}.`,
          ja: `NetworkPolicy オブジェクトが適用されていない: ${engine.reason.ja}。`,
        },
        engine.evidence,
      );
    }
    return unknown(
      {
        en: `Whether NetworkPolicy is enforced is unknown: ${engine.reason.en}.`,
        ja: `NetworkPolicy が適用されているかはわからない: ${engine.reason.ja}。`,
      },
      engine.missing,
      engine.evidence,
    );
  },
};
