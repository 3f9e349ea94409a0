/**
 * The kinds that kube-apiserver itself serves, by API group, in any version up to the newest
 * release. A manifest whose apiVersion names one of these groups but whose kind is not among them
 * (a typo such as `Deploymnet`, or a kind in the wrong group) would be refused by the cluster,
 * and no rule would check it: that is an input error, reported with a suggestion. Kinds of other
 * groups (custom resources, aggregated APIs) are not judged here.
 */

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
  admissionregistration: [
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
  ],
  apiextensions: ['CustomResourceDefinition'],
  apiregistration: ['APIService'],
  apps: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'Scale', 'StatefulSet'],
  authentication: ['SelfSubjectReview', 'TokenRequest', 'TokenReview'],
  authorization: [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
  ],
  autoscaling: ['HorizontalPodAutoscaler', 'Scale'],
  batch: ['CronJob', 'Job'],
  certificates: ['CertificateSigningRequest', 'ClusterTrustBundle', 'PodCertificateRequest'],
  coordination: ['Lease', 'LeaseCandidate'],
  discovery: ['EndpointSlice'],
  events: ['Event'],
  extensions: [
    'DaemonSet',
    'Deployment',
    'Ingress',
    'NetworkPolicy',
    'PodSecurityPolicy',
    'ReplicaSet',
    'Scale',
  ],
  flowcontrol: ['FlowSchema', 'PriorityLevelConfiguration'],
  internal: ['StorageVersion'],
  networking: ['IPAddress', 'Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceCIDR'],
  node: ['RuntimeClass'],
  policy: ['Eviction', 'PodDisruptionBudget', 'PodSecurityPolicy'],
  rbac: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  resource: [
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
  scheduling: ['PriorityClass'],
  settings: ['PodPreset'],
  storage: [
    'CSIDriver',
    'CSINode',
    'CSIStorageCapacity',
    'StorageClass',
    'VolumeAttachment',
    'VolumeAttributesClass',
  ],
  storagemigration: ['StorageVersionMigration'],
};

/** Full API group names of the built-in groups, by the short names used above. */
const GROUPS: Readonly<Record<string, string>> = {
  '': '',
  admissionregistration: 'admissionregistration.k8s.io',
  apiextensions: 'apiextensions.k8s.io',
  apiregistration: 'apiregistration.k8s.io',
  apps: 'apps',
  authentication: 'authentication.k8s.io',
  authorization: 'authorization.k8s.io',
  autoscaling: 'autoscaling',
  batch: 'batch',
  certificates: 'certificates.k8s.io',
  coordination: 'coordination.k8s.io',
  discovery: 'discovery.k8s.io',
  events: 'events.k8s.io',
  extensions: 'extensions',
  flowcontrol: 'flowcontrol.apiserver.k8s.io',
  internal: 'internal.apiserver.k8s.io',
  networking: 'networking.k8s.io',
  node: 'node.k8s.io',
  policy: 'policy',
  rbac: 'rbac.authorization.k8s.io',
  resource: 'resource.k8s.io',
  scheduling: 'scheduling.k8s.io',
  settings: 'settings.k8s.io',
  storage: 'storage.k8s.io',
  storagemigration: 'storagemigration.k8s.io',
};

const KINDS_BY_GROUP = new Map<string, ReadonlySet<string>>(
  Object.entries(GROUPS).map(([short, group]) => [group, new Set(BUILTIN[short] ?? [])]),
);

/** Every built-in kind, for suggestions across groups. */
const ALL_KINDS: readonly string[] = [...new Set(Object.values(BUILTIN).flat())].sort();

/** Where a built-in kind lives, for "it is in another group" advice. */
function groupsOf(kind: string): string[] {
  return [...KINDS_BY_GROUP].filter(([, kinds]) => kinds.has(kind)).map(([group]) => group);
}

/** Edit distance, for suggestions; small inputs only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
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
    const d = distance(kind, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const hint = best === undefined ? '' : `; did you mean ${best}?`;
  return `kind ${kind} is not served by ${where}, so the cluster would refuse this object and no rule checks it${hint}`;
}
