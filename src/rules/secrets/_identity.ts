/*
 * Cloud workload identities that ServiceAccount annotations grant (IRSA, Azure Workload
 * Identity, GKE Workload Identity). Not a rule module.
 */
import type { Resource } from '../../core/model.js';
import { escapePointerToken } from '../../core/sanitize.js';
import { stringMapAt } from './_objects.js';

/** A cloud identity named by an annotation of a ServiceAccount. */
export interface CloudIdentity {
  annotation: string;
  /** The annotation's value as written. */
  value: string;
  /** Provider and normalised value: equal keys name the same identity. */
  key: string;
  pointer: string;
}

/** Annotations that bind a ServiceAccount to a cloud identity, with how to compare values. */
export const IDENTITY_ANNOTATIONS: readonly {
  annotation: string;
  normalise: (value: string) => string;
}[] = [
  // IAM role ARNs: the partition, account and path are case-sensitive as written.
  { annotation: 'eks.amazonaws.com/role-arn', normalise: (value) => value },
  // A GUID: case does not matter.
  { annotation: 'azure.workload.identity/client-id', normalise: (value) => value.toLowerCase() },
  // An e-mail address of a Google service account.
  { annotation: 'iam.gke.io/gcp-service-account', normalise: (value) => value.toLowerCase() },
];

/** The cloud identities a ServiceAccount's annotations name. */
export function identitiesOf(account: Resource): CloudIdentity[] {
  const annotations = stringMapAt(account.object, '/metadata/annotations');
  return IDENTITY_ANNOTATIONS.flatMap(({ annotation, normalise }) => {
    const value = annotations[annotation]?.trim() ?? '';
    if (value === '') {
      return [];
    }
    return [
      {
        annotation,
        value,
        key: `${annotation}=${normalise(value)}`,
        pointer: `/metadata/annotations/${escapePointerToken(annotation)}`,
      },
    ];
  });
}

/** `namespace/name`, or the name alone for an object without a namespace. */
export function qualifiedName(resource: Resource): string {
  return resource.ref.namespace === undefined
    ? resource.ref.name
    : `${resource.ref.namespace}/${resource.ref.name}`;
}
