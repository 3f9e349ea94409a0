/**
 * The kinds that kube-apiserver itself serves, by API group, in any version up to the newest
 * release. A manifest whose apiVersion names one of these groups but whose kind is not among them
 * (a typo such as `Deploymnet`, or a kind in the wrong group) would be refused by the cluster,
 * and no rule would check it: that is an input error, reported with a suggestion. Kinds of other
 * groups (custom resources, aggregated APIs) are not judged here.
 */

/** Kinds by full API group name (`''` is the core group, apiVersion `v1`). */
const BUILTIN: Readonly<Record<string, readonly string[]>> = {
  '': [
    'Binding',
    'ComponentStatus',
    'ConfigMap',
    'Endpoints',
    'Event',
    'LimitRange',
    'List',
    'Namespace',
    'Node',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'Pod',
    'PodTemplate',
    'ReplicationController',
    'ResourceQuota',
    'Secret',
    'Service',
    'ServiceAccount',
    'Status',
  ],
  'admissionregistration.k8s.io': [
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
  ],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  apps: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'Scale', 'StatefulSet'],
  'authentication.k8s.io': ['SelfSubjectReview', 'TokenRequest', 'TokenReview'],
  'authorization.k8s.io': [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
  ],
  autoscaling: ['HorizontalPodAutoscaler', 'Scale'],
  batch: ['CronJob', 'Job'],
  'certificates.k8s.io': [
    'CertificateSigningRequest',
    'ClusterTrustBundle',
    'PodCertificateRequest',
  ],
  'coordination.k8s.io': ['Lease', 'LeaseCandidate'],
  'discovery.k8s.io': ['EndpointSlice'],
  'events.k8s.io': ['Event'],
  extensions: [
    'DaemonSet',
    'Deployment',
    'Ingress',
    'NetworkPolicy',
    'PodSecurityPolicy',
    'ReplicaSet',
    'Scale',
  ],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'internal.apiserver.k8s.io': ['StorageVersion'],
  'networking.k8s.io': ['IPAddress', 'Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceCIDR'],
  'node.k8s.io': ['RuntimeClass'],
  policy: ['Eviction', 'PodDisruptionBudget', 'PodSecurityPolicy'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'resource.k8s.io': [
    'DeviceClass',
    'DeviceTaintRule',
    'PodSchedulingContext',
    'ResourceClaim',
    'ResourceClaimParameters',
    'ResourceClaimTemplate',
    'ResourceClass',
    'ResourceClassParameters',
    'ResourceSlice',
  ],
  'scheduling.k8s.io': ['PriorityClass'],
  'settings.k8s.io': ['PodPreset'],
  'storage.k8s.io': [
    'CSIDriver',
    'CSINode',
    'CSIStorageCapacity',
    'StorageClass',
    'VolumeAttachment',
    'VolumeAttributesClass',
  ],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
};

const KINDS_BY_GROUP = new Map<string, ReadonlySet<string>>(
  Object.entries(BUILTIN).map(([group, kinds]) => [group, new Set(kinds)]),
);

/** Every built-in kind, for suggestions across groups. */
const ALL_KINDS: readonly string[] = [...new Set(Object.values(BUILTIN).flat())].sort();

/** Where a built-in kind lives, for "it is in another group" advice. */
function groupsOf(kind: string): string[] {
  return [...KINDS_BY_GROUP].filter(([, kinds]) => kinds.has(kind)).map(([group]) => group);
}

/** Edit distance, for suggestions; small inputs only. */
function distance(first: string, second: string): number {
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Why `kind` cannot be an object of `apiVersion`, when its group is built into kube-apiserver and
 * does not have that kind (or its list); undefined otherwise.
 */
export function unknownKindMessage(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const kinds = KINDS_BY_GROUP.get(group);
  if (kinds === undefined || kinds.has(kind)) {
    return undefined;
  }
  // The same unknown kind tends to recur (a misspelling copied across files): the suggestion,
  // an edit distance to every built-in kind, is worked out once.
  const key = `${group}\n${kind}`;
  let message = remembered.get(key);
  if (message === undefined && !remembered.has(key)) {
    message = describeUnknownKind(group, kinds, kind);
    if (remembered.size < 1024) {
      remembered.set(key, message);
    }
  }
  return message;
}

const remembered = new Map<string, string | undefined>();

function describeUnknownKind(
  group: string,
  kinds: ReadonlySet<string>,
  kind: string,
): string | undefined {
  if (kind.endsWith('List') && kinds.has(kind.slice(0, -'List'.length))) {
    return undefined;
  }
  const where = group === '' ? 'the core API group (apiVersion v1)' : `API group ${group}`;
  const elsewhere = groupsOf(kind);
  if (elsewhere.length > 0) {
    const names = elsewhere.map((name) => (name === '' ? 'v1' : `${name}/…`)).join(' or ');
    return `kind ${kind} is not served by ${where}; it belongs to ${names}`;
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(kind.length / 4)) + 1;
  for (const candidate of ALL_KINDS) {
    // The distance is at least the difference in length: most candidates need no table.
    if (Math.abs(candidate.length - kind.length) >= bestDistance) {
      continue;
    }
    const d = distance(kind, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const hint = best === undefined ? '' : `; did you mean ${best}?`;
  return `kind ${kind} is not served by ${where}, so the cluster would refuse this object and no rule checks it${hint}`;
}
