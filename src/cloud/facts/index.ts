/**
 * The facts of any cluster, by provider; `kubernetes` is a bundle of live objects alone.
 */
import type { ClusterBundle } from '../types.js';
import type { InputVars } from '../inputs.js';
import { buildAksFacts, type AksFacts } from './aks.js';
import { buildEksFacts, type EksFacts } from './eks.js';
import { buildGkeFacts, type GkeFacts } from './gke.js';
import { buildK8sFacts, type K8sFacts } from './k8s.js';

export interface KubernetesOnlyFacts {
  provider: 'kubernetes';
  name: string;
  vars: InputVars;
  k8s: K8sFacts;
}

export type ClusterFacts = EksFacts | AksFacts | GkeFacts | KubernetesOnlyFacts;

export function buildFacts(bundle: ClusterBundle): ClusterFacts {
  switch (bundle.provider) {
    case 'eks':
      return buildEksFacts(bundle);
    case 'aks':
      return buildAksFacts(bundle);
    case 'gke':
      return buildGkeFacts(bundle);
    case 'kubernetes':
      return {
        provider: 'kubernetes',
        name: bundle.name,
        vars: { name: bundle.name },
        k8s: buildK8sFacts(bundle),
      };
  }
}
