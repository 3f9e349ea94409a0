/**
 * What the aws-auth checks share: finding the ConfigMap, and whether EKS still reads it.
 */
import { findAwsAuth, parseAwsAuth, type AwsAuth } from '../../aws-auth.js';
import type { EksFacts } from '../../facts/eks.js';
import { missingKubernetesInput } from '../../inputs.js';
import type { CheckOutcome } from '../../types.js';
import { notApplicable, pass, unknown } from '../define.js';

export type AwsAuthLookup = { found: AwsAuth; apiMode: boolean } | { outcome: CheckOutcome };

/** The parsed ConfigMap, or the outcome when it is absent. */
export function lookupAwsAuth(facts: EksFacts): AwsAuthLookup {
  const mode = facts.cluster.at('accessConfig', 'authenticationMode');
  const apiMode = mode.str()?.toUpperCase() === 'API';
  const object = findAwsAuth(facts.k8s);
  if (object !== undefined) {
    return { found: parseAwsAuth(object), apiMode };
  }
  if (apiMode) {
    return {
      outcome: notApplicable(
        {
          en: 'authenticationMode is API: EKS ignores the aws-auth ConfigMap.',
          ja: 'authenticationMode が API のため、EKS は aws-auth ConfigMap を無視する。',
        },
        [mode],
      ),
    };
  }
  if (facts.k8s.has('ConfigMap/aws-auth') || facts.k8s.has('ConfigMap')) {
    return {
      outcome: pass({
        en: 'There is no aws-auth ConfigMap in kube-system.',
        ja: 'kube-system に aws-auth ConfigMap がない。',
      }),
    };
  }
  return {
    outcome: unknown(
      {
        en: 'The aws-auth ConfigMap was not given.',
        ja: 'aws-auth ConfigMap が与えられていない。',
      },
      [missingKubernetesInput('ConfigMap/aws-auth')],
      [mode],
    ),
  };
}
